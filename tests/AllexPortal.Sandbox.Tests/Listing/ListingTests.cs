using System.Net;
using System.Text.Json;
using AllexPortal.Sandbox.Tests.Infrastructure;

namespace AllexPortal.Sandbox.Tests.Listing;

/// <summary>Paging, filters, sort and CSV on the history endpoints.</summary>
public sealed class ListingTests(DemoSandboxFixture fixture) : IClassFixture<DemoSandboxFixture>
{
    private async Task<JsonElement> SignedJsonAsync(string path)
    {
        using var api = new SandboxApi(fixture.Server);
        using var response = await api.DemoSignedAsync(HttpMethod.Get, path);
        return await SandboxApi.ReadJsonAsync(response, expectSuccess: true);
    }

    [Fact]
    public async Task Paging_through_user_trades_returns_every_trade_once()
    {
        var all = fixture.Server.Exchange.TradesOf(fixture.Server.Exchange.Options.Demo.Email);
        var seen = new List<string>();

        for (var page = 1; ; page++)
        {
            var json = await SignedJsonAsync($"v2/user/trades?limit=100&page={page}&order=asc");
            var data = json.GetProperty("data");
            seen.AddRange(data.EnumerateArray().Select(t => t.GetProperty("order_id").GetString()!));
            if (page * 100 >= json.GetProperty("count").GetInt32())
            {
                break;
            }
        }

        Assert.Equal(all.Select(t => t.OrderId), seen);
    }

    [Fact]
    public async Task Limit_above_maximum_is_clamped()
    {
        var json = await SignedJsonAsync("v2/user/trades?limit=500");

        Assert.Equal(100, json.GetProperty("data").GetArrayLength());
    }

    [Fact]
    public async Task Default_order_is_newest_first()
    {
        var data = (await SignedJsonAsync("v2/user/trades?limit=20")).GetProperty("data").EnumerateArray()
            .Select(t => t.GetProperty("timestamp").GetDateTimeOffset()).ToList();

        Assert.Equal(data.OrderByDescending(t => t), data);
    }

    [Fact]
    public async Task Symbol_and_date_filters_narrow_the_count()
    {
        var exchange = fixture.Server.Exchange;
        var start = exchange.StartedAt.AddDays(-90);
        var expected = exchange.TradesOf(exchange.Options.Demo.Email).Count(t => t.Symbol == "eth-usdt" && t.Timestamp >= start);

        var json = await SignedJsonAsync($"v2/user/trades?symbol=eth-usdt&start_date={start.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffZ}");

        Assert.Equal(expected, json.GetProperty("count").GetInt32());
        Assert.All(json.GetProperty("data").EnumerateArray(), t => Assert.Equal("eth-usdt", t.GetProperty("symbol").GetString()));
    }

    [Fact]
    public async Task Order_by_price_sorts_ascending_when_asked()
    {
        var prices = (await SignedJsonAsync("v2/user/trades?symbol=btc-usdt&order_by=price&order=asc&limit=30")).GetProperty("data")
            .EnumerateArray().Select(t => t.GetProperty("price").GetDecimal()).ToList();

        Assert.Equal(prices.OrderBy(p => p), prices);
    }

    [Fact]
    public async Task Unknown_order_by_is_refused()
    {
        using var api = new SandboxApi(fixture.Server);

        using var response = await api.DemoSignedAsync(HttpMethod.Get, "v2/user/trades?order_by=colour");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Deposits_filter_by_currency()
    {
        var json = await SignedJsonAsync("v2/user/deposits?currency=btc");

        Assert.True(json.GetProperty("count").GetInt32() > 0);
        Assert.All(json.GetProperty("data").EnumerateArray(), d => Assert.Equal("btc", d.GetProperty("currency").GetString()));
    }

    [Fact]
    public async Task Orders_filter_by_status()
    {
        var json = await SignedJsonAsync("v2/orders?status=filled&limit=10");

        Assert.True(json.GetProperty("count").GetInt32() >= 3_000);
        Assert.All(json.GetProperty("data").EnumerateArray(), o => Assert.Equal("filled", o.GetProperty("status").GetString()));
    }

    [Theory]
    [InlineData("v2/user/trades?format=csv", "side,symbol,size,price,timestamp,order_id,fee,fee_coin")]
    [InlineData("v2/orders?format=csv", "id,side,symbol,type,size,price,stop,filled,average,status,fee,fee_coin,fee_structure,meta,created_by,created_at,updated_at")]
    [InlineData("v2/user/deposits?format=csv", "id,type,currency,amount,fee,fee_coin,address,transaction_id,network,status,dismissed,rejected,processing,waiting,description,user_id,created_at,updated_at")]
    [InlineData("v2/user/withdrawals?format=csv", "id,type,currency,amount,fee,fee_coin,address,transaction_id,network,status,dismissed,rejected,processing,waiting,description,user_id,created_at,updated_at")]
    public async Task Csv_format_answers_202_with_all_rows(string path, string header)
    {
        using var api = new SandboxApi(fixture.Server);

        using var response = await api.DemoSignedAsync(HttpMethod.Get, path);
        var lines = (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).TrimEnd('\n').Split('\n');

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(header, lines[0]);
        Assert.True(lines.Length > 2);
    }
}
