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
    public void Utf8Text(ReadOnlySpan<byte> utf8) => Text(Decoded(utf8));

    /// <summary>A cell written as given (a number, an id, a label already neutralised), quoted where CSV needs it.</summary>
    public void Raw(string? value)
    {
        Separate();
        Quoted([], value.AsSpan());
    }

    /// <summary>A cell given as UTF-8, written as given (see <see cref="Raw(string?)"/>).</summary>
    public void Utf8Raw(ReadOnlySpan<byte> utf8)
    {
        var value = Decoded(utf8);
        Separate();
        Quoted([], value);
    }

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
        value.UtcDateTime.TryFormat(buffer.AsSpan(length), out var written, "yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        length += written;
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
        if (!value.IsEmpty && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            Quoted("'", value);
            return;
        }
        Quoted([], value);
    }

    /// <summary>UTF-8 as characters, in a scratch buffer valid until the next call.</summary>
    private ReadOnlySpan<char> Decoded(ReadOnlySpan<byte> utf8)
    {
        if (scratch.Length < utf8.Length)
        {
            scratch = new char[Math.Max(utf8.Length, scratch.Length * 2)];
        }
        return scratch.AsSpan(0, Encoding.UTF8.GetChars(utf8, scratch));
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
        var first = prefix.Length > 0 ? prefix[0] : value.Length > 0 ? value[0] : '\0';
        var last = value.Length > 0 ? value[^1] : prefix.Length > 0 ? prefix[^1] : '\0';
        var quote = first == ' ' || last == ' ' || value.IndexOfAny("\",\r\n") >= 0 || prefix.IndexOfAny("\",\r\n") >= 0;
        if (!quote)
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
