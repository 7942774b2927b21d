using System.Security.Cryptography;
using System.Text;

namespace NotebookKernel.Wire;

/// <summary>Jupyter's message signature: lower-case hex HMAC over header, parent header,
/// metadata and content frames.</summary>
internal sealed class MessageSigner
{
    private readonly byte[] key;
    private readonly HashAlgorithmName algorithm;

    private MessageSigner(byte[] key, HashAlgorithmName algorithm)
    {
        this.key = key;
        this.algorithm = algorithm;
    }

    /// <summary>True when messages are signed (the key is not empty).</summary>
    public bool Enabled => key.Length > 0;

    /// <summary>A signer for <paramref name="scheme"/> ("hmac-sha256", "hmac-sha512", "hmac-sha1")
    /// and the key string.</summary>
    /// <exception cref="KernelStartException">An unsupported scheme.</exception>
    public static MessageSigner Create(string scheme, string key)
    {
        var algorithm = scheme switch
        {
            "hmac-sha256" => HashAlgorithmName.SHA256,
            "hmac-sha512" => HashAlgorithmName.SHA512,
            "hmac-sha1" => HashAlgorithmName.SHA1,
            _ => throw new KernelStartException(
                $"signature_scheme '{scheme}' is not supported; use hmac-sha256, hmac-sha512 or hmac-sha1"),
        };
        // The key is the UTF-8 of the string as written, never hex-decoded (jupyter_client's session.py does the same).
        return new MessageSigner(Encoding.UTF8.GetBytes(key), algorithm);
    }

    /// <summary>The signature of four frames, or "" when signing is off.</summary>
    public string Sign(ReadOnlySpan<byte[]> frames)
    {
        if (!Enabled)
        {
            return "";
        }

        using var hmac = IncrementalHash.CreateHMAC(algorithm, key);
        foreach (var frame in frames)
        {
            hmac.AppendData(frame);
        }

        return Convert.ToHexStringLower(hmac.GetHashAndReset());
    }

    /// <summary>Checks a received signature in constant time; always true when signing is off.</summary>
    public bool Verify(byte[] signature, ReadOnlySpan<byte[]> frames)
    {
        if (!Enabled)
        {
            return true;
        }

        var expected = Encoding.ASCII.GetBytes(Sign(frames));
        return CryptographicOperations.FixedTimeEquals(expected, signature);
    }
}
