using System.Text;

namespace Softswitch.Sip.Tests.Parsing;

/// <summary>
/// A message from the test corpus. Files are stored with LF line ends and turned into wire bytes here:
/// LF becomes CRLF, <c>&lt;bareLF&gt;</c> becomes a lone LF, and <c>Content-Length: &lt;auto&gt;</c> is
/// replaced by the body length. The first line is a comment: a description, or <c># expect: CODE REASON</c>.
/// </summary>
public sealed record CorpusMessage(string Name, string Comment, byte[] Bytes)
{
    public static string Directory(string kind) => Path.Combine(AppContext.BaseDirectory, "Corpus", kind);

    public static IEnumerable<string> Names(string kind) =>
        System.IO.Directory.GetFiles(Directory(kind), "*.sip").Select(Path.GetFileNameWithoutExtension).Order()!;

    public static CorpusMessage Load(string kind, string name)
    {
        var text = File.ReadAllText(Path.Combine(Directory(kind), name + ".sip"));
        var firstLineEnd = text.IndexOf('\n', StringComparison.Ordinal);
        var comment = text[..firstLineEnd].TrimStart('#', ' ');
        var wire = text[(firstLineEnd + 1)..].Replace("\n", "\r\n", StringComparison.Ordinal).Replace("<bareLF>", "\n", StringComparison.Ordinal);
        var blank = wire.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        if (blank >= 0 && wire.Contains("<auto>", StringComparison.Ordinal))
        {
            var bodyLength = Encoding.UTF8.GetByteCount(wire[(blank + 4)..]);
            wire = wire.Replace("<auto>", bodyLength.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        }

        return new CorpusMessage(name, comment, Encoding.UTF8.GetBytes(wire));
    }

    public string ExpectedError => Comment.StartsWith("expect: ", StringComparison.Ordinal) ? Comment["expect: ".Length..] : "";
}
