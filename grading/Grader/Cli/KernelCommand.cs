using System.CommandLine;
using Grading.Running.Execution;

namespace Grading.Cli;

/// <summary><c>kernel install [--user | --prefix DIR]</c>, <c>kernel uninstall</c>, <c>kernel list</c>: the
/// `.net-csharp` Jupyter kernelspec.</summary>
internal static class KernelCommand
{
    public static Command Create(Terminal terminal)
    {
        var prefix = new Option<string?>("--prefix")
        {
            Description = "Install under DIR/share/jupyter/kernels (a virtualenv or conda prefix) " +
                "instead of the user's folder.",
        };
        var user = new Option<bool>("--user") { Description = "Install for the current user (the default)." };
        var install = new Command(
            "install",
            "Build the kernel (Release) and write kernels/.net-csharp/kernel.json pointing at it.");
        install.Options.Add(user);
        install.Options.Add(prefix);
        install.SetAction(result => Install(result.GetValue(prefix), terminal));

        var uninstallPrefix = new Option<string?>("--prefix")
        {
            Description = "Remove the kernelspec installed with this --prefix.",
        };
        var uninstall = new Command("uninstall", "Remove the `.net-csharp` kernelspec written by install.");
        uninstall.Options.Add(uninstallPrefix);
        uninstall.SetAction(result => Uninstall(result.GetValue(uninstallPrefix), terminal));

        var list = new Command(
            "list",
            "Show every `.net-csharp` kernelspec Jupyter clients would find, in their search order.");
        list.SetAction(_ => List(terminal));

        var command = new Command(
            "kernel",
            "The `.net-csharp` Jupyter kernel: " +
            "notebooks run in JupyterLab, Notebook, VS Code and nbconvert on this engine.");
        command.Subcommands.Add(install);
        command.Subcommands.Add(uninstall);
        command.Subcommands.Add(list);
        return command;
    }

    private static int Install(string? prefix, Terminal terminal)
    {
        var project = KernelSpec.FindKernelProject(Environment.CurrentDirectory)
            ?? KernelSpec.FindKernelProject(AppContext.BaseDirectory);
        if (project is null)
        {
            terminal.Error.WriteLine(
                "grading/Kernel/Kernel.csproj not found above this folder: run `dotnet run -- kernel install` from " +
                "the course's grading/ folder.");
            return (int)ExitCode.InputError;
        }

        string dll;
        try
        {
            terminal.Out.WriteLine($"Building {RepositoryPaths.Display(project)} (Release)…");
            dll = KernelSpec.Build(project);
        }
        catch (InvalidOperationException exception)
        {
            terminal.Error.WriteLine(exception.Message);
            return (int)ExitCode.EnvironmentError;
        }

        var file = KernelSpec.Write(KernelSpec.Folder(prefix), dll);
        terminal.Out.WriteLine($"Installed kernel '{KernelSpec.Name}' (.NET (C#)) in {file}");
        terminal.Out.WriteLine(
            "Pick \".NET (C#)\" in Jupyter, VS Code or nbconvert; " +
            "notebooks saved with kernelspec .net-csharp use it as they are.");
        return (int)ExitCode.Success;
    }

    private static int Uninstall(string? prefix, Terminal terminal)
    {
        var folder = KernelSpec.Folder(prefix);
        if (!Directory.Exists(folder))
        {
            terminal.Error.WriteLine($"No kernelspec at {folder}: nothing to remove (see `kernel list`).");
            return (int)ExitCode.InputError;
        }

        Directory.Delete(folder, recursive: true);
        terminal.Out.WriteLine($"Removed {folder}");
        return (int)ExitCode.Success;
    }

    private static int List(Terminal terminal)
    {
        var found = KernelSpec.SearchedFolders().Where(f => File.Exists(Path.Combine(f, "kernel.json"))).ToList();
        foreach (var folder in found)
        {
            terminal.Out.WriteLine($"{KernelSpec.Name}  {folder}");
        }

        if (found.Count == 0)
        {
            terminal.Out.WriteLine(
                $"No '{KernelSpec.Name}' kernelspec found; install one with `dotnet run -- kernel install`.");
        }

        return (int)ExitCode.Success;
    }
}
