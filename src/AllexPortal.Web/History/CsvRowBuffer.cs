using System.Buffers;
using System.Globalization;
using System.Text;
using AllexPortal.Core.Csv;

namespace AllexPortal.Web.History;

/// <summary>
/// Formats CSV rows into one pooled character buffer and hands it to the writer in blocks, for exports of a million
/// rows where CsvHelper's per-field work and an await per row were most of the cost. It writes exactly what
/// <see cref="SafeCsv.CreateWriter"/> writes for the same fields (a test compares the two): comma-separated,
/// CRLF rows, a field quoted (quotes doubled) when it holds a quote, comma, CR or LF or starts or ends with a
/// space. Text passed to <see cref="Text"/> is neutralised as <see cref="SafeCsv.Neutralise"/> does; numbers and
/// times are written as they are.
/// </summary>
internal sealed class CsvRowBuffer : IAsyncDisposable
{
    /// <summary>Characters gathered before a write to the output: a few hundred rows, small next to any export.</summary>
    private const int BlockSize = 32 * 1024;

    /// <summary>Characters that make CsvHelper quote a field wherever they are.</summary>
    private static readonly SearchValues<char> Special = SearchValues.Create("\",\r\n");

    private readonly TextWriter output;
    private char[] buffer = ArrayPool<char>.Shared.Rent(BlockSize * 2);
    private int length;
    private bool rowStarted;
    private char[] scratch = new char[256];

    public CsvRowBuffer(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        this.output = output;
    }

    /// <summary>A header row of <paramref name="columns"/>.</summary>
    public void Header(IEnumerable<string> columns)
    {
        foreach (var column in columns)
        {
            Raw(column);
        }
        EndRow();
    }

    /// <summary>A text cell, neutralised against formulas.</summary>
    public void Text(string? value) => Text(value.AsSpan());

    /// <summary>A text cell given as UTF-8 (as SQLite holds it), neutralised against formulas.</summary>
    public void Utf8Text(ReadOnlySpan<byte> utf8) => Utf8Cell(utf8, neutralise: true);

    /// <summary>A cell written as given (a number, an id, a label already neutralised), quoted where CSV needs it.</summary>
    public void Raw(string? value)
    {
        Separate();
        Quoted([], value.AsSpan());
    }

    /// <summary>A cell given as UTF-8, written as given (see <see cref="Raw(string?)"/>).</summary>
    public void Utf8Raw(ReadOnlySpan<byte> utf8) => Utf8Cell(utf8, neutralise: false);

    /// <summary>A decimal in invariant form; never neutralised, so a negative amount stays a number.</summary>
    public void Number(decimal value)
    {
        Separate();
        Ensure(64);
        value.TryFormat(buffer.AsSpan(length), out var written, default, CultureInfo.InvariantCulture);
        length += written;
    }

    /// <summary>An optional decimal; empty when absent.</summary>
    public void Number(decimal? value)
    {
        if (value is { } number)
        {
            Number(number);
        }
        else
        {
            Raw(null);
        }
    }

    /// <summary>An instant as <see cref="SafeCsv.FormatTime"/> writes it.</summary>
    public void Time(DateTimeOffset value)
    {
        Separate();
        Ensure(64);
        // "s" (yyyy-MM-ddTHH:mm:ss) is one of the runtime's fast formats; a custom pattern is parsed on every call.
        var utc = value.UtcDateTime;
        utc.TryFormat(buffer.AsSpan(length), out var written, "s", CultureInfo.InvariantCulture);
        length += written;
        var millisecond = utc.Millisecond;
        buffer[length] = '.';
        buffer[length + 1] = (char)('0' + (millisecond / 100));
        buffer[length + 2] = (char)('0' + (millisecond / 10 % 10));
        buffer[length + 3] = (char)('0' + (millisecond % 10));
        buffer[length + 4] = 'Z';
        length += 5;
    }

    /// <summary>An optional instant; empty when absent.</summary>
    public void Time(DateTimeOffset? value)
    {
        if (value is { } time)
        {
            Time(time);
        }
        else
        {
            Raw(null);
        }
    }

