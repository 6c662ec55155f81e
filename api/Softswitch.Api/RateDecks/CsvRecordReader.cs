using System.Text;

namespace Softswitch.Api.RateDecks;

/// <summary>
/// Reads RFC 4180 records one at a time from a text stream: fields separated by commas, a field in double quotes
/// may hold commas, line breaks and doubled quotes (<c>""</c>). Lines end in CRLF, LF or CR. Nothing is read ahead
/// beyond the reader's buffer, so a deck of any size is parsed in constant memory.
/// </summary>
/// <remarks>
/// A malformed record does not stop the reader: it is read to its end, <see cref="Fault"/> says what was wrong, and
/// the next call starts on the following record, so one import can report every bad row at once.
/// </remarks>
public sealed class CsvRecordReader(TextReader reader, int maxFieldLength, int maxFields)
{
    private const int BufferSize = 64 * 1024;
    private const int EndOfInput = -1;

    private readonly char[] buffer = new char[BufferSize];
    private readonly StringBuilder field = new();
    private readonly List<string> fields = [];
    private int position;
    private int length;
    private int nextLine = 1;

    private enum State
    {
        FieldStart,
        Unquoted,
        Quoted,
        QuoteInQuoted,
    }

    /// <summary>The fields of the current record.</summary>
    public IReadOnlyList<string> Fields => fields;

    /// <summary>1-based line on which the current record starts.</summary>
    public int Line { get; private set; }

    /// <summary>Why the current record is malformed, or null when it is well formed.</summary>
    public string? Fault { get; private set; }

    /// <summary>True for an empty line, which carries no record.</summary>
    public bool IsBlank => fields.Count == 1 && fields[0].Length == 0 && Fault is null;

    /// <summary>Reads the next record; false at the end of the input.</summary>
    public async ValueTask<bool> ReadAsync(CancellationToken cancellationToken)
    {
        fields.Clear();
        field.Clear();
        Fault = null;
        var c = await NextAsync(cancellationToken);
        if (c == EndOfInput)
        {
            return false;
        }

        Line = nextLine;
        var state = State.FieldStart;
        for (; ; c = await NextAsync(cancellationToken))
        {
            switch (state)
            {
                case State.Quoted when c == EndOfInput:
                    RecordFault("a quoted field is never closed.");
                    EndField();
                    return true;
                case State.Quoted when c == '"':
                    state = State.QuoteInQuoted;
                    break;
                case State.Quoted:
                    nextLine += c == '\n' ? 1 : 0;
                    Append((char)c);
                    break;
                case State.QuoteInQuoted when c == '"':
                    // RFC 4180 §2.7: a doubled quote inside a quoted field is one quote.
                    Append('"');
                    state = State.Quoted;
                    break;
                case State.FieldStart when c == '"':
                    state = State.Quoted;
                    break;
                case State.QuoteInQuoted or State.FieldStart or State.Unquoted when c == ',':
                    EndField();
                    state = State.FieldStart;
                    break;
                case State.QuoteInQuoted or State.FieldStart or State.Unquoted when c is '\n' or EndOfInput:
                    nextLine += c == '\n' ? 1 : 0;
                    EndField();
                    return true;
                case State.QuoteInQuoted:
                    RecordFault("a closing quote must be followed by a comma or the end of the line.");
                    Append((char)c);
                    state = State.Unquoted;
                    break;
                default:
                    if (c == '"')
                    {
                        RecordFault("a quote appears inside an unquoted field; enclose the whole field in quotes and double the quote.");
                    }

                    Append((char)c);
                    state = State.Unquoted;
                    break;
            }
        }
    }

    private void Append(char c)
    {
        if (field.Length < maxFieldLength)
        {
            field.Append(c);
        }
        else
        {
            RecordFault($"a field is longer than {maxFieldLength} characters.");
        }
    }

    private void EndField()
    {
        if (fields.Count < maxFields)
        {
            fields.Add(field.ToString());
        }
        else
        {
            RecordFault($"has more than {maxFields} fields.");
        }

        field.Clear();
    }

    private void RecordFault(string fault) => Fault ??= fault;

    /// <summary>The next character, with CRLF and a lone CR both read as one LF.</summary>
    private ValueTask<int> NextAsync(CancellationToken cancellationToken)
    {
        // Almost every character is already in the buffer and is not a CR: answer without an async state machine.
        if (position < length && buffer[position] != '\r')
        {
            return ValueTask.FromResult<int>(buffer[position++]);
        }

        return NextSlowAsync(cancellationToken);
    }

    private async ValueTask<int> NextSlowAsync(CancellationToken cancellationToken)
    {
        if (position == length && !await FillAsync(cancellationToken))
        {
            return EndOfInput;
        }

        var c = buffer[position++];
        if (c != '\r')
        {
            return c;
        }

        if ((position < length || await FillAsync(cancellationToken)) && buffer[position] == '\n')
        {
            position++;
        }

        return '\n';
    }

    private async ValueTask<bool> FillAsync(CancellationToken cancellationToken)
    {
        length = await reader.ReadAsync(buffer.AsMemory(), cancellationToken);
        position = 0;
        return length > 0;
    }
}
