using AllexPortal.Core.Tax;
using AllexPortal.Core.Tax.Exports;

namespace AllexPortal.Core.Tests.Tax.Exports;

public sealed class LotsCsvTests
{
    [Theory]
    [InlineData(CostBasisMethod.Fifo)]
    [InlineData(CostBasisMethod.AverageCost)]
    public async Task Held_lots_add_up_to_the_unrealised_cost_and_quantity(CostBasisMethod method)
    {
        var report = SampleReport.Report(method);

        var file = await CsvFile.WriteAndReadAsync((text, token) => LotsCsv.WriteAsync(report, text, token));

        var held = file.Rows.Where(r => r["Status"] == LotsCsv.Held).ToList();
        Assert.Equal(report.Unrealised.Sum(u => u.CostBasis), held.Sum(r => CsvFile.Number(r["Cost Basis"])));
        Assert.Equal(
            report.Unrealised.Select(u => (u.Asset.Code.ToUpperInvariant(), u.Quantity)),
            held.GroupBy(r => r["Asset"]).Select(g => (g.Key, g.Sum(r => CsvFile.Number(r["Quantity"])))));
    }

    [Fact]
    public async Task Withdrawn_coins_are_listed_as_in_transit()
    {
        var report = SampleReport.Report();

        var file = await CsvFile.WriteAndReadAsync((text, token) => LotsCsv.WriteAsync(report, text, token));

        var inTransit = Assert.Single(file.Rows, r => r["Status"] == LotsCsv.InTransit);
        Assert.Equal(("ETH", 1m), (inTransit["Asset"], CsvFile.Number(inTransit["Quantity"])));
    }
}
