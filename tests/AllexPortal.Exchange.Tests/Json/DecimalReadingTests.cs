using System.Text.Json;
using AllexPortal.Exchange.Json;
using AllexPortal.Exchange.Market;
using AllexPortal.Exchange.Trading;

namespace AllexPortal.Exchange.Tests.Json;

public class DecimalReadingTests
{
    [Theory]
    [InlineData("""{"fee":1e-7}""", "0.0000001")]
    [InlineData("""{"fee":1.5E-8}""", "0.000000015")]
    [InlineData("""{"fee":2e+3}""", "2000")]
    [InlineData("""{"fee":"0.0005"}""", "0.0005")]
    [InlineData("""{"fee":"1e-7"}""", "0.0000001")]
    [InlineData("""{"fee":0.1}""", "0.1")]
    public void Amount_in_exponent_or_string_form_reads_exactly(string json, string expected)
    {
        var fee = JsonSerializer.Deserialize(json, AllexJson.Context.WithdrawalFee)!;

        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), fee.Fee);
    }

    [Fact]
    public void Minichart_price_sent_as_string_reads_as_decimal()
    {
        const string Json = """{"btc":[{"time":"2026-03-28T00:00:00.000Z","price":"69031.25","symbol":"btc","quote":"usdt"}]}""";

        var charts = JsonSerializer.Deserialize(Json, AllexJson.Context.IReadOnlyDictionaryStringIReadOnlyListMiniChartPoint)!;

        Assert.Equal(69031.25m, charts["btc"][0].Price);
    }

    [Fact]
    public void Unknown_fields_are_ignored()
    {
        const string Json = """{"id":"x","side":"sell","symbol":"eth-usdt","size":1,"filled":0,"brand_new_field":{"nested":[1,2]}}""";

        var order = JsonSerializer.Deserialize(Json, AllexJson.Context.Order)!;

        Assert.Equal(OrderSide.Sell, order.Side);
    }

    [Fact]
    public void Oracle_marks_missing_prices_as_absent()
    {
        var prices = JsonSerializer.Deserialize("""{"btc":69031.2,"xyz":-1}""", AllexJson.Context.OraclePrices)!;

        Assert.True(prices.TryGetPrice("btc", out var btc));
        Assert.Equal(69031.2m, btc);
        Assert.False(prices.TryGetPrice("xyz", out _));
    }

    [Fact]
    public void Free_text_in_a_signed_body_is_not_escaped()
    {
        var order = new CreateOrderRequest { Symbol = "btc-usdt", Side = OrderSide.Buy, Size = 1m, Type = OrderType.Market, Meta = new OrderMeta { Note = "café <x> & 'y'" } };

        var json = JsonSerializer.Serialize(order, AllexJson.Context.CreateOrderRequest);

        Assert.Equal("""{"symbol":"btc-usdt","side":"buy","size":1,"type":"market","meta":{"note":"café <x> & 'y'"}}""", json);
    }
}
