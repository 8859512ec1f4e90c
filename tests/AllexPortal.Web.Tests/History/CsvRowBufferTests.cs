using System.Globalization;
using AllexPortal.Core.Csv;
using AllexPortal.Web.History;
using CsCheck;

namespace AllexPortal.Web.Tests.History;

/// <summary>The fast export writer against <see cref="SafeCsv"/>'s CsvHelper writer: same bytes for the same cells.</summary>
public sealed class CsvRowBufferTests
{
    private static readonly string?[] Awkward =
        [.. LedgerRows.Payloads, null, "", " lead", "trail ", "a,b", "say \"hi\"", "line\nbreak", "cr\r\nlf", "'quoted", "ü€ 𝄞", "-", "=", " ", "\"", "ok"];

    [Fact]
    public async Task Rows_of_text_numbers_and_times_come_out_exactly_as_SafeCsv_writes_them_injection_payloads_included()
    {
        var text = Gen.Select(Gen.Int[0, Awkward.Length - 1], Gen.String[Gen.Char["=+-@\t\r\n\",' aZ09"], 0, 12], Gen.Bool,
            (i, random, known) => known ? Awkward[i] : random);
        var number = Gen.Decimal.Select(d => Math.Round(d, 8));
        var optional = Gen.Select(number, Gen.Bool, (n, has) => has ? n : (decimal?)null);
        var time = Gen.Long[0, DateTimeOffset.MaxValue.UtcTicks].Select(t => new DateTimeOffset(t, TimeSpan.Zero));
        var optionalTime = Gen.Select(time, Gen.Bool, (t, has) => has ? t : (DateTimeOffset?)null);
        var row = Gen.Select(text, text, number, optional, time, optionalTime, (a, b, n, m, t, u) => (a, b, n, m, t, u));

        await row.Array[0, 40].SampleAsync(async rows =>
        {
            var fast = new StringWriter(CultureInfo.InvariantCulture);
            await using (var csv = new CsvRowBuffer(fast))
            {
                csv.Header(["text", "raw", "number", "optional", "time", "updated"]);
                foreach (var (a, b, n, m, t, u) in rows)
                {
                    csv.Text(a);
                    csv.Raw(SafeCsv.Neutralise(b));
                    csv.Number(n);
                    csv.Number(m);
                    csv.Time(t);
                    csv.Time(u);
                    csv.EndRow();
                }
                await csv.FlushAsync(TestContext.Current.CancellationToken);
            }

            var reference = new StringWriter(CultureInfo.InvariantCulture);
            await using (var csv = await SafeCsv.StartAsync(reference, ["text", "raw", "number", "optional", "time", "updated"]))
            {
                foreach (var (a, b, n, m, t, u) in rows)
                {
                    csv.WriteField(SafeCsv.Neutralise(a));
                    csv.WriteField(SafeCsv.Neutralise(b));
                    csv.WriteField(n.ToString(CultureInfo.InvariantCulture));
                    csv.WriteField(m?.ToString(CultureInfo.InvariantCulture) ?? "");
                    csv.WriteField(SafeCsv.FormatTime(t));
                    csv.WriteField(u is { } updated ? SafeCsv.FormatTime(updated) : "");
                    await csv.NextRecordAsync();
                }
            }

            Assert.Equal(reference.ToString(), fast.ToString());
        }, iter: 300, threads: 1);
    }

    [Fact]
    public async Task A_block_is_reported_ready_only_after_tens_of_kilobytes_and_flushing_empties_it()
    {
        var output = new StringWriter(CultureInfo.InvariantCulture);
        await using var csv = new CsvRowBuffer(output);
        var rows = 0;

        do
        {
            csv.Raw(new string('x', 100));
            rows++;
        }
        while (!csv.EndRow());
        var before = output.ToString().Length;
        await csv.FlushAsync(TestContext.Current.CancellationToken);

        Assert.Equal(0, before);
        Assert.InRange(rows, 300, 400);
        Assert.Equal(rows * 102, output.ToString().Length);
    }
}
