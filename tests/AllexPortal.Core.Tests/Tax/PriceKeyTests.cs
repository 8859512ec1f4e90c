using AllexPortal.Core.Assets;
using AllexPortal.Core.Tax.Pricing;

namespace AllexPortal.Core.Tests.Tax;

public sealed class PriceKeyTests
{
    [Theory]
    [InlineData("2025-03-01T10:37:12Z", "2025-03-01T10:00:00Z")]
    [InlineData("2025-03-01T10:00:00Z", "2025-03-01T10:00:00Z")]
    [InlineData("2025-03-01T10:59:59.9999999Z", "2025-03-01T10:00:00Z")]
    [InlineData("2025-03-01T12:30:00+02:00", "2025-03-01T10:00:00Z")]
    public void An_instant_maps_to_the_utc_hour_candle_it_falls_in(string instant, string hourStart)
    {
        var key = PriceKey.For(new Asset("btc"), Asset.Usdt, Parse(instant));

        Assert.Equal(Parse(hourStart), key.HourStart);
        Assert.Equal(TimeSpan.Zero, key.HourStart.Offset);
    }

    private static DateTimeOffset Parse(string text) =>
        DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
}
