using System.Text.Json;
using System.Text.Json.Serialization;

namespace NotebookKernel.Wire;

/// <summary>The connection file a Jupyter client writes for a kernel: transport, address,
/// five ports and the signing key.</summary>
internal sealed record ConnectionInfo
{
    /// <summary>"tcp" (the only transport supported: NetMQ's ipc is not libzmq's unix sockets).</summary>
    [JsonPropertyName("transport")] public string Transport { get; init; } = "tcp";

    /// <summary>The interface to bind, usually 127.0.0.1.</summary>
    [JsonPropertyName("ip")] public string Ip { get; init; } = "127.0.0.1";

    /// <summary>Shell channel port.</summary>
    [JsonPropertyName("shell_port")] public int ShellPort { get; init; }

    /// <summary>IOPub channel port.</summary>
    [JsonPropertyName("iopub_port")] public int IopubPort { get; init; }

    /// <summary>Stdin channel port.</summary>
    [JsonPropertyName("stdin_port")] public int StdinPort { get; init; }

    /// <summary>Control channel port.</summary>
    [JsonPropertyName("control_port")] public int ControlPort { get; init; }

    /// <summary>Heartbeat port.</summary>
    [JsonPropertyName("hb_port")] public int HeartbeatPort { get; init; }

    /// <summary>"hmac-sha256" (also hmac-sha512, hmac-sha1).</summary>
    [JsonPropertyName("signature_scheme")] public string SignatureScheme { get; init; } = "hmac-sha256";

    /// <summary>The HMAC key (its UTF-8 bytes are the key); "" turns signing off.</summary>
    [JsonPropertyName("key")] public string Key { get; init; } = "";

    /// <summary>The ZeroMQ address of <paramref name="port"/>.</summary>
    public string Address(int port)
    {
        var host = Ip is "0.0.0.0" or "" ? "*" : Ip.Contains(':') && !Ip.StartsWith('[') ? $"[{Ip}]" : Ip;
        return $"{Transport}://{host}:{port}";
    }

    /// <summary>Reads and checks a connection file.</summary>
    /// <exception cref="KernelStartException">Missing, unreadable or invalid file,
    /// or an unsupported transport.</exception>
    public static ConnectionInfo Load(string path)
    {
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new KernelStartException($"cannot read the connection file '{path}': {exception.Message}");
        }

        ConnectionInfo? info;
        try
        {
            info = JsonSerializer.Deserialize<ConnectionInfo>(json);
        }
        catch (JsonException exception)
        {
            throw new KernelStartException($"the connection file '{path}' is not valid JSON ({exception.Message}); " +
                                           "a Jupyter client writes it, pass its path with --connection-file");
        }

        return (info ?? throw new KernelStartException($"the connection file '{path}' is empty")).Validate(path);
    }

    private ConnectionInfo Validate(string path)
    {
        if (Transport != "tcp")
        {
            throw new KernelStartException($"transport '{Transport}' in '{path}' is not supported: " +
                                           "this kernel speaks tcp only (NetMQ's ipc is not compatible with libzmq); " +
                                           "start the client with transport=tcp");
        }

        var ports = new[]
        {
            ("shell_port", ShellPort),
            ("iopub_port", IopubPort),
            ("stdin_port", StdinPort),
            ("control_port", ControlPort),
            ("hb_port", HeartbeatPort),
        };
        if (ports.FirstOrDefault(p => p.Item2 is <= 0 or > 65535) is { Item1: not null } bad)
        {
            throw new KernelStartException($"'{bad.Item1}' in '{path}' is {bad.Item2}, not a port number (1-65535)");
        }

        _ = MessageSigner.Create(SignatureScheme, Key);
        return this;
    }
}
