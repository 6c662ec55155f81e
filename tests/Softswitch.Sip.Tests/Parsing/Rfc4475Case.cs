namespace Softswitch.Sip.Tests.Parsing;

/// <summary>
/// One message of RFC 4475 §3 as listed in <c>Corpus/Rfc4475/manifest.tsv</c>: its exact wire bytes (the file
/// <c>NAME.sip</c>), what parsing it, as a datagram and from a stream, must give, and what the switch answers over UDP.
/// </summary>
public sealed record Rfc4475Case(string Name, string Section, string Datagram, string Stream, string Udp)
{
    public const string NoAnswer = "-";
    public const string Valid = "valid";
    public const string NeedMoreData = "more";

    private static string Folder => Path.Combine(AppContext.BaseDirectory, "Corpus", "Rfc4475");

    public static IReadOnlyList<Rfc4475Case> All { get; } = File.ReadLines(Path.Combine(Folder, "manifest.tsv"))
        .Where(line => line.Length > 0 && line[0] != '#' && !line.StartsWith("name\t", StringComparison.Ordinal))
        .Select(line => line.Split('\t'))
        .Select(fields => new Rfc4475Case(fields[0], fields[1], fields[2], fields[3], fields[4]))
        .ToList();

    public static Rfc4475Case Named(string name) => All.Single(c => c.Name == name);

    public byte[] Bytes => File.ReadAllBytes(Path.Combine(Folder, Name + ".sip"));

    public override string ToString() => $"{Section} {Name}";
}