    /// <summary>Ends the row; returns true when a block is ready for <see cref="FlushAsync"/>.</summary>
    public bool EndRow()
    {
        Ensure(2);
        buffer[length++] = '\r';
        buffer[length++] = '\n';
        rowStarted = false;
        return length >= BlockSize;
    }

    /// <summary>Writes what is gathered to the output and flushes it.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (length > 0)
        {
            await output.WriteAsync(buffer.AsMemory(0, length), cancellationToken);
            length = 0;
        }
        await output.FlushAsync(cancellationToken);
    }

    public ValueTask DisposeAsync()
    {
        var rented = buffer;
        buffer = [];
        length = 0;
        if (rented.Length > 0)
        {
            ArrayPool<char>.Shared.Return(rented);
        }
        return ValueTask.CompletedTask;
    }

    private void Text(ReadOnlySpan<char> value)
    {
        Separate();
        if (SafeCsv.StartsLikeFormula(value))
        {
            Quoted("'", value);
            return;
        }
        Quoted([], value);
    }

    /// <summary>
    /// Decodes the cell straight into the block (UTF-8 never needs more characters than bytes); the rare cell that
    /// needs quotes or a formula guard is then moved aside and written again through <see cref="Quoted"/>.
    /// </summary>
    private void Utf8Cell(ReadOnlySpan<byte> utf8, bool neutralise)
    {
        Separate();
        Ensure(utf8.Length);
        var target = buffer.AsSpan(length);
        var written = Ascii.ToUtf16(utf8, target, out var ascii) == OperationStatus.Done ? ascii : Encoding.UTF8.GetChars(utf8, target);
        var value = target[..written];
        var formula = neutralise && SafeCsv.StartsLikeFormula(value);
        if (!formula && !NeedsQuotes([], value))
        {
            length += written;
            return;
        }
        if (scratch.Length < written)
        {
            scratch = new char[Math.Max(written, scratch.Length * 2)];
        }
        value.CopyTo(scratch);
        Quoted(formula ? "'" : [], scratch.AsSpan(0, written));
    }

    private void Separate()
    {
        if (rowStarted)
        {
            Ensure(1);
            buffer[length++] = ',';
        }
        rowStarted = true;
    }

    /// <summary>Appends <paramref name="prefix"/> + <paramref name="value"/> as one field, quoted when CsvHelper would.</summary>
    private void Quoted(ReadOnlySpan<char> prefix, ReadOnlySpan<char> value)
    {
        if (!NeedsQuotes(prefix, value))
        {
            Ensure(prefix.Length + value.Length);
            prefix.CopyTo(buffer.AsSpan(length));
            length += prefix.Length;
            value.CopyTo(buffer.AsSpan(length));
            length += value.Length;
            return;
        }
        Ensure(((prefix.Length + value.Length) * 2) + 2);
        buffer[length++] = '"';
        Escaped(prefix);
        Escaped(value);
        buffer[length++] = '"';
    }

    /// <summary>Whether CsvHelper would quote the field <paramref name="prefix"/> + <paramref name="value"/>.</summary>
    private static bool NeedsQuotes(ReadOnlySpan<char> prefix, ReadOnlySpan<char> value)
    {
        var first = prefix.Length > 0 ? prefix[0] : value.Length > 0 ? value[0] : '\0';
        var last = value.Length > 0 ? value[^1] : prefix.Length > 0 ? prefix[^1] : '\0';
        return first == ' ' || last == ' ' || value.IndexOfAny(Special) >= 0 || prefix.IndexOfAny(Special) >= 0;
    }

    private void Escaped(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (c == '"')
            {
                buffer[length++] = '"';
            }
            buffer[length++] = c;
        }
    }

    private void Ensure(int more)
    {
        if (length + more <= buffer.Length)
        {
            return;
        }
        var larger = ArrayPool<char>.Shared.Rent(Math.Max(buffer.Length * 2, length + more));
        buffer.AsSpan(0, length).CopyTo(larger);
        ArrayPool<char>.Shared.Return(buffer);
        buffer = larger;
    }
}
