using AllexPortal.Exchange.Account;
using AllexPortal.Exchange.Errors;
using AllexPortal.Exchange.Security;
using AllexPortal.Exchange.Tests.Support;

namespace AllexPortal.Exchange.Tests.Account;

public class OptionalFeatureTests
{
    private static readonly ApiKeyCredentials Credentials = new("key-0000000000000000000000000000000000abcd", "secret");

    [Theory]
    [InlineData(400, """{"message":"Balance history feature is not active"}""")]
    [InlineData(404, """{"message":"Not found"}""")]
    [InlineData(400, """{"message":"Service is not supported on your plan"}""")]
    public async Task Switched_off_balance_history_is_reported_as_not_offered(int status, string body)
    {
        await using var stub = new ExchangeStub();
        stub.Answer("GET", "/v2/user/balance-history", status, body);
        var client = stub.Factory.ForApiKey(stub.BaseUrl, Credentials);

        var result = await client.User.TryGetBalanceHistoryAsync(cancellationToken: TestContext.Current.CancellationToken);

        Assert.False(result.IsOffered);
        Assert.NotNull(result.NotOfferedReason);
    }

    [Fact]
    public async Task Offered_balance_history_returns_its_rows()
    {
        await using var stub = new ExchangeStub();
        stub.Answer("GET", "/v2/user/balance-history", 200, """{"count":1,"data":[{"id":7,"total":10500.25,"created_at":"2026-03-01T00:00:00.000Z","by_coin":{"btc":1}}]}""");
        var client = stub.Factory.ForApiKey(stub.BaseUrl, Credentials);

        var result = await client.User.TryGetBalanceHistoryAsync(cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(result.IsOffered);
        Assert.Equal(10500.25m, Assert.Single(result.Value!.Data).Total);
    }

    [Fact]
    public async Task Profit_and_loss_outage_still_throws()
    {
        await using var stub = new ExchangeStub(o => o.MaxRetryAttempts = 0);
        stub.Answer("GET", "/v2/user/balance-pl", 503, """{"message":"upstream unavailable"}""");
        var client = stub.Factory.ForApiKey(stub.BaseUrl, Credentials);

        var failure = await Assert.ThrowsAsync<ExchangeApiException>(() => client.User.TryGetProfitAndLossAsync(7, TestContext.Current.CancellationToken));

        Assert.Equal(ExchangeErrorKind.ServerError, failure.Kind);
    }
}
