namespace Softswitch.Interop.Tests.Sipp;

/// <summary>The per-run temporary folder where SIPp writes its statistics, error, screen, action and message logs.</summary>
internal sealed class SippRunFiles
{
    private SippRunFiles(string directory) => Directory = directory;

    public string Directory { get; }

    public string Statistics => Path.Combine(Directory, "statistics.csv");

    public string Errors => Path.Combine(Directory, "errors.log");

    public string Screen => Path.Combine(Directory, "screen.log");

    public string Log => Path.Combine(Directory, "log.log");

    public string Messages => Path.Combine(Directory, "messages.log");

    public static SippRunFiles Create() =>
        new(System.IO.Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "sipp-runs", Guid.NewGuid().ToString("n"))).FullName);

    public string Read(string path) => File.Exists(path) ? File.ReadAllText(path) : "";

    /// <summary>The <c>-trace_rtt</c> CSV, which SIPp names itself (<c>scenario_pid_rtt.csv</c> in its working folder); empty when absent.</summary>
    public string ReadResponseTimes() =>
        System.IO.Directory.EnumerateFiles(Directory, "*_rtt.csv").Select(File.ReadAllText).FirstOrDefault() ?? "";

    public void Delete() => System.IO.Directory.Delete(Directory, recursive: true);
}
