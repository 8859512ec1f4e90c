using System.Globalization;
using CsvHelper;

namespace AllexPortal.Core.Tests.Tax.Exports;

/// <summary>Reads a written CSV back with CsvHelper into header and rows of text, as a tax tool would.</summary>
internal sealed record CsvFile(IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyDictionary<string, string>> Rows)
{
    public static async Task<CsvFile> WriteAndReadAsync(Func<TextWriter, CancellationToken, Task> write)
    {
        var text = new StringWriter(CultureInfo.InvariantCulture);
        await write(text, TestContext.Current.CancellationToken);
        using var csv = new CsvReader(new StringReader(text.ToString()), CultureInfo.InvariantCulture);
        await csv.ReadAsync();
        csv.ReadHeader();
        var header = csv.HeaderRecord!;
        var rows = new List<IReadOnlyDictionary<string, string>>();
        while (await csv.ReadAsync())
        {
            rows.Add(header.ToDictionary(name => name, name => csv.GetField(name)!));
        }

        return new CsvFile(header, rows);
    }

    public decimal Sum(string column) => Rows.Where(row => row[column].Length > 0).Sum(row => Number(row[column]));

    public static decimal Number(string text) => decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
}
