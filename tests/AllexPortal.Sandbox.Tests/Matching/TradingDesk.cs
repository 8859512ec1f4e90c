using System.Globalization;
using System.Text.Json;
using AllexPortal.Sandbox.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace AllexPortal.Sandbox.Tests.Matching;

/// <summary>A sandbox on a frozen clock (so the market maker's quotes stay put) with two funded traders.</summary>
internal sealed class TradingDesk : IAsyncDisposable
{
    private TradingDesk(SandboxServer server, FakeTimeProvider clock, SandboxApi api)
    {
        Server = server;
        Clock = clock;
        Api = api;
    }

    public SandboxServer Server { get; }

    public FakeTimeProvider Clock { get; }

    public SandboxApi Api { get; }

    public string Alice { get; private set; } = "";

    public string Bob { get; private set; } = "";

    public static async Task<TradingDesk> OpenAsync()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 28, 12, 0, 0, TimeSpan.Zero));
        var server = await SandboxApi.StartAsync(o => o.Demo.Enabled = false, clock);
        var desk = new TradingDesk(server, clock, new SandboxApi(server, clock));
        desk.Alice = (await desk.Api.SignUpAsync("alice")).Token;
        desk.Bob = (await desk.Api.SignUpAsync("bob")).Token;
        return desk;
    }

    /// <summary>A price strictly inside the market maker's spread, on the pair's price grid.</summary>
    public async Task<decimal> InsideSpreadAsync(string symbol)
    {
        var book = (await Api.GetJsonAsync($"v2/orderbook?symbol={symbol}")).GetProperty(symbol);
        var bid = book.GetProperty("bids")[0][0].GetDecimal();
        var ask = book.GetProperty("asks")[0][0].GetDecimal();
        var mid = Math.Round((bid + ask) / 2, 1);
        Assert.InRange(mid, bid + 0.1m, ask - 0.1m);
        return mid;
    }

    public async Task<HttpResponseMessage> PlaceAsync(string token, string side, decimal size, decimal? price, string extra = "")
    {
        var type = price is null ? "market" : "limit";
        var priceField = price is null ? "" : ",\"price\":" + price.Value.ToString(CultureInfo.InvariantCulture);
        return await Api.BearerAsync(HttpMethod.Post, "v2/order", token,
            $"{{\"symbol\":\"btc-usdt\",\"side\":\"{side}\",\"size\":{size.ToString(CultureInfo.InvariantCulture)},\"type\":\"{type}\"{priceField}{extra}}}");
    }

    public async Task<JsonElement> PlaceOkAsync(string token, string side, decimal size, decimal? price, string extra = "")
    {
        using var response = await PlaceAsync(token, side, size, price, extra);
        return await SandboxApi.ReadJsonAsync(response, expectSuccess: true);
    }

    public async Task<JsonElement> GetAsync(string token, string path)
    {
        using var response = await Api.BearerAsync(HttpMethod.Get, path, token);
        return await SandboxApi.ReadJsonAsync(response, expectSuccess: true);
    }

    /// <summary>The order as <c>GET /order</c> shows it now.</summary>
    public Task<JsonElement> RefreshAsync(string token, JsonElement order) =>
        GetAsync(token, $"v2/order?order_id={order.GetProperty("id").GetString()}");

    public async ValueTask DisposeAsync()
    {
        Api.Dispose();
        await Server.DisposeAsync();
    }
}
