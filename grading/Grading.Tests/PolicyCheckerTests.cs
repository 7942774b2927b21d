using System.Text.Json.Nodes;
using Grading.Notebooks;
using Grading.Policy;

namespace Grading.Tests;

/// <summary>
/// The code policy on single student cells: what the course allows, and each way out of plain computation, refused by
/// name and line.
/// </summary>
public class PolicyCheckerTests
{
    [Fact]
    public void CourseStyleCode_WhenChecked_NothingIsRefused()
    {
        const string code = """
            var rng = new Random(42);
            var xs = Enumerable.Range(0, 10).Select(i => (float)rng.NextDouble()).ToArray();
            Span<float> view = xs.AsSpan(2, 3);
            var sb = new System.Text.StringBuilder().Append(Math.Sqrt(2)).Append(MathF.PI);
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var pairs = new Dictionary<string, (int Id, float Score)> { ["a"] = (1, 0.5f) };
            record Point(double X, double Y);
            var norm = System.Numerics.Tensors.TensorPrimitives.Norm(view);
            var t = Tensor.FromArray(xs, 2, 5);
            Check.Close("sum", xs.Sum(), xs.Sum(), 0f);
            Console.WriteLine($"{nameof(System.IO.File)} {sb} {clock.Elapsed} {pairs.Count} " +
                              $"{new Point(1, 2)} {norm:F2} {t.ShapeText}");
            """;
        Assert.Empty(PolicyWorkspace.Violations(code).Select(v => v.ToString()));
    }

    [Theory]
    [InlineData(
        "var text = System.IO.File.ReadAllText(\"/proc/self/maps\");",
        "System.IO.File.ReadAllText",
        "the file system")]
    [InlineData(
        "using var mem = new System.IO.FileStream(\"/proc/self/mem\", System.IO.FileMode.Open);",
        "System.IO.FileStream",
        "the file system")]
    [InlineData("var seen = System.IO.Directory.Exists(\"/work\");", "System.IO.Directory.Exists", "the file system")]
    [InlineData(
        "var frame = new System.Diagnostics.StackTrace().GetFrame(1);",
        "System.Diagnostics.StackTrace.GetFrame",
        "processes, stack traces and debuggers")]
    [InlineData("var il = typeof(Check).GetMethod(\"Fail\");", "System.Type.GetMethod", "reflection")]
    [InlineData("var o = Activator.CreateInstance(typeof(object));", "System.Activator.CreateInstance", "reflection")]
    [InlineData("Func<int> f = () => 1; var m = f.Method;", "System.Delegate.Method", "reflection on delegates")]
    [InlineData("Environment.Exit(0);", "System.Environment.Exit", "the process and its environment")]
    [InlineData("AppContext.SetSwitch(\"x\", true);", "System.AppContext.SetSwitch", "the process's settings")]
    [InlineData("GC.Collect();", "System.GC.Collect", "the garbage collector")]
    [InlineData(
        "var raw = Console.OpenStandardOutput();",
        "System.Console.OpenStandardOutput",
        "the console's raw streams, input and redirection (Console.Write and WriteLine are allowed)")]
    [InlineData(
        "Console.SetOut(new System.IO.StringWriter());",
        "System.Console.SetOut",
        "the console's raw streams, input and redirection (Console.Write and WriteLine are allowed)")]
    [InlineData(
        "var next = Console.ReadLine();",
        "System.Console.ReadLine",
        "the console's raw streams, input and redirection (Console.Write and WriteLine are allowed)")]
    [InlineData(
        "var lib = System.Runtime.InteropServices.NativeLibrary.Load(\"libc.so.6\");",
        "System.Runtime.InteropServices.NativeLibrary.Load",
        "interop, raw memory and runtime internals")]
    [InlineData(
        "var b = System.Runtime.InteropServices.Marshal.ReadByte(0);",
        "System.Runtime.InteropServices.Marshal.ReadByte",
        "interop, raw memory and runtime internals")]
    [InlineData(
        "var s = System.Runtime.CompilerServices.Unsafe.As<string>(new object());",
        "System.Runtime.CompilerServices.Unsafe.As",
        "interop, raw memory and runtime internals")]
    [InlineData(
        "System.Diagnostics.Process.Start(\"sh\");",
        "System.Diagnostics.Process.Start",
        "processes, stack traces and debuggers")]
    [InlineData(
        "new System.Threading.Thread(() => { }).Start();",
        "System.Threading.Thread.Start",
        "threads that outlive their cell")]
    [InlineData(
        "var e = System.Linq.Expressions.Expression.Constant(1);",
        "System.Linq.Expressions.Expression.Constant",
        "expression trees, which call members by name")]
    [InlineData(
        "var v = System.Numerics.Vector.LoadUnsafe(ref new float[4][0], 0);",
        "System.Numerics.Vector.LoadUnsafe",
        "memory access without bounds or type checks")]
    [InlineData("dynamic d = 1;", "dynamic", "late binding, which reaches members no check can see")]
    [InlineData("unsafe { int x = 1; int* p = &x; }", "unsafe code", "code outside .NET's memory safety")]
    [InlineData(
        "[System.Runtime.InteropServices.DllImport(\"libc\")] static extern int getpid();",
        "System.Runtime.InteropServices.DllImportAttribute",
        "interop, raw memory and runtime internals")]
    [InlineData("using F = System.IO.File;", "System.IO.File", "the file system")]
    [InlineData("var types = new List<Type>();", "System.Type", "reflection")]
    [InlineData("var client = new System.Net.Sockets.TcpClient();", "System.Net.Sockets.TcpClient", "the network")]
    public void AWayOutOfPlainComputation_WhenChecked_IsRefusedByNameWithWhatItProtects(
        string code,
        string api,
        string why)
    {
        var violation = Assert.Single(PolicyWorkspace.Violations(code), v => v.Api == api);
        Assert.Equal(why, violation.Why);
        Assert.Equal(1, violation.Line);
    }

