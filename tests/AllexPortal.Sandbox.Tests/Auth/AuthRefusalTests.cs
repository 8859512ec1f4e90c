using System.Net;
using AllexPortal.Sandbox.Tests.Infrastructure;

namespace AllexPortal.Sandbox.Tests.Auth;

/// <summary>Refusals over real HTTP with the Kit's statuses and texts.</summary>
public sealed class AuthRefusalTests(DemoSandboxFixture fixture) : IClassFixture<DemoSandboxFixture>
{
    private const string SmallBuy = "{\"symbol\":\"btc-usdt\",\"side\":\"buy\",\"size\":0.001,\"type\":\"limit\",\"price\":1000}";

    private SandboxAccountOptions Demo => fixture.Server.Exchange.Options.Demo;

    [Fact]
    public async Task Correctly_signed_request_is_accepted()
    {
        using var api = new SandboxApi(fixture.Server);

        using var response = await api.DemoSignedAsync(HttpMethod.Get, "v2/user/balance");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Signature_with_wrong_secret_is_refused()
    {
        using var api = new SandboxApi(fixture.Server);

        using var response = await api.SignedAsync(HttpMethod.Get, "v2/user/balance", Demo.ApiKey, "not-the-secret");

        await Refusal.AssertAsync(response, HttpStatusCode.Unauthorized, "Access denied: Access Denied: Invalid API Signature");
    }

    [Fact]
    public async Task Expired_api_expires_is_refused()
    {
        using var api = new SandboxApi(fixture.Server);
        var past = DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 5;

        using var response = await api.SignedAsync(HttpMethod.Get, "v2/user/balance", Demo.ApiKey, Demo.ApiSecret, expires: past);

        await Refusal.AssertAsync(response, HttpStatusCode.Unauthorized, "API request is expired");
    }

    [Fact]
    public async Task Replayed_signature_is_refused_within_its_window()
    {
        using var api = new SandboxApi(fixture.Server);
        var expires = DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 3_600;
        using var first = await api.SignedAsync(HttpMethod.Get, "v2/user/balance", Demo.ApiKey, Demo.ApiSecret, expires: expires);

        using var replay = await api.SignedAsync(HttpMethod.Get, "v2/user/balance", Demo.ApiKey, Demo.ApiSecret, expires: expires);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        await Refusal.AssertAsync(replay, HttpStatusCode.Unauthorized, "already been used");
    }

    [Fact]
    public async Task Unknown_api_key_is_refused()
    {
        using var api = new SandboxApi(fixture.Server);

        using var response = await api.SignedAsync(HttpMethod.Get, "v2/user/balance", new string('0', 40), Demo.ApiSecret);

        await Refusal.AssertAsync(response, HttpStatusCode.Unauthorized, "Invalid API Key");
    }

    [Fact]
    public async Task Body_is_verified_in_javascript_canonical_form()
    {
        using var api = new SandboxApi(fixture.Server);
        const string canonical = "{\"symbol\":\"btc-usdt\",\"side\":\"buy\",\"size\":0.001,\"type\":\"limit\",\"price\":1000}";
        const string spaced = "{ \"symbol\": \"btc-usdt\", \"side\": \"buy\", \"size\": 0.0010, \"type\": \"limit\", \"price\": 1000.0 }";
        var expires = DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 120;
        var signature = TestSigner.Sign(Demo.ApiSecret, "POST", "/v2/order", expires, canonical);
        using var request = new HttpRequestMessage(HttpMethod.Post, "v2/order")
        {
            Content = new StringContent(spaced, System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("api-key", Demo.ApiKey);
        request.Headers.Add("api-expires", expires.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add("api-signature", signature);

        using var response = await api.Http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Body_signed_in_non_canonical_form_is_refused()
    {
        using var api = new SandboxApi(fixture.Server);

        using var response = await api.DemoSignedAsync(HttpMethod.Post, "v2/order",
            "{\"symbol\":\"btc-usdt\",\"side\":\"buy\",\"size\":0.0010,\"type\":\"limit\",\"price\":1000}");

        await Refusal.AssertAsync(response, HttpStatusCode.Unauthorized, "Invalid API Signature");
    }

    [Fact]
    public async Task New_key_is_read_only_and_cannot_trade()
    {
        using var api = new SandboxApi(fixture.Server);
        var token = await api.LoginDemoAsync();
        var (_, key, secret) = await KeyFlow.CreateKeyAsync(api, token, "read only");

        using var response = await api.SignedAsync(HttpMethod.Post, "v2/order", key, secret, SmallBuy);

        await Refusal.AssertAsync(response, HttpStatusCode.Unauthorized,
            "Unauthorized Access. This key does not have the right permissions to access this endpoint");
    }

    [Fact]
    public async Task Key_granted_can_trade_by_update_may_place_orders()
    {
        using var api = new SandboxApi(fixture.Server);
        var token = await api.LoginDemoAsync();
        var (key, secret, updated) = await KeyFlow.CreateKeyAsync(api, token, "trader",
            "\"permissions\":{\"can_read\":true,\"can_trade\":true,\"can_withdraw\":false}");

        using var response = await api.SignedAsync(HttpMethod.Post, "v2/order", key, secret, SmallBuy);

        Assert.True(updated.GetProperty("can_trade").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Key_without_can_withdraw_cannot_withdraw()
    {
        using var api = new SandboxApi(fixture.Server);

        using var response = await api.DemoSignedAsync(HttpMethod.Post, "v2/user/withdrawal",
            "{\"currency\":\"usdt\",\"amount\":10,\"address\":\"0xabc\"}");

        await Refusal.AssertAsync(response, HttpStatusCode.Unauthorized, "does not have the right permissions");
    }

    [Fact]
    public async Task Call_from_ip_outside_the_whitelist_is_refused()
    {
        using var api = new SandboxApi(fixture.Server);
        var token = await api.LoginDemoAsync();
        var (key, secret, _) = await KeyFlow.CreateKeyAsync(api, token, "whitelisted", "\"whitelisted_ips\":[\"10.9.8.7\"],\"whitelisting_enabled\":true");

        using var response = await api.SignedAsync(HttpMethod.Get, "v2/user/balance", key, secret);

        await Refusal.AssertAsync(response, HttpStatusCode.Unauthorized,
            "Unauthorized Access. The IP address you are reaching this endpoint through is not allowed to access this endpoint");
    }

    [Fact]
    public async Task Call_from_whitelisted_ip_is_accepted()
    {
        using var api = new SandboxApi(fixture.Server);
        var token = await api.LoginDemoAsync();
        var (key, secret, _) = await KeyFlow.CreateKeyAsync(api, token, "whitelisted ok", "\"whitelisted_ips\":[\"127.0.0.1\"],\"whitelisting_enabled\":true");

        using var response = await api.SignedAsync(HttpMethod.Get, "v2/user/balance", key, secret);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Revoked_key_is_refused()
    {
        using var api = new SandboxApi(fixture.Server);
        var token = await api.LoginDemoAsync();
        var (id, key, secret) = await KeyFlow.CreateKeyAsync(api, token, "short lived");
        var code = await KeyFlow.EmailCodeAsync(api, token);
        using var revoke = await api.BearerAsync(HttpMethod.Delete, "v2/user/token", token,
            $"{{\"token_id\":{id},\"otp_code\":\"{api.Totp(Demo.TotpSecret)}\",\"email_code\":\"{code}\"}}");

        using var response = await api.SignedAsync(HttpMethod.Get, "v2/user/balance", key, secret);

        Assert.Equal("Token is successfully revoked", (await SandboxApi.ReadJsonAsync(revoke, expectSuccess: true)).GetProperty("message").GetString());
        await Refusal.AssertAsync(response, HttpStatusCode.Unauthorized, "Invalid API Key");
    }

    [Fact]
    public async Task Key_creation_without_email_code_is_refused()
    {
        using var api = new SandboxApi(fixture.Server);
        var token = await api.LoginDemoAsync();

        using var response = await api.BearerAsync(HttpMethod.Post, "v2/user/token", token,
            $"{{\"name\":\"x\",\"otp_code\":\"{api.Totp(Demo.TotpSecret)}\",\"email_code\":\"000000x\"}}");

        await Refusal.AssertAsync(response, HttpStatusCode.BadRequest, "Invalid email code");
    }

    [Fact]
    public async Task Api_key_on_bearer_only_endpoint_is_wrong_token_type()
    {
        using var api = new SandboxApi(fixture.Server);

        using var response = await api.DemoSignedAsync(HttpMethod.Get, "v2/user/tokens");

        await Refusal.AssertAsync(response, HttpStatusCode.Unauthorized, "Access denied: invalid token type");
    }

    [Fact]
    public async Task Bearer_on_hmac_only_endpoint_is_wrong_token_type()
    {
        using var api = new SandboxApi(fixture.Server);
        var token = await api.LoginDemoAsync();

        using var response = await api.BearerAsync(HttpMethod.Post, "v2/user/withdrawal", token, "{\"currency\":\"usdt\",\"amount\":10,\"address\":\"x\"}");

        await Refusal.AssertAsync(response, HttpStatusCode.Unauthorized, "invalid token type");
    }

    [Fact]
    public async Task Both_auth_methods_together_are_refused()
    {
        using var api = new SandboxApi(fixture.Server);

        using var response = await api.SignedAsync(HttpMethod.Get, "v2/user/balance", Demo.ApiKey, Demo.ApiSecret,
            adjust: r => r.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "x"));

        await Refusal.AssertAsync(response, HttpStatusCode.Unauthorized, "Multiple API Key methods are provided");
    }

    [Fact]
    public async Task Private_endpoint_without_credentials_is_refused()
    {
        using var api = new SandboxApi(fixture.Server);

        using var response = await api.GetAsync("v2/user/balance");

        await Refusal.AssertAsync(response, HttpStatusCode.Unauthorized, "no auth token sent");
    }

    [Fact]
    public async Task Tampered_bearer_token_is_invalid()
    {
        using var api = new SandboxApi(fixture.Server);
        var token = await api.LoginDemoAsync();

        using var response = await api.BearerAsync(HttpMethod.Get, "v2/user/balance", token[..^2] + "xx");

        await Refusal.AssertAsync(response, HttpStatusCode.Unauthorized, "Access denied: Token is invalid");
    }

    [Fact]
    public async Task Login_without_otp_code_is_refused_when_2fa_is_on()
    {
        using var api = new SandboxApi(fixture.Server);

        using var response = await api.PostJsonAsync("v2/login", $"{{\"email\":\"{Demo.Email}\",\"password\":\"{Demo.Password}\"}}");

        await Refusal.AssertAsync(response, HttpStatusCode.BadRequest, "Invalid OTP Code");
    }
}
