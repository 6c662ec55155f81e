using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace Softswitch.Interop.Tests.Infrastructure;

/// <summary>
/// The last lines a child process wrote, kept for failure messages. Bounded, because a long SIPp or baresip run prints
/// far more than a failure message needs.
/// </summary>
internal sealed partial class ProcessOutputTail
{
    private const int Capacity = 200;
    private readonly Queue<string> _lines = new();
    private readonly Lock _gate = new();

    /// <summary>
    /// Starts reading both streams; call after <see cref="Process.Start()"/> with both redirected. Standard output is
    /// always read, so that the process never blocks on a full pipe, but kept only if <paramref name="keepStandardOutput"/>.
    /// </summary>
    public void Follow(Process process, bool keepStandardOutput = true)
    {
        process.OutputDataReceived += (_, line) =>
        {
            if (keepStandardOutput)
            {
                Add(line.Data);
            }
        };
        process.ErrorDataReceived += (_, line) => Add(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public override string ToString()
    {
        lock (_gate)
        {
            return new StringBuilder().AppendJoin('\n', _lines).ToString();
        }
    }

    private void Add(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            if (_lines.Count == Capacity)
            {
                _lines.Dequeue();
            }

            _lines.Enqueue(TerminalEscape().Replace(line, ""));
        }
    }

    /// <summary>baresip colours its errors and SIPp draws its screen with ANSI escapes; a failure message wants the text.</summary>
    [GeneratedRegex(@"\x1B\[[0-9;?]*[A-Za-z]")]
    private static partial Regex TerminalEscape();
}