    [Theory]
    [InlineData("#r \"/usr/lib/some.dll\"", "#r")]
    [InlineData("#load \"other.csx\"", "#load")]
    [InlineData("delegate*<int, int> f = null;", "function pointers")]
    public void CodeThatLoadsFilesOrUsesFunctionPointers_WhenChecked_IsRefused(string code, string api) =>
        Assert.Contains(PolicyWorkspace.Violations(code), v => v.Api == api);

    [Fact]
    public void SeveralUses_WhenChecked_EachApiIsReportedOnceAtItsFirstLine()
    {
        var violations = PolicyWorkspace.Violations("var a = 1;\nvar x = System.IO.File.Exists(\"a\");\n" +
                                                    "var y = System.IO.File.Exists(\"b\");\nGC.Collect();");
        Assert.Equal([(2, "System.IO.File.Exists"), (4, "System.GC.Collect")], violations.Select(v => (v.Line, v.Api)));
        Assert.Equal(
            "line 2 uses System.IO.File.Exists (the file system), which this assignment does not allow",
            violations[0].ToString());
    }

    [Fact]
    public void AnApiNoEntryCovers_WhenChecked_IsRefusedAsNotOnTheList()
    {
        var violation = Assert.Single(
            PolicyWorkspace.Violations("var id = Guid.NewGuid(); var uri = new Uri(\"http://x\");"));
        Assert.Equal("System.Uri", violation.Api);
        Assert.Equal(
            "line 1 uses System.Uri, which is not on this assignment's list of allowed APIs",
            violation.ToString());
    }

    [Fact]
    public void AnAssignmentThatAllowsOneMember_WhenChecked_OnlyThatMemberOpens()
    {
        var policy = PolicyFor("""{"allow": ["System.IO.File.ReadAllText"], "deny": ["Plotly.NET"]}""");
        Assert.Empty(PolicyWorkspace.Violations("var s = System.IO.File.ReadAllText(\"data.txt\");", policy)
            .Select(v => v.ToString()));
        Assert.Equal(
            "System.IO.File.WriteAllText",
            Assert.Single(PolicyWorkspace.Violations("System.IO.File.WriteAllText(\"a\", \"b\");", policy)).Api);
        Assert.Equal("this assignment's policy", policy.Decide("Plotly.NET.Chart.Line")!.Why);
    }

    [Theory]
    [InlineData("[\"System.IO\"]", "metadata.student_code_policy must be an object")]
    [InlineData("{\"allowed\": []}", "metadata.student_code_policy.allowed is not a policy list")]
    [InlineData("{\"allow\": \"System.IO\"}", "metadata.student_code_policy.allow must be a list of dotted names")]
    [InlineData(
        "{\"allow\": [\"System.Collections.Generic.List`1\"]}",
        "metadata.student_code_policy.allow[0] must be a dotted name without generic arity")]
    public void MalformedPolicyMetadata_WhenRead_TheErrorSaysWhereAndWhatToWrite(string json, string start)
    {
        var error = Assert.Throws<PolicyFormatException>(() => PolicyFor(json));
        Assert.StartsWith(start, error.Message);
    }

    [Fact]
    public void EntriesAtSeveralDepths_WhenDeciding_TheMostSpecificWinsAndDenyWinsTies()
    {
        var policy = new ApiPolicy(
        [
            new("System", true),
            new("System.IO", false, "files"),
            new("System.IO.Path.Combine", true),
            new("System.Math", false, "no"),
        ]);
        Assert.True(policy.Decide("System.String.Join")!.Allow);
        Assert.False(policy.Decide("System.IO.File.Delete")!.Allow);
        Assert.True(policy.Decide("System.IO.Path.Combine")!.Allow);
        Assert.Null(policy.Decide("Systemic.Thing"));
        Assert.False(new ApiPolicy([new("System.Math", true), new("System.Math", false, "tie")])
            .Decide("System.Math.Abs")!.Allow);
    }

    private static ApiPolicy PolicyFor(string json)
    {
        var notebook = Notebook.Load(Fixture.TinyNotebook);
        notebook.Metadata[ApiPolicy.MetadataKey] = JsonNode.Parse(json);
        return ApiPolicy.For(notebook);
    }
}
