using AllexPortal.Core.Assets;
using AllexPortal.Core.Tax.Pricing;
using AllexPortal.Web.Reports;

namespace AllexPortal.Web.Tests.Reports;

public sealed class CombinedHistoricalPricesTests
{
    private static readonly DateTimeOffset Hour = new(2025, 3, 1, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Later_exchanges_are_asked_only_for_the_closes_earlier_ones_lacked()
    {
        var btc = PriceKey.For(new Asset("btc"), Asset.Usdt, Hour);
        var xht = PriceKey.For(new Asset("xht"), Asset.Usdt, Hour);
        var first = new PriceTable([KeyValuePair.Create(btc, 60_000m)]);
        var second = new RecordingSource(new PriceTable([KeyValuePair.Create(btc, 1m), KeyValuePair.Create(xht, 0.2m)]));

        var closes = await new CombinedHistoricalPrices([first, second]).GetHourlyClosesAsync([btc, xht], TestContext.Current.CancellationToken);

        Assert.Equal((60_000m, 0.2m), (closes[btc], closes[xht]));
        Assert.Equal([xht], Assert.Single(second.Asked));
    }

    private sealed class RecordingSource(IHistoricalPriceSource inner) : IHistoricalPriceSource
    {
        public List<IReadOnlyCollection<PriceKey>> Asked { get; } = [];

        public ValueTask<IReadOnlyDictionary<PriceKey, decimal>> GetHourlyClosesAsync(IReadOnlyCollection<PriceKey> keys, CancellationToken cancellationToken)
        {
            Asked.Add(keys);
            return inner.GetHourlyClosesAsync(keys, cancellationToken);
        }
    }
}
