using System.Net;
using AllexPortal.Exchange.Errors;
using AllexPortal.Exchange.Security;
using AllexPortal.Exchange.Tests.Support;

namespace AllexPortal.Exchange.Tests.Errors;

/// <summary>Each failure class reaches the caller as one <see cref="ExchangeApiException"/> kind with an actionable message.</summary>
public class ErrorMappingTests
{
    private static readonly ApiKeyCredentials Credentials = new("key-0000000000000000000000000000000000abcd", "super-secret-signing-text");

    [Theory]
    [InlineData(401, """{"message":"Access denied: Access Denied: Invalid API Signature"}""", ExchangeErrorKind.CredentialsRejected)]
    [InlineData(401, """{"message":"Access denied: Unauthorized Access. This key does not have the right permissions to access this endpoint"}""", ExchangeErrorKind.PermissionDenied)]
    [InlineData(403, """{"message":"User is not authorized to access this endpoint"}""", ExchangeErrorKind.PermissionDenied)]
    [InlineData(404, """{"message":"Invalid crypto: \"xyz\""}""", ExchangeErrorKind.NotFound)]
    [InlineData(400, """{"message":"Insufficient balance"}""", ExchangeErrorKind.Rejected)]
    [InlineData(500, """{"message":"Request validation failed: Parameter (order_id) value is required but was not provided","code":"REQUIRED","failedValidation":true}""", ExchangeErrorKind.InvalidRequest)]
    public async Task Error_status_maps_to_its_kind_with_the_exchange_message(int status, string body, ExchangeErrorKind expected)
    {
        await using var stub = new ExchangeStub();
        stub.Answer("POST", "/v2/order", status, body);
        var client = stub.Factory.ForApiKey(stub.BaseUrl, Credentials);

        var failure = await Assert.ThrowsAsync<ExchangeApiException>(() => client.Trading.CreateOrderAsync(
            new() { Symbol = "btc-usdt", Side = Market.OrderSide.Buy, Size = 1m, Type = Trading.OrderType.Market },
            TestContext.Current.CancellationToken));

        Assert.Equal(expected, failure.Kind);
        Assert.Equal((HttpStatusCode)status, failure.StatusCode);
        Assert.Equal("POST /v2/order", failure.Endpoint);
        Assert.NotNull(failure.ExchangeMessage);
        Assert.Contains(failure.ExchangeMessage, failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Credentials.ApiSecret, failure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Server_error_on_get_is_retried_then_reported_as_server_error()
    {
        await using var stub = new ExchangeStub(o => o.MaxRetryAttempts = 2);
        stub.Answer("GET", "/v2/user/balance", 502, "<html><title>502 Bad Gateway</title></html>");
        var client = stub.Factory.ForApiKey(stub.BaseUrl, Credentials);

        var failure = await Assert.ThrowsAsync<ExchangeApiException>(() => client.User.GetBalanceAsync(TestContext.Current.CancellationToken));

        Assert.Equal(ExchangeErrorKind.ServerError, failure.Kind);
        Assert.Null(failure.ExchangeMessage);
        Assert.Equal(3, stub.Calls("/v2/user/balance").Count);
    }

    [Fact]
    public async Task Malformed_json_yields_a_clear_error()
    {
        await using var stub = new ExchangeStub();
        stub.Answer("GET", "/v2/user/balance", 200, "{\"btc_available\": 0.5, ");
        var client = stub.Factory.ForApiKey(stub.BaseUrl, Credentials);

        var failure = await Assert.ThrowsAsync<ExchangeApiException>(() => client.User.GetBalanceAsync(TestContext.Current.CancellationToken));

        Assert.Equal(ExchangeErrorKind.MalformedResponse, failure.Kind);
        Assert.Contains("GET /v2/user/balance", failure.Message, StringComparison.Ordinal);
        Assert.Contains("base URL", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Html_page_instead_of_json_yields_a_malformed_response_error()
    {
        await using var stub = new ExchangeStub();
        stub.Answer("GET", "/v2/constants", 200, "<!DOCTYPE html><html><body>Welcome</body></html>");
        var client = stub.Factory.ForPublic(stub.BaseUrl);

        var failure = await Assert.ThrowsAsync<ExchangeApiException>(() => client.GetConstantsAsync(TestContext.Current.CancellationToken));

        Assert.Equal(ExchangeErrorKind.MalformedResponse, failure.Kind);
    }

    [Fact]
    public async Task Unreachable_host_yields_an_unreachable_error()
    {
        await using var stub = new ExchangeStub(o =>
        {
            o.MaxRetryAttempts = 0;
            o.AllowedBaseUrls.Add(new Uri("http://127.0.0.1:1/"));
        });
        var client = stub.Factory.ForPublic(new Uri("http://127.0.0.1:1/"));

        var failure = await Assert.ThrowsAsync<ExchangeApiException>(() => client.GetHealthAsync(TestContext.Current.CancellationToken));

        Assert.Equal(ExchangeErrorKind.Unreachable, failure.Kind);
    }

    [Fact]
    public async Task Caller_cancellation_is_not_disguised_as_an_exchange_error()
    {
        await using var stub = new ExchangeStub();
        stub.Server.Given(WireMock.RequestBuilders.Request.Create().WithPath("/v2/health").UsingGet())
            .RespondWith(WireMock.ResponseBuilders.Response.Create().WithBody("{}").WithDelay(TimeSpan.FromSeconds(5)));
        var client = stub.Factory.ForPublic(stub.BaseUrl);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cancel.CancelAfter(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GetHealthAsync(cancel.Token));
    }
}
