using System.Text;
using AllexPortal.Exchange.Market;
using AllexPortal.Exchange.Paging;
using AllexPortal.Exchange.Security;
using AllexPortal.Exchange.Tests.Support;
using AllexPortal.Exchange.Trading;
using WireMock.Logging;

namespace AllexPortal.Exchange.Tests.Signing;

/// <summary>The reference's test vectors, produced end to end by the client over loopback HTTP.</summary>
public class SignedRequestTests
{
    private static readonly ApiKeyCredentials Credentials = new("0123456789abcdef0123456789abcdef01234567", "d1c3b1e6a8f24c0e9b7a5d3f1e2c4b6a8d0f2e4c6b8a0d2f4e");

    private const string OrderJson = """{"id":"6a8f3b2c-1111-2222-3333-444455556666","side":"buy","symbol":"btc-usdt","type":"limit","size":0.001,"price":68000,"filled":0,"status":"new"}""";

    [Fact]
    public async Task Get_without_query_carries_the_first_test_vector_signature()
    {
        await using var stub = ExchangeStub.WithFrozenClock();
        stub.Answer("GET", "/v2/user/balance", 200, """{"btc_available":0.5,"btc_balance":0.52}""");
        var client = stub.Factory.ForApiKey(stub.BaseUrl, Credentials);

        await client.User.GetBalanceAsync(TestContext.Current.CancellationToken);

        var call = Assert.Single(stub.Calls("/v2/user/balance"));
        AssertSigned(call, "618a2e1efcd34fcebd79e6e734ba6e3a74eba3c58562902e6360a057bd281cc5");
    }

    [Fact]
    public async Task Get_with_query_string_signs_the_query_exactly_as_sent()
    {
        await using var stub = ExchangeStub.WithFrozenClock();
        stub.Answer("GET", "/v2/user/trades", 200, """{"count":0,"data":[]}""");
        var client = stub.Factory.ForApiKey(stub.BaseUrl, Credentials);

        await client.User.GetTradesAsync("btc-usdt", new PageQuery { Limit = 50, Page = 1 }, TestContext.Current.CancellationToken);

        var call = Assert.Single(stub.Calls("/v2/user/trades"));
        Assert.Equal("/v2/user/trades?symbol=btc-usdt&limit=50&page=1", call.RequestMessage!.Path + QueryOf(call));
        AssertSigned(call, "b55a5fac9c810949c568628e946c5685cb2870d71567a894fb64b0bc7d24b020");
    }

    [Fact]
    public async Task Post_order_sends_and_signs_the_javascript_form_of_the_body()
    {
        await using var stub = ExchangeStub.WithFrozenClock();
        stub.Answer("POST", "/v2/order", 200, OrderJson);
        var client = stub.Factory.ForApiKey(stub.BaseUrl, Credentials);
        var order = new CreateOrderRequest { Symbol = "btc-usdt", Side = OrderSide.Buy, Size = 0.0010m, Type = OrderType.Limit, Price = 68000.0m };

        await client.Trading.CreateOrderAsync(order, TestContext.Current.CancellationToken);

        var call = Assert.Single(stub.Calls("/v2/order"));
        Assert.Equal("""{"symbol":"btc-usdt","side":"buy","size":0.001,"type":"limit","price":68000}""", call.RequestMessage!.Body);
        AssertSigned(call, "79d275d904a0938ad050a1088143c59359057519008c29f6496343f94703016d");
    }

    [Fact]
    public async Task Delete_order_signs_the_order_id_query()
    {
        await using var stub = ExchangeStub.WithFrozenClock();
        stub.Answer("DELETE", "/v2/order", 200, OrderJson);
        var client = stub.Factory.ForApiKey(stub.BaseUrl, Credentials);

        await client.Trading.CancelOrderAsync("6a8f3b2c-1111-2222-3333-444455556666", TestContext.Current.CancellationToken);

        var call = Assert.Single(stub.Calls("/v2/order"));
        AssertSigned(call, "0c815ab25c96be77bf435d4c2a97cdd2df9f79e4e762658b2e37c8af18322f7c");
    }

    [Fact]
    public async Task Base_url_with_a_path_prefix_signs_the_path_from_v2_on()
    {
        await using var stub = ExchangeStub.WithFrozenClock();
        stub.Answer("GET", "/sandbox/v2/user/balance", 200, """{"btc_available":0.5,"btc_balance":0.52}""");
        var client = stub.Factory.ForApiKey(new Uri(stub.BaseUrl, "/sandbox/"), Credentials);

        await client.User.GetBalanceAsync(TestContext.Current.CancellationToken);

        var call = Assert.Single(stub.Calls("/sandbox/v2/user/balance"));
        AssertSigned(call, "618a2e1efcd34fcebd79e6e734ba6e3a74eba3c58562902e6360a057bd281cc5");
    }

    [Fact]
    public async Task Signed_post_body_prints_decimals_like_javascript()
    {
        await using var stub = ExchangeStub.WithFrozenClock();
        stub.Answer("POST", "/v2/order", 200, OrderJson);
        var client = stub.Factory.ForApiKey(stub.BaseUrl, Credentials);
        var order = new CreateOrderRequest { Symbol = "eth-usdt", Side = OrderSide.Sell, Size = 0.10m, Type = OrderType.Limit, Price = 0.0000001m };

        await client.Trading.CreateOrderAsync(order, TestContext.Current.CancellationToken);

        var call = Assert.Single(stub.Calls("/v2/order"));
        const string JavaScriptBody = """{"symbol":"eth-usdt","side":"sell","size":0.1,"type":"limit","price":1e-7}""";
        Assert.Equal(JavaScriptBody, call.RequestMessage!.Body);
        Assert.Equal(
            Http.HmacSignature.Compute(Credentials.ApiSecret, "POST", "/v2/order", 1775000060, JavaScriptBody),
            Header(call, "api-signature"));
    }

    [Fact]
    public async Task Bearer_session_sends_the_token_and_no_api_key()
    {
        await using var stub = new ExchangeStub();
        stub.Answer("GET", "/v2/user/tokens", 200, """{"count":0,"data":[]}""");
        var client = stub.Factory.ForSession(stub.BaseUrl, new SessionToken("header.payload.signature"));

        await client.Security.GetApiKeysAsync(TestContext.Current.CancellationToken);

        var call = Assert.Single(stub.Calls("/v2/user/tokens"));
        Assert.Equal("Bearer header.payload.signature", Header(call, "Authorization"));
        Assert.Null(Header(call, "api-key"));
    }

    private static void AssertSigned(ILogEntry call, string expectedSignature)
    {
        Assert.Equal(Credentials.ApiKey, Header(call, "api-key"));
        Assert.Equal("1775000060", Header(call, "api-expires"));
        Assert.Equal(expectedSignature, Header(call, "api-signature"));
    }

    private static string? Header(ILogEntry call, string name) =>
        call.RequestMessage!.Headers?.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();

    private static string QueryOf(ILogEntry call)
    {
        var url = call.RequestMessage!.Url;
        var at = url.IndexOf('?', StringComparison.Ordinal);
        return at < 0 ? string.Empty : url[at..];
    }
}
