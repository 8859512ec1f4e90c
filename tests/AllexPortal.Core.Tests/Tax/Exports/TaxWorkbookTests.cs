using System.IO.Compression;
using AllexPortal.Core.Tax;
using AllexPortal.Core.Tax.Exports;
using MiniExcelLibs;

namespace AllexPortal.Core.Tests.Tax.Exports;

public sealed class TaxWorkbookTests
{
    [Fact]
    public async Task Has_one_sheet_each_for_summary_disposals_transactions_lots_and_warnings()
    {
        var bytes = await WriteAsync(SampleReport.Report());

        Assert.Equal(["Summary", "Disposals", "Transactions", "Lots", "Warnings"], MiniExcel.GetSheetNames(new MemoryStream(bytes)));
    }

    [Fact]
    public async Task Summary_and_disposal_sheets_agree_with_the_report()
    {
        var report = SampleReport.Report();

        var bytes = await WriteAsync(report);

        var summary = Rows(bytes, "Summary").ToDictionary(r => (string)r["Item"]!, r => r["Value"]);
        Assert.Equal((double)report.Totals.Proceeds, (double)summary[SummaryItems.Proceeds]!, 9);
        Assert.Equal((double)report.Totals.Gain, (double)summary[SummaryItems.Gain]!, 9);
        Assert.Equal((double)report.Totals.LongTermGain, (double)summary[SummaryItems.LongTermGain]!, 9);
        var disposals = Rows(bytes, "Disposals");
        Assert.Equal(report.Disposals.Count, disposals.Count);
        Assert.Equal((double)report.Totals.Gain, disposals.Sum(r => (double)r["Gain or Loss"]!), 9);
        Assert.Equal(report.Warnings.Count, Rows(bytes, "Warnings").Count);
        Assert.Equal(SampleReport.Transactions.Length, Rows(bytes, "Transactions").Count);
    }

    [Fact]
    public async Task Summary_names_the_method_of_each_tax_year_that_differs()
    {
        var options = new TaxReportOptions(CostBasisMethod.Fifo, History.TwoYears)
        {
            MethodByTaxYear = new Dictionary<int, CostBasisMethod> { [2025] = CostBasisMethod.Hifo, [2024] = CostBasisMethod.Fifo },
        };
        var report = CostBasisEngine.Run(SampleReport.Transactions.Select(t => t.Event), options, Core.Tax.Pricing.PriceTable.Empty);

        var bytes = await WriteAsync(report);

        var summary = Rows(bytes, "Summary").ToDictionary(r => (string)r["Item"]!, r => r["Value"]);
        Assert.Equal("Fifo; 2025: Hifo", summary[SummaryItems.Method]);
    }

    [Fact]
    public async Task Text_is_stored_as_text_and_never_as_a_formula()
    {
        var bytes = await WriteAsync(SampleReport.Report());

        using var zip = new ZipArchive(new MemoryStream(bytes));
        foreach (var sheet in zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/sheet", StringComparison.Ordinal)))
        {
            using var reader = new StreamReader(await sheet.OpenAsync(TestContext.Current.CancellationToken));
            Assert.DoesNotContain("<x:f", await reader.ReadToEndAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        }

        Assert.Contains(Rows(bytes, "Transactions"), r => (string?)r["Description"] == SampleReport.FormulaText);
    }

    [Fact]
    public async Task Writes_to_a_stream_that_cannot_seek()
    {
        var report = SampleReport.Report();
        var target = new MemoryStream();

        await using (var forwardOnly = new ForwardOnlyStream(target))
        {
            await TaxWorkbook.WriteAsync(report, ReportFigures.From(report, SampleReport.Transactions), SampleReport.Transactions, forwardOnly, TestContext.Current.CancellationToken);
        }

        Assert.Equal(report.Disposals.Count, Rows(target.ToArray(), "Disposals").Count);
    }

    private static async Task<byte[]> WriteAsync(TaxReport report)
    {
        using var stream = new MemoryStream();
        await TaxWorkbook.WriteAsync(report, ReportFigures.From(report, SampleReport.Transactions), SampleReport.Transactions, stream, TestContext.Current.CancellationToken);
        return stream.ToArray();
    }

    private static List<IDictionary<string, object?>> Rows(byte[] bytes, string sheet) =>
        [.. MiniExcel.Query(new MemoryStream(bytes), useHeaderRow: true, sheetName: sheet).Cast<IDictionary<string, object?>>()];

    /// <summary>An HTTP response body: writes only, no seeking, no length.</summary>
    private sealed class ForwardOnlyStream(Stream inner) : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush() => inner.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);
    }
}
