using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using CsvHelper.TypeConversion;

namespace AllexPortal.Core.Csv;

/// <summary>
/// The one way the portal writes CSV for users: invariant culture (so decimals print as <c>1234.5</c>), ISO-8601
/// UTC times, a header row, and text cells that cannot be read as a formula by a spreadsheet.
/// </summary>
/// <remarks>
/// CsvHelper's own <see cref="CsvConfiguration.InjectionOptions"/> looks at every field, which would turn a
/// negative amount such as <c>-12.5</c> into the text <c>'-12.5</c>. Only text can carry a formula, so the guard
/// sits in the <see cref="string"/> converter and numbers stay numbers. Write text through
/// <see cref="Neutralise"/> when calling <c>WriteField</c> directly.
/// </remarks>
public static class SafeCsv
{
    /// <summary>The characters a spreadsheet may read as the start of a formula (OWASP's CSV injection list).</summary>
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    /// <summary>A writer over <paramref name="text"/> with the portal's settings; dispose it to flush.</summary>
    public static CsvWriter CreateWriter(TextWriter text, bool leaveOpen = false)
    {
        var writer = new CsvWriter(text, new CsvConfiguration(CultureInfo.InvariantCulture) { InjectionOptions = InjectionOptions.None }, leaveOpen);
        var cache = writer.Context.TypeConverterCache;
        cache.AddConverter<string>(new NeutralisingStringConverter());
        cache.AddConverter<DateTimeOffset>(new UtcTimeConverter());
        cache.AddConverter<DateTimeOffset?>(new UtcTimeConverter());
        return writer;
    }

    /// <summary>
    /// A writer as <see cref="CreateWriter"/> makes it (leaving <paramref name="text"/> open) with the header row
    /// <paramref name="columns"/> already written, for files whose rows are written field by field.
    /// </summary>
    public static async Task<CsvWriter> StartAsync(TextWriter text, IEnumerable<string> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var writer = CreateWriter(text, leaveOpen: true);
        try
        {
            foreach (var column in columns)
            {
                writer.WriteField(column);
            }

            await writer.NextRecordAsync().ConfigureAwait(false);
            return writer;
        }
        catch
        {
            await writer.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// <paramref name="value"/> made safe for a spreadsheet: one that starts like a formula gets a leading
    /// apostrophe, which spreadsheets show as text and hide.
    /// </summary>
    public static string Neutralise(string? value) =>
        StartsLikeFormula(value) ? "'" + value : value ?? string.Empty;

    /// <summary>Whether a spreadsheet would read <paramref name="value"/> as a formula: it starts with = + - @, a tab or a CR.</summary>
    public static bool StartsLikeFormula(ReadOnlySpan<char> value) => !value.IsEmpty && Array.IndexOf(FormulaStarts, value[0]) >= 0;

    /// <summary>An instant as the portal's CSV shows it: ISO-8601 in UTC with a <c>Z</c>, e.g. <c>2026-03-28T12:00:00.000Z</c>.</summary>
    public static string FormatTime(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private sealed class NeutralisingStringConverter : StringConverter
    {
        public override string? ConvertToString(object? value, IWriterRow row, MemberMapData memberMapData) =>
            Neutralise(value as string);
    }

    private sealed class UtcTimeConverter : DefaultTypeConverter
    {
        public override string? ConvertToString(object? value, IWriterRow row, MemberMapData memberMapData) =>
            value is DateTimeOffset time ? FormatTime(time) : string.Empty;
    }
}
