using System.Net;
using AllexPortal.Exchange.Errors;
using AllexPortal.Exchange.Market;
using AllexPortal.Exchange.Security;
using AllexPortal.Exchange.Trading;
using AllexPortal.Integration.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace AllexPortal.Integration.Tests.Refusals;

/// <summary>Signed calls the sandbox must refuse, and the error kind the client must turn each refusal into.</summary>
public sealed class AuthenticationRefusalTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_signature_made_with_the_wrong_secret_is_refused_as_bad_credentials()
    {
        var client = sandbox.ForKey(new ApiKeyCredentials(sandbox.Demo.ApiKey, "0123456789abcdef0123456789abcdef0123456789abcdef01"));

        var failure = await Assert.ThrowsAsync<ExchangeApiException>(() => client.User.GetBalanceAsync(Ct));

        AssertRefused(failure, ExchangeErrorKind.CredentialsRejected, "Access denied: Access Denied: Invalid API Signature");
    }

    [Fact]
    public async Task A_request_whose_api_expires_has_passed_is_refused_as_bad_credentials()
    {
        await using var lateClock = new ClientHost(sandbox.BaseUrl, new FakeTimeProvider(DateTimeOffset.UtcNow.AddMinutes(-5)));
        var client = lateClock.Factory.ForApiKey(sandbox.BaseUrl, new ApiKeyCredentials(sandbox.Demo.ApiKey, sandbox.Demo.ApiSecret));

        var failure = await Assert.ThrowsAsync<ExchangeApiException>(() => client.User.GetBalanceAsync(Ct));

        AssertRefused(failure, ExchangeErrorKind.CredentialsRejected, "Access denied: Access Denied: API request is expired");
    }

    [Fact]
    public async Task A_read_only_key_trying_to_trade_is_refused_as_missing_permission()
    {
        var session = await sandbox.LoginDemoAsync(Ct);
        var (created, _) = await sandbox.CreateKeyAsync(session, "read-only", new ApiKeyPermissionsBody(CanRead: true, CanTrade: false, CanWithdraw: false), null, Ct);
        var client = sandbox.ForKey(created.Credentials);
        var ordersBefore = sandbox.Exchange.LiveOrdersOf(sandbox.Demo.Email).Count;

        var failure = await Assert.ThrowsAsync<ExchangeApiException>(() => client.Trading.CreateOrderAsync(
            new CreateOrderRequest { Symbol = "btc-usdt", Side = OrderSide.Buy, Type = OrderType.Market, Size = 0.001m }, Ct));

        AssertRefused(failure, ExchangeErrorKind.PermissionDenied,
            "Access denied: Unauthorized Access. This key does not have the right permissions to access this endpoint");
        Assert.Equal(ordersBefore, sandbox.Exchange.LiveOrdersOf(sandbox.Demo.Email).Count);
        Assert.Equal(sandbox.Demo.Email, (await client.User.GetProfileAsync(Ct)).Email);
    }

    [Fact]
    public async Task A_key_without_withdraw_permission_cannot_withdraw()
    {
        var failure = await Assert.ThrowsAsync<ExchangeApiException>(() => sandbox.DemoKey.Withdrawals.WithdrawAsync(
            new Exchange.Account.DirectWithdrawalRequest { Currency = "usdt", Amount = 10m, Address = "TNotAllowed", Network = "trx" }, Ct));

        Assert.Equal(ExchangeErrorKind.PermissionDenied, failure.Kind);
    }

    [Fact]
    public async Task A_key_whitelisted_for_another_ip_is_refused_from_loopback()
    {
        var session = await sandbox.LoginDemoAsync(Ct);
        var (created, updated) = await sandbox.CreateKeyAsync(session, "elsewhere", new ApiKeyPermissionsBody(CanRead: true, CanTrade: true, CanWithdraw: false), ["203.0.113.7"], Ct);

        var failure = await Assert.ThrowsAsync<ExchangeApiException>(() => sandbox.ForKey(created.Credentials).User.GetBalanceAsync(Ct));

        Assert.Equal(["203.0.113.7"], updated.WhitelistedIps);
        AssertRefused(failure, ExchangeErrorKind.PermissionDenied,
            "Access denied: Unauthorized Access. The IP address you are reaching this endpoint through is not allowed to access this endpoint");
    }

    private static void AssertRefused(ExchangeApiException failure, ExchangeErrorKind kind, string exchangeMessage)
    {
        Assert.Equal(kind, failure.Kind);
        Assert.Equal(HttpStatusCode.Unauthorized, failure.StatusCode);
        Assert.Equal(exchangeMessage, failure.ExchangeMessage);
    }
}
