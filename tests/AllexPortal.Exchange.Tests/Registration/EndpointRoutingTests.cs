using AllexPortal.Exchange.Account;
using AllexPortal.Exchange.Errors;
using AllexPortal.Exchange.Market;
using AllexPortal.Exchange.Paging;
using AllexPortal.Exchange.Security;
using AllexPortal.Exchange.Tests.Support;
using AllexPortal.Exchange.Trading;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace AllexPortal.Exchange.Tests.Registration;

/// <summary>Every typed method reaches the method and path the reference gives it, with the audience's auth.</summary>
public class EndpointRoutingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Public_methods_reach_their_reference_routes_without_credentials()
    {
        await using var stub = AnyAnswerStub();
        var api = stub.Factory.ForPublic(stub.BaseUrl);
        var calls = new (string Route, Func<Task> Call)[]
        {
            ("GET /v2/health", () => api.GetHealthAsync(Ct)),
            ("GET /v2/constants", () => api.GetConstantsAsync(Ct)),
            ("GET /v2/kit", () => api.GetKitAsync(Ct)),
            ("GET /v2/tiers", () => api.GetTiersAsync(Ct)),
            ("GET /v2/ticker", () => api.GetTickerAsync("btc-usdt", Ct)),
            ("GET /v2/tickers", () => api.GetTickersAsync(Ct)),
            ("GET /v2/orderbook", () => api.GetOrderBookAsync("btc-usdt", Ct)),
            ("GET /v2/orderbooks", () => api.GetOrderBooksAsync(Ct)),
            ("GET /v2/trades", () => api.GetTradesAsync("btc-usdt", Ct)),
            ("GET /v2/trades/history", () => api.GetTradesHistoryAsync("btc-usdt", OrderSide.Buy, new PageQuery { Limit = 10 }, Ct)),
            ("GET /v2/chart", () => api.GetChartAsync("btc-usdt", "60", 1_774_000_000, 1_775_000_000, Ct)),
            ("GET /v2/charts", () => api.GetChartsAsync("D", 1_774_000_000, 1_775_000_000, Ct)),
            ("GET /v2/minicharts", () => api.GetMiniChartsAsync(["btc", "eth"], "usdt", "7d", Ct)),
            ("GET /v2/udf/config", () => api.GetChartConfigurationAsync(Ct)),
            ("GET /v2/udf/history", () => api.GetChartHistoryAsync("btc-usdt", "60", 1_774_000_000, 1_775_000_000, Ct)),
            ("GET /v2/oracle/prices", () => api.GetOraclePricesAsync(["btc", "eth"], "usdt", 1m, Ct)),
            ("GET /v2/user/withdrawal/fee", () => api.GetWithdrawalFeeAsync("btc", Ct)),
            ("GET /v2/quick-trade", () => api.GetQuickTradeQuoteAsync("usdt", "btc", 100m, cancellationToken: Ct)),
            ("POST /v2/signup", () => api.SignupAsync(new SignupRequest { Email = "a@b.c", Password = "pw" }, Ct)),
            ("POST /v2/user/confirm-withdrawal", () => api.ConfirmWithdrawalAsync(new ConfirmWithdrawalRequest("t"), Ct)),
            ("POST /v2/login", () => api.LoginAsync(new LoginRequest { Email = "a@b.c", Password = "pw", OtpCode = "123456" }, Ct)),
        };

        var mismatches = await RouteMismatchesAsync(stub, calls, auth: null);

        Assert.Empty(mismatches);
    }

    [Fact]
    public async Task Api_key_methods_reach_their_reference_routes_signed()
    {
        await using var stub = AnyAnswerStub();
        var client = stub.Factory.ForApiKey(stub.BaseUrl, new ApiKeyCredentials("key-abcd", "secret"));
        var range = new PageQuery { StartDate = DateTimeOffset.UnixEpoch };
        var calls = new (string Route, Func<Task> Call)[]
        {
            ("GET /v2/user", () => client.User.GetProfileAsync(Ct)),
            ("GET /v2/user/balance", () => client.User.GetBalanceAsync(Ct)),
            ("GET /v2/user/trades", () => client.User.GetTradesAsync("btc-usdt", range, Ct)),
            ("GET /v2/user/trades", () => client.User.ExportTradesCsvAsync("btc-usdt", range, Ct)),
            ("GET /v2/user/deposits", () => client.User.GetDepositsAsync("btc", range, status: true, cancellationToken: Ct)),
            ("GET /v2/user/deposits", () => client.User.ExportDepositsCsvAsync("btc", range, Ct)),
            ("GET /v2/user/withdrawals", () => client.User.GetWithdrawalsAsync("btc", range, cancellationToken: Ct)),
            ("GET /v2/user/withdrawals", () => client.User.ExportWithdrawalsCsvAsync("btc", range, Ct)),
            ("GET /v2/user/withdrawal/max", () => client.User.GetMaxWithdrawalAsync("btc", "btc", Ct)),
            ("GET /v2/user/balance-history", () => client.User.GetBalanceHistoryAsync(range, Ct)),
            ("GET /v2/user/balance-pl", () => client.User.GetProfitAndLossAsync(7, Ct)),
            ("POST /v2/order", () => client.Trading.CreateOrderAsync(new CreateOrderRequest { Symbol = "btc-usdt", Side = OrderSide.Sell, Size = 1m, Type = OrderType.Market }, Ct)),
            ("GET /v2/order", () => client.Trading.GetOrderAsync("id-1", Ct)),
            ("DELETE /v2/order", () => client.Trading.CancelOrderAsync("id-1", Ct)),
            ("GET /v2/orders", () => client.Trading.GetOrdersAsync("btc-usdt", OrderSide.Buy, "new", open: true, paging: range, cancellationToken: Ct)),
            ("GET /v2/orders", () => client.Trading.ExportOrdersCsvAsync("btc-usdt", range, Ct)),
            ("DELETE /v2/order/all", () => client.Trading.CancelAllOrdersAsync("btc-usdt", Ct)),
            ("GET /v2/quick-trade", () => client.Trading.GetQuickTradeQuoteAsync("usdt", "btc", 100m, cancellationToken: Ct)),
            ("POST /v2/order/execute", () => client.Trading.ExecuteQuickTradeAsync(new ExecuteQuickTradeRequest("quote-token"), Ct)),
            ("POST /v2/user/withdrawal", () => client.Withdrawals.WithdrawAsync(new DirectWithdrawalRequest { Address = "bc1q", Currency = "btc", Amount = 0.01m }, Ct)),
        };

        var mismatches = await RouteMismatchesAsync(stub, calls, auth: "api-key");

        Assert.Empty(mismatches);
    }

    [Fact]
    public async Task Session_only_methods_reach_their_reference_routes_with_the_bearer_token()
    {
        await using var stub = AnyAnswerStub();
        var security = stub.Factory.ForSession(stub.BaseUrl, new SessionToken("jwt")).Security;
        var calls = new (string Route, Func<Task> Call)[]
        {
            ("GET /v2/verify-token", () => security.VerifyTokenAsync(Ct)),
            ("GET /v2/logout", () => security.LogoutAsync(Ct)),
            ("GET /v2/user/create-address", () => security.CreateDepositAddressAsync("usdt", "trx", Ct)),
            ("POST /v2/user/request-withdrawal", () => security.RequestWithdrawalAsync(new WithdrawalRequest { Currency = "btc", Amount = 0.01m, Address = "bc1q", OtpCode = "123456" }, Ct)),
            ("DELETE /v2/user/withdrawal", () => security.CancelWithdrawalAsync(5, Ct)),
            ("GET /v2/user/request-otp", () => security.RequestOtpAsync(Ct)),
            ("POST /v2/user/activate-otp", () => security.ActivateOtpAsync(new OtpCodeRequest("123456"), Ct)),
            ("POST /v2/user/deactivate-otp", () => security.DeactivateOtpAsync(new OtpCodeRequest("123456"), Ct)),
            ("GET /v2/user/request-email-confirmation", () => security.RequestEmailConfirmationAsync(Ct)),
            ("GET /v2/user/tokens", () => security.GetApiKeysAsync(Ct)),
            ("POST /v2/user/token", () => security.CreateApiKeyAsync(new CreateApiKeyRequest { Name = "bot", OtpCode = "1", EmailCode = "2" }, Ct)),
            ("PUT /v2/user/token", () => security.UpdateApiKeyAsync(new UpdateApiKeyRequest { TokenId = 1, OtpCode = "1", EmailCode = "2", Permissions = new(CanRead: true, CanTrade: true, CanWithdraw: false) }, Ct)),
            ("DELETE /v2/user/token", () => security.RevokeApiKeyAsync(new RevokeApiKeyRequest(1, "1", "2"), Ct)),
        };

        var mismatches = await RouteMismatchesAsync(stub, calls, auth: "Authorization");

        Assert.Empty(mismatches);
    }

    private static ExchangeStub AnyAnswerStub()
    {
        var stub = new ExchangeStub(o => o.MaxRetryAttempts = 0);
        stub.Server.Given(Request.Create().UsingAnyMethod()).RespondWith(Response.Create().WithStatusCode(200).WithBody("{}"));
        return stub;
    }

    private static async Task<List<string>> RouteMismatchesAsync(ExchangeStub stub, (string Route, Func<Task> Call)[] calls, string? auth)
    {
        var mismatches = new List<string>();
        foreach (var (route, call) in calls)
        {
            stub.Server.ResetLogEntries();
            try
            {
                await call();
            }
            catch (ExchangeApiException failure) when (failure.Kind == ExchangeErrorKind.MalformedResponse)
            {
                // "{}" is not a valid answer for every endpoint; only the route is under test here.
            }

            var sent = stub.Server.LogEntries.Single().RequestMessage!;
            var headers = sent.Headers ?? new Dictionary<string, WireMock.Types.WireMockList<string>>();
            var actual = $"{sent.Method} {sent.AbsolutePath}";
            var authOk = auth is null
                ? !headers.ContainsKey("api-key") && !headers.ContainsKey("Authorization")
                : headers.ContainsKey(auth);
            if (actual != route || !authOk)
            {
                mismatches.Add($"{route}: sent {actual}, auth {(authOk ? "ok" : "wrong")}");
            }
        }

        return mismatches;
    }
}
