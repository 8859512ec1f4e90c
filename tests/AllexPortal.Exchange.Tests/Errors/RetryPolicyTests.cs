using System.Diagnostics;
using AllexPortal.Exchange.Errors;
using AllexPortal.Exchange.Market;
using AllexPortal.Exchange.Security;
using AllexPortal.Exchange.Tests.Support;
using AllexPortal.Exchange.Trading;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace AllexPortal.Exchange.Tests.Errors;

public class RetryPolicyTests
{
    private static readonly ApiKeyCredentials Credentials = new("key-0000000000000000000000000000000000abcd", "secret");

    private static CreateOrderRequest Order => new() { Symbol = "btc-usdt", Side = OrderSide.Buy, Size = 0.001m, Type = OrderType.Limit, Price = 68000m };

    [Fact]
    public async Task Too_many_requests_with_retry_after_waits_and_retries_a_get_once()
    {
        await using var stub = new ExchangeStub();
        stub.AnswerInSequence(
            "GET",
            "/v2/user/balance",
            Response.Create().WithStatusCode(429).WithHeader("Retry-After", "1").WithBody("""{"message":"Too many requests. Please try again later."}"""),
            Response.Create().WithStatusCode(200).WithBody("""{"btc_available":0.5,"btc_balance":0.52}"""));
        var client = stub.Factory.ForApiKey(stub.BaseUrl, Credentials);
        var clock = Stopwatch.StartNew();

        var balance = await client.User.GetBalanceAsync(TestContext.Current.CancellationToken);

        Assert.Equal(0.52m, balance["btc"].Total);
        Assert.Equal(2, stub.Calls("/v2/user/balance").Count);
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(950), $"retried after {clock.Elapsed}, before Retry-After");
    }

    [Fact]
    public async Task Too_many_requests_with_a_long_retry_after_fails_at_once_and_reports_the_wait()
    {
        await using var stub = new ExchangeStub();
        stub.Answer("GET", "/v2/user/balance", 429, """{"message":"Too many requests. Your account is blocked for 2 minutes"}""", retryAfter: "120");
        var client = stub.Factory.ForApiKey(stub.BaseUrl, Credentials);

        var failure = await Assert.ThrowsAsync<ExchangeApiException>(() => client.User.GetBalanceAsync(TestContext.Current.CancellationToken));

        Assert.Equal(ExchangeErrorKind.RateLimited, failure.Kind);
        Assert.Equal(TimeSpan.FromMinutes(2), failure.RetryAfter);
        Assert.Single(stub.Calls("/v2/user/balance"));
        Assert.Contains("2 minutes", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(429)]
    [InlineData(503)]
    public async Task Order_creation_is_never_retried(int status)
    {
        await using var stub = new ExchangeStub(o => o.MaxRetryAttempts = 3);
        stub.Answer("POST", "/v2/order", status, """{"message":"busy"}""", retryAfter: "0");
        var client = stub.Factory.ForApiKey(stub.BaseUrl, Credentials);

        await Assert.ThrowsAsync<ExchangeApiException>(() => client.Trading.CreateOrderAsync(Order, TestContext.Current.CancellationToken));

        Assert.Single(stub.Calls("/v2/order"));
    }

    [Fact]
    public async Task Api_key_withdrawal_is_never_retried()
    {
        await using var stub = new ExchangeStub(o => o.MaxRetryAttempts = 3);
        stub.Answer("POST", "/v2/user/withdrawal", 503, """{"message":"busy"}""");
        var client = stub.Factory.ForApiKey(stub.BaseUrl, Credentials);

        await Assert.ThrowsAsync<ExchangeApiException>(() => client.Withdrawals.WithdrawAsync(
            new() { Address = "bc1q", Currency = "btc", Amount = 0.01m },
            TestContext.Current.CancellationToken));

        Assert.Single(stub.Calls("/v2/user/withdrawal"));
    }

    [Fact]
    public async Task Slow_exchange_fails_with_a_timeout_within_the_configured_bound()
    {
        await using var stub = new ExchangeStub(o =>
        {
            o.AttemptTimeout = TimeSpan.FromMilliseconds(300);
            o.TotalTimeout = TimeSpan.FromSeconds(1);
            o.MaxRetryAttempts = 5;
        });
        stub.Server.Given(Request.Create().WithPath("/v2/tickers").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithBody("{}").WithDelay(TimeSpan.FromSeconds(10)));
        var client = stub.Factory.ForPublic(stub.BaseUrl);
        var clock = Stopwatch.StartNew();

        var failure = await Assert.ThrowsAsync<ExchangeApiException>(() => client.GetTickersAsync(TestContext.Current.CancellationToken));

        Assert.Equal(ExchangeErrorKind.Timeout, failure.Kind);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task Requests_to_one_host_are_paced_by_the_shared_budget()
    {
        await using var stub = new ExchangeStub(o =>
        {
            o.RequestsPerSecond = 2;
            o.BurstSize = 2;
        });
        stub.Answer("GET", "/v2/health", 200, """{"status":true}""");
        var first = stub.Factory.ForPublic(stub.BaseUrl);
        var second = stub.Factory.ForApiKey(stub.BaseUrl, Credentials).Public;
        var clock = Stopwatch.StartNew();

        await Task.WhenAll(Enumerable.Range(0, 6).Select(i => (i % 2 == 0 ? first : second).GetHealthAsync(TestContext.Current.CancellationToken)));

        Assert.Equal(6, stub.Calls("/v2/health").Count);
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(1.5), $"6 requests at 2/s took only {clock.Elapsed}");
    }
}
