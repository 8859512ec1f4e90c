using System.Text.Json;
using AllexPortal.Sandbox.Tests.Infrastructure;

namespace AllexPortal.Sandbox.Tests.Contract;

/// <summary>Every endpoint answers the demo data with the reference's field names and JSON types.</summary>
public sealed class EndpointContractTests(DemoSandboxFixture fixture) : IClassFixture<DemoSandboxFixture>
{
    private const string Order = "id:string,side:string,symbol:string,type:string,size:number,price:number,stop:number|null,filled:number,average:number,status:string,fee:number,fee_coin:string,fee_structure:object,meta:object,created_by:number,created_at:string,updated_at:string";
    private const string Transfer = "id:number,type:string,currency:string,amount:number,fee:number,fee_coin:string,address:string,transaction_id:string,network:string,status:bool,dismissed:bool,rejected:bool,processing:bool,waiting:bool,description:string,user_id:number,created_at:string,updated_at:string";

    [Theory]
    [InlineData("v2/health", "", "name:string,version:string,host:string,domain:string,basePath:string,status:bool")]
    [InlineData("v2/constants", "", "coins:object,pairs:object,broker:object,quicktrade:array,transactionLimits:array,networkQuickTrades:array,network:string")]
    [InlineData("v2/constants", "coins/btc", "id:number,symbol:string,fullname:string,active:bool,verified:bool,allow_deposit:bool,allow_withdrawal:bool,withdrawal_fee:number,withdrawal_fees:object|null,min:number,max:number,increment_unit:number,logo:string,code:string,is_public:bool,meta:object,type:string,network:string|null,standard:string|null,estimated_price:number|null,created_at:string,updated_at:string")]
    [InlineData("v2/constants", "pairs/eth-btc", "id:number,name:string,pair_base:string,pair_2:string,min_size:number,max_size:number,min_price:number,max_price:number,increment_size:number,increment_price:number,active:bool,created_at:string,updated_at:string")]
    [InlineData("v2/kit", "", "info:object")]
    [InlineData("v2/tiers", "1", "id:number,name:string,icon:string,description:string,note:string,deposit_limit:number,withdrawal_limit:number,fees:object,created_at:string,updated_at:string")]
    [InlineData("v2/tiers", "2/fees", "maker:object,taker:object")]
    [InlineData("v2/ticker?symbol=btc-usdt", "", "open:number,close:number,high:number,low:number,last:number,volume:number,timestamp:string")]
    [InlineData("v2/tickers", "sol-usdt", "time:string,open:number,close:number,high:number,low:number,last:number,volume:number,symbol:string")]
    [InlineData("v2/ticker/all", "eth-btc", "time:string,open:number,close:number,high:number,low:number,last:number,volume:number,symbol:string")]
    [InlineData("v2/orderbook?symbol=btc-usdt", "btc-usdt", "bids:array,asks:array,timestamp:string")]
    [InlineData("v2/orderbooks", "xrp-usdt", "bids:array,asks:array,timestamp:string")]
    [InlineData("v2/trades?symbol=eth-usdt", "eth-usdt/0", "size:number,price:number,side:string,timestamp:string")]
    [InlineData("v2/trades", "trx-usdt/0", "size:number,price:number,side:string,timestamp:string")]
    [InlineData("v2/trades/history?symbol=btc-usdt&limit=5", "", "count:number,data:array")]
    [InlineData("v2/trades/history?symbol=btc-usdt&limit=5", "data/0", "symbol:string,side:string,size:number,price:number,timestamp:string")]
    [InlineData("v2/oracle/prices?assets=btc,eth,sol,xrp,trx,usdt&quote=usdt&amount=2", "", "btc:number,eth:number,sol:number,xrp:number,trx:number,usdt:number")]
    [InlineData("v2/user/withdrawal/fee?currency=btc", "", "fee:number")]
    [InlineData("v2/udf/config", "", "supported_resolutions:array")]
    [InlineData("v2/quick-trade?spending_currency=usdt&receiving_currency=btc&spending_amount=100", "", "spending_currency:string,receiving_currency:string,spending_amount:number,receiving_amount:number,type:string")]
    public async Task Public_endpoint_answers_with_reference_fields(string path, string select, string fields)
    {
        using var api = new SandboxApi(fixture.Server);

        var json = await api.GetJsonAsync(path);

        JsonShape.AssertFields(JsonShape.Select(json, select), fields);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("5")]
    [InlineData("15")]
    [InlineData("60")]
    [InlineData("360")]
    [InlineData("D")]
    [InlineData("W")]
    [InlineData("1D")]
    [InlineData("4h")]
    public async Task Chart_answers_candles_for_every_resolution(string resolution)
    {
        using var api = new SandboxApi(fixture.Server);
        var to = fixture.Server.Exchange.StartedAt.ToUnixTimeSeconds();
        var from = to - 40 * 86_400;

        var json = await api.GetJsonAsync($"v2/chart?symbol=btc-usdt&resolution={resolution}&from={from}&to={to}");

        Assert.True(json.GetArrayLength() > 1);
        JsonShape.AssertFields(json[0], "time:string,open:number,high:number,low:number,close:number,volume:number,symbol:string");
        Assert.All(json.EnumerateArray(), c => Assert.True(c.GetProperty("low").GetDecimal() <= c.GetProperty("high").GetDecimal()));
    }

