using AllexPortal.Core.Tax;
using AllexPortal.Core.Tax.Exports;

namespace AllexPortal.Core.Tests.Tax.Exports;

public sealed class CapitalGainsCsvTests
{
    [Theory]
    [InlineData(CostBasisMethod.Fifo)]
    [InlineData(CostBasisMethod.Lifo)]
    [InlineData(CostBasisMethod.Hifo)]
    [InlineData(CostBasisMethod.AverageCost)]
    public async Task Column_sums_equal_the_reports_totals_exactly(CostBasisMethod method)
    {
        var report = SampleReport.Report(method);

        var file = await CsvFile.WriteAndReadAsync((text, token) => CapitalGainsCsv.WriteAsync(report, text, token));

        Assert.Equal(report.Disposals.Count, file.Rows.Count);
        Assert.Equal(report.Totals.Proceeds, file.Sum("Proceeds"));
        Assert.Equal(report.Totals.CostBasis, file.Sum("Cost Basis"));
        Assert.Equal(report.Totals.Gain, file.Sum("Gain or Loss"));
        Assert.Equal(report.Totals.LongTermGain, file.Rows.Where(r => r["Term"] == "Long").Sum(r => CsvFile.Number(r["Gain or Loss"])));
    }

    [Fact]
    public async Task Starts_with_the_columns_of_form_8949()
    {
        var file = await CsvFile.WriteAndReadAsync((text, token) => CapitalGainsCsv.WriteAsync(SampleReport.Report(), text, token));

        Assert.Equal(
            ["Description", "Date Acquired", "Date Sold", "Proceeds", "Cost Basis", "Gain or Loss", "Term"],
            file.Header.Take(7));
    }

    [Fact]
    public async Task A_long_term_sale_reads_like_a_form_8949_line()
    {
        var file = await CsvFile.WriteAndReadAsync((text, token) => CapitalGainsCsv.WriteAsync(SampleReport.Report(), text, token));

        // Day 400 sells 0.5 of the btc bought on day 0 for 100.5 (fee included): cost 50.25, proceeds 300 - 0.25.
        var row = file.Rows.Single(r => r["Date Sold"] == "2025-02-04");
        Assert.Equal(("0.5 BTC", "2024-01-01", "299.75", "50.25", "249.50", "Long"),
            (row["Description"], row["Date Acquired"], row["Proceeds"], row["Cost Basis"], row["Gain or Loss"], row["Term"]));
    }

    [Fact]
    public async Task An_oversold_row_has_an_unknown_acquisition_date_and_no_cost()
    {
        var report = SampleReport.Report();

        var file = await CsvFile.WriteAndReadAsync((text, token) => CapitalGainsCsv.WriteAsync(report, text, token));

        var shortfall = Assert.Single(file.Rows, r => r["Date Acquired"] == "UNKNOWN");
        Assert.Equal((0m, ""), (CsvFile.Number(shortfall["Cost Basis"]), shortfall["Acquisition Ledger Id"]));
        Assert.Contains(report.Warnings, w => w.Kind == TaxWarningKind.Oversold);
    }
}
