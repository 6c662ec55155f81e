using System.Buffers;
using System.Text;

namespace Softswitch.Interop.Tests.Baresip;

public sealed class NetstringTests
{
    private static readonly byte[] Frame = Netstring.Encode("""{"command":"quit"}"""u8);

    [Fact]
    public void Encode_writes_length_colon_payload_comma()
    {
        Assert.Equal("""18:{"command":"quit"},""", Encoding.ASCII.GetString(Frame));
    }

    [Fact]
    public void Every_prefix_of_a_frame_needs_more_data_and_consumes_nothing()
    {
        for (var length = 0; length < Frame.Length; length++)
        {
            var reader = new SequenceReader<byte>(new ReadOnlySequence<byte>(Frame, 0, length));

            Assert.False(Netstring.TryRead(ref reader, out _));
            Assert.Equal(0, reader.Consumed);
        }
    }

    [Fact]
    public void Frames_back_to_back_are_read_in_turn()
    {
        var reader = new SequenceReader<byte>(new ReadOnlySequence<byte>([.. Frame, .. "0:,"u8]));

        Assert.True(Netstring.TryRead(ref reader, out var first));
        Assert.Equal("""{"command":"quit"}""", Encoding.ASCII.GetString(first));
        Assert.True(Netstring.TryRead(ref reader, out var second));
        Assert.True(second.IsEmpty);
        Assert.True(reader.End);
    }

    [Theory]
    [InlineData("x:abc,")]
    [InlineData(":abc,")]
    [InlineData("3:abcX")]
    [InlineData("12345678")]
    [InlineData("9999999:")]
    public void Malformed_input_is_rejected(string input)
    {
        var bytes = Encoding.ASCII.GetBytes(input);

        Assert.Throws<InvalidDataException>(() =>
        {
            var reader = new SequenceReader<byte>(new ReadOnlySequence<byte>(bytes));
            Netstring.TryRead(ref reader, out _);
        });
    }
}