    [Fact]
    public async Task Orderbook_lists_top_ten_levels_best_first()
    {
        using var api = new SandboxApi(fixture.Server);

        var book = (await api.GetJsonAsync("v2/orderbook?symbol=btc-usdt")).GetProperty("btc-usdt");

        var bids = book.GetProperty("bids").EnumerateArray().Select(l => l[0].GetDecimal()).ToList();
        var asks = book.GetProperty("asks").EnumerateArray().Select(l => l[0].GetDecimal()).ToList();
        Assert.Equal(10, bids.Count);
        Assert.Equal(10, asks.Count);
        Assert.Equal(bids.OrderByDescending(p => p), bids);
        Assert.Equal(asks.OrderBy(p => p), asks);
        Assert.True(bids[0] < asks[0]);
    }

    [Theory]
    [InlineData("v2/user", "", "id:number,email:string,username:string,full_name:string,verification_level:number,email_verified:bool,otp_enabled:bool,activated:bool,settings:object,network_id:number,created_at:string,balance:object,wallet:array")]
    [InlineData("v2/user/balance", "", "user_id:number,updated_at:string,usdt_balance:number,usdt_available:number,btc_balance:number,btc_available:number,eth_balance:number,eth_available:number,sol_balance:number,sol_available:number,xrp_balance:number,xrp_available:number,trx_balance:number,trx_available:number")]
    [InlineData("v2/user/trades?limit=3", "", "count:number,data:array")]
    [InlineData("v2/user/trades?limit=3", "data/0", "side:string,symbol:string,size:number,price:number,timestamp:string,order_id:string,fee:number,fee_coin:string")]
    [InlineData("v2/orders?limit=3", "data/0", Order)]
    [InlineData("v2/orders?open=true", "data/0", Order)]
    [InlineData("v2/user/deposits?limit=2", "data/0", Transfer)]
    [InlineData("v2/user/withdrawals?limit=2", "data/0", Transfer)]
    [InlineData("v2/user/balance-history?limit=2", "data/0", "id:number,user_id:number,balance:object,total:number,created_at:string")]
    [InlineData("v2/user/balance-history?limit=2", "data/0/balance/usdt", "original_value:number,native_currency_value:number")]
    [InlineData("v2/user/balance-pl", "7", "total:number,totalPercentage:number,btc:object")]
    [InlineData("v2/quick-trade?spending_currency=btc&receiving_currency=usdt&spending_amount=0.01", "", "spending_currency:string,receiving_currency:string,spending_amount:number,receiving_amount:number,type:string,token:string,expiry:string")]
    public async Task Signed_endpoint_answers_demo_data_with_reference_fields(string path, string select, string fields)
    {
        using var api = new SandboxApi(fixture.Server);

        using var response = await api.DemoSignedAsync(HttpMethod.Get, path);
        var json = await SandboxApi.ReadJsonAsync(response, expectSuccess: true);

        JsonShape.AssertFields(JsonShape.Select(json, select), fields);
    }

