using System.Text;
using NotebookKernel.Wire;

namespace Kernel.Tests;

/// <summary>The wire format and its HMAC, against signatures computed by jupyter_client's own Session.sign.</summary>
public class WireCodecTests
{
    private static readonly byte[][] Parts =
    [
        "{\"msg_id\":\"1\",\"msg_type\":\"kernel_info_request\"}"u8.ToArray(),
        "{}"u8.ToArray(),
        "{}"u8.ToArray(),
        "{}"u8.ToArray(),
    ];

    [Theory]
    [InlineData("hmac-sha256", "ec8ae91e1e1aeb0161f1a30c0a19512da36b8ff66559150a5ac1f22397b28609")]
    [InlineData("hmac-sha512",
        "bb79c297dc2918a8b3eed59f7f04db7c53f027096c404c08ee112f83ddbb57cd" +
        "c503385a1b1d45119ff7f378f07fed715208b7c1f9bec252a8290d2bc85c94da")]
    [InlineData("hmac-sha1", "312664995906a79ad77988acc812dad2e4d1360c")]
    public void JupyterClientsSignature_WhenSigningTheSameFrames_IsIdentical(string scheme, string expected)
    {
        Assert.Equal(expected, MessageSigner.Create(scheme, "course-key").Sign(Parts));
    }

    [Fact]
    public void ASignedMessageWithIdentitiesAndBuffers_WhenDecoded_EveryPartIsKept()
    {
        var codec = new WireCodec(MessageSigner.Create("hmac-sha256", "course-key"));
        var frames = Frames("ec8ae91e1e1aeb0161f1a30c0a19512da36b8ff66559150a5ac1f22397b28609", extra: [[1, 2, 3]]);
        var message = codec.Decode(frames, out var problem);
        Assert.Equal("", problem);
        Assert.NotNull(message);
        Assert.Equal("kernel_info_request", message.Type);
        Assert.Equal("client-id"u8.ToArray(), Assert.Single(message.Identities));
        Assert.Equal(new byte[] { 1, 2, 3 }, Assert.Single(message.Buffers));
    }

    [Fact]
    public void AWrongSignature_WhenDecoded_TheMessageIsDroppedWithAReason()
    {
        var codec = new WireCodec(MessageSigner.Create("hmac-sha256", "course-key"));
        var message = codec.Decode(Frames(new string('0', 64)), out var problem);
        Assert.Null(message);
        Assert.StartsWith("invalid signature", problem);
    }

    [Fact]
    public void NoDelimiterOrTooFewFrames_WhenDecoded_TheMessageIsDroppedWithAReason()
    {
        var codec = new WireCodec(MessageSigner.Create("hmac-sha256", ""));
        Assert.Null(codec.Decode([Encoding.UTF8.GetBytes("garbage")], out var noDelimiter));
        Assert.Contains("no <IDS|MSG> delimiter", noDelimiter);
        Assert.Null(codec.Decode(Frames("").Take(4).ToList(), out var tooFew));
        Assert.Contains("fewer than 5", tooFew);
    }

    [Fact]
    public void MalformedJson_WhenDecoded_TheMessageIsDroppedWithAReason()
    {
        var codec = new WireCodec(MessageSigner.Create("hmac-sha256", ""));
        var frames = Frames("");
        frames[^1] = "{not json"u8.ToArray();
        Assert.Null(codec.Decode(frames, out var problem));
        Assert.StartsWith("malformed JSON", problem);
    }

    [Fact]
    public void AnEncodedReply_WhenDecodedBack_TheSignatureVerifiesAndTheParentAndIdentitiesRoundTrip()
    {
        var codec = new WireCodec(MessageSigner.Create("hmac-sha512", "k"));
        var request = codec.Decode(codec.Encode("kernel_info_request", [], null, ["route"u8.ToArray()]), out _)!;
        var reply = codec.Decode(
            codec.Encode("kernel_info_reply", new() { ["status"] = "ok" }, request),
            out var problem);
        Assert.Equal("", problem);
        Assert.Equal("route"u8.ToArray(), Assert.Single(reply!.Identities));
        Assert.Equal(request.Header["msg_id"]!.GetValue<string>(), reply.ParentHeader["msg_id"]!.GetValue<string>());
        Assert.Equal("5.3", reply.Header["version"]!.GetValue<string>());
        Assert.NotEqual(request.Header["msg_id"]!.GetValue<string>(), reply.Header["msg_id"]!.GetValue<string>());
    }

    [Fact]
    public void AnUnknownScheme_TheErrorNamesTheSupportedOnes()
    {
        var error = Assert.Throws<KernelStartException>(() => MessageSigner.Create("hmac-md5", "k"));
        Assert.Contains("hmac-sha256, hmac-sha512 or hmac-sha1", error.Message);
    }

    private static List<byte[]> Frames(string signature, byte[][]? extra = null) =>
        [
            "client-id"u8.ToArray(),
            "<IDS|MSG>"u8.ToArray(),
            Encoding.ASCII.GetBytes(signature),
            .. Parts,
            .. extra ?? [],
        ];
}
