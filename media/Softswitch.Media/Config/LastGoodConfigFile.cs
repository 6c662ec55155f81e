using System.Text.Json;
using Softswitch.Switch.Config;

namespace Softswitch.Media.Config;

/// <summary>The rows of the last snapshot built from the database, and when they were read.</summary>
public sealed record LastGoodConfig(DateTimeOffset BuiltAt, SwitchConfigRows Rows);

/// <summary>
/// The last configuration built from the database, kept on disk so the switch can start and route while the database
/// is down. Each write goes to a temporary file that is fsynced and then renamed over the old one, so a crash leaves
/// either the old or the new file whole, never a torn one. The file holds digest HA1 hashes, so only the owner may
/// read it.
/// </summary>
public sealed class LastGoodConfigFile
{
    private const int Format = 1;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public LastGoodConfigFile(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = System.IO.Path.GetFullPath(path);
    }

    public string Path { get; }

    public async Task WriteAsync(LastGoodConfig config, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(config);
        var directory = System.IO.Path.GetDirectoryName(Path)!;
        Directory.CreateDirectory(directory);
        var temporary = Path + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        await using (var stream = new FileStream(temporary, options))
        {
            await JsonSerializer.SerializeAsync(stream, new Document(Format, config.BuiltAt, config.Rows), Json, cancellationToken);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, Path, overwrite: true);
        DirectorySync.Flush(directory);
    }

    /// <summary>The last good configuration, or null when there is no file.</summary>
    /// <exception cref="InvalidDataException">The file exists but is not a snapshot this version can read.</exception>
    public async Task<LastGoodConfig?> ReadAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(Path))
        {
            return null;
        }

        await using var stream = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.Read);
        Document? document;
        try
        {
            document = await JsonSerializer.DeserializeAsync<Document>(stream, Json, cancellationToken);
        }
        catch (JsonException exception)
        {
            throw new InvalidDataException($"{Path} is not a switch configuration snapshot.", exception);
        }

        if (document is not { Format: Format, Rows: { } rows })
        {
            throw new InvalidDataException($"{Path} is not a switch configuration snapshot of format {Format}.");
        }

        return new LastGoodConfig(document.BuiltAt, rows);
    }

    private sealed record Document(int Format, DateTimeOffset BuiltAt, SwitchConfigRows? Rows);
}
