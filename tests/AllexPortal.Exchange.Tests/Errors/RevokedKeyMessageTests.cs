using AllexPortal.Exchange.Errors;
using AllexPortal.Exchange.Security;
using AllexPortal.Exchange.Tests.Support;

namespace AllexPortal.Exchange.Tests.Errors;

/// <summary>A key the exchange no longer holds is reported as revoked, in words a connection card can show as is.</summary>
public class RevokedKeyMessageTests
{
    private static readonly ApiKeyCredentials Credentials = new("key-0000000000000000000000000000000000abcd", "super-secret-signing-text");

    [Fact]
    public async Task Unknown_api_key_is_reported_as_revoked()
    {
        await using var stub = new ExchangeStub();
        stub.Answer("GET", "/v2/user/balance", 401, """{"message":"Access denied: Access Denied: Invalid API Key"}""");
        var client = stub.Factory.ForApiKey(stub.BaseUrl, Credentials);

        var failure = await Assert.ThrowsAsync<ExchangeApiException>(() => client.User.GetBalanceAsync(TestContext.Current.CancellationToken));

        Assert.Equal(ExchangeErrorKind.CredentialsRejected, failure.Kind);
        Assert.StartsWith("The API key was revoked", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Credentials.ApiSecret, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_signature_is_not_reported_as_revoked()
    {
        await using var stub = new ExchangeStub();
        stub.Answer("GET", "/v2/user/balance", 401, """{"message":"Access denied: Access Denied: Invalid API Signature"}""");
        var client = stub.Factory.ForApiKey(stub.BaseUrl, Credentials);

        var failure = await Assert.ThrowsAsync<ExchangeApiException>(() => client.User.GetBalanceAsync(TestContext.Current.CancellationToken));

        Assert.DoesNotContain("revoked or is unknown", failure.Message, StringComparison.Ordinal);
    }
}