    [Fact]
    public async Task Single_order_is_found_by_id()
    {
        using var api = new SandboxApi(fixture.Server);
        var open = await SandboxApi.ReadJsonAsync(await api.DemoSignedAsync(HttpMethod.Get, "v2/orders?open=true&limit=1"), expectSuccess: true);
        var id = open.GetProperty("data")[0].GetProperty("id").GetString();

        using var response = await api.DemoSignedAsync(HttpMethod.Get, $"v2/order?order_id={id}");
        var order = await SandboxApi.ReadJsonAsync(response, expectSuccess: true);

        JsonShape.AssertFields(order, Order);
        Assert.Equal(id, order.GetProperty("id").GetString());
    }

    [Fact]
    public async Task Key_list_uses_source_shape_with_flat_permissions()
    {
        using var api = new SandboxApi(fixture.Server);
        var token = await api.LoginDemoAsync();

        using var response = await api.BearerAsync(HttpMethod.Get, "v2/user/tokens", token);
        var json = await SandboxApi.ReadJsonAsync(response, expectSuccess: true);

        JsonShape.AssertFields(json, "count:number,data:array");
        JsonShape.AssertFields(json.GetProperty("data")[0], "id:number,name:string,apiKey:string,secret:string,active:bool,revoked:bool,expiry:string,created:string,whitelisted_ips:array,whitelisting_enabled:bool,can_read:bool,can_trade:bool,can_withdraw:bool,role:string");
        Assert.EndsWith("********", json.GetProperty("data")[0].GetProperty("secret").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_answers_201_with_token_and_verify_token_says_valid()
    {
        using var api = new SandboxApi(fixture.Server);
        var token = await api.LoginDemoAsync();

        using var response = await api.BearerAsync(HttpMethod.Get, "v2/verify-token", token);
        var json = await SandboxApi.ReadJsonAsync(response, expectSuccess: true);

        Assert.Equal("Valid Token", json.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Create_address_answers_201_with_address()
    {
        using var api = new SandboxApi(fixture.Server);
        var token = await api.LoginDemoAsync();

        using var response = await api.BearerAsync(HttpMethod.Get, "v2/user/create-address?crypto=btc", token);
        var json = await SandboxApi.ReadJsonAsync(response, expectSuccess: true);

        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        JsonShape.AssertFields(json, "message:string,address:string,crypto:string,network:string");
    }

    [Fact]
    public async Task Signup_answers_201_with_source_message()
    {
        using var api = new SandboxApi(fixture.Server);

        using var response = await api.PostJsonAsync("v2/signup", "{\"email\":\"contract@example.test\",\"password\":\"Contract123\"}");
        var json = await SandboxApi.ReadJsonAsync(response);

        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("User successfully registered", json.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Missing_required_parameter_fails_validation_like_the_kit()
    {
        using var api = new SandboxApi(fixture.Server);

        using var response = await api.GetAsync("v2/chart?symbol=btc-usdt&from=1&to=2");
        var json = await SandboxApi.ReadJsonAsync(response);

        Assert.Equal(System.Net.HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.True(json.GetProperty("failedValidation").GetBoolean());
        Assert.Equal("REQUIRED", json.GetProperty("code").GetString());
        Assert.Equal("resolution", json.GetProperty("paramName").GetString());
    }

    [Fact]
    public async Task Unknown_symbol_is_refused_with_400()
    {
        using var api = new SandboxApi(fixture.Server);

        using var response = await api.GetAsync("v2/orderbook?symbol=doge-usdt");
        var json = await SandboxApi.ReadJsonAsync(response);

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Invalid symbol", json.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Money_is_written_as_plain_json_numbers()
    {
        using var api = new SandboxApi(fixture.Server);

        using var response = await api.DemoSignedAsync(HttpMethod.Get, "v2/user/trades?limit=50");
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.DoesNotMatch(@"""(size|price|fee)"":""", text);
        Assert.DoesNotMatch(@"""(size|price|fee)"":-?\d+\.\d*0[,}]", text);
        Assert.Equal(JsonValueKind.Number, JsonDocument.Parse(text).RootElement.GetProperty("data")[0].GetProperty("price").ValueKind);
    }
}
