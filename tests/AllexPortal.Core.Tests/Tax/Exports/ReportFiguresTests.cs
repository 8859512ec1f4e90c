using AllexPortal.Core.Assets;
using AllexPortal.Core.Tax.Exports;
using static AllexPortal.Core.Tests.Tax.History;

namespace AllexPortal.Core.Tests.Tax.Exports;

public sealed class ReportFiguresTests
{
    [Fact]
    public void Fees_are_valued_at_the_trades_own_price_and_the_rest_listed_per_coin()
    {
        var report = SampleReport.Report();

        var figures = ReportFigures.From(report, SampleReport.Transactions);

        // 0.5 + 0.25 usdt; 0.1 eth on a buy of 10 eth for 50 usdt is 0.5 usdt; xht (third coin) and the withdrawal fee stay in kind.
        Assert.Equal(0.5m + 0.25m + 0.5m, figures.Fees);
        Assert.Equal([Amount.Of(0.01m, "eth"), Amount.Of(1m, "xht")], figures.UnvaluedFees);
    }

    [Fact]
    public void Months_cover_the_period_and_add_up_to_the_realised_gain()
    {
        var report = SampleReport.Report();

        var figures = ReportFigures.From(report, SampleReport.Transactions);

        Assert.Equal(24, figures.Months.Count);
        Assert.Equal(Origin, figures.Months[0].Month);
        Assert.Equal(report.Totals.Gain, figures.Months.Sum(m => m.Gain));
        Assert.Equal(report.Totals.Gain - report.Disposals.Where(d => d.DisposedAt < Day(366)).Sum(d => d.Gain),
            figures.Months.Single(m => m.Month == new DateTimeOffset(2025, 2, 1, 0, 0, 0, TimeSpan.Zero)).Gain);
    }

    [Fact]
    public void Unrealised_gain_counts_only_priced_holdings_and_names_the_others()
    {
        var report = SampleReport.Report();

        var figures = ReportFigures.From(report, SampleReport.Transactions);

        var priced = report.Unrealised.Where(u => u.MarketValue is not null).ToList();
        Assert.Equal(priced.Sum(u => u.Gain!.Value), figures.UnrealisedGain);
        Assert.Equal(report.Unrealised.Where(u => u.MarketValue is null).Select(u => u.Asset), figures.UnpricedAssets);
    }
}
