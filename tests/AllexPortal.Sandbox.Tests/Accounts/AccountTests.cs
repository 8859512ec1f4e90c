using System.Net;
using AllexPortal.Sandbox.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;
using OtpNet;

namespace AllexPortal.Sandbox.Tests.Accounts;

/// <summary>Sign-up, 2FA activation and the optional endpoints' switches.</summary>
public sealed class AccountTests
{
    [Fact]
    public async Task Activated_2fa_is_required_at_the_next_login()
    {
        await using var server = await SandboxApi.StartAsync();
        using var api = new SandboxApi(server);
        var (email, token) = await api.SignUpAsync("careful");
        using var secretResponse = await api.BearerAsync(HttpMethod.Get, "v2/user/request-otp", token);
        var secret = (await SandboxApi.ReadJsonAsync(secretResponse, expectSuccess: true)).GetProperty("secret").GetString()!;
        using var activate = await api.BearerAsync(HttpMethod.Post, "v2/user/activate-otp", token, $"{{\"code\":\"{api.Totp(secret)}\"}}");

        using var withoutCode = await api.PostJsonAsync("v2/login", $"{{\"email\":\"{email}\",\"password\":\"Passw0rd-careful\"}}");
        var withCode = await api.LoginAsync(email, "Passw0rd-careful", secret);

        Assert.Equal("OTP enabled", (await SandboxApi.ReadJsonAsync(activate, expectSuccess: true)).GetProperty("message").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, withoutCode.StatusCode);
        Assert.NotEmpty(withCode);
    }

    [Fact]
    public async Task Token_is_refused_after_logout()
    {
        await using var server = await SandboxApi.StartAsync();
        using var api = new SandboxApi(server);
        var (_, token) = await api.SignUpAsync("leaver");
        using var logout = await api.BearerAsync(HttpMethod.Get, "v2/logout", token);

        using var response = await api.BearerAsync(HttpMethod.Get, "v2/verify-token", token);

        Assert.Equal(HttpStatusCode.OK, logout.StatusCode);
        await Refusal.AssertAsync(response, HttpStatusCode.Unauthorized, "Token is expired");
    }

    [Fact]
    public async Task Key_creation_requires_2fa_to_be_enabled()
    {
        await using var server = await SandboxApi.StartAsync();
        using var api = new SandboxApi(server);
        var (_, token) = await api.SignUpAsync("hasty");

        using var response = await api.BearerAsync(HttpMethod.Post, "v2/user/token", token,
            "{\"name\":\"bot\",\"otp_code\":\"123456\",\"email_code\":\"123456\"}");

        await Refusal.AssertAsync(response, HttpStatusCode.BadRequest, "You must enable OTP");
    }

    [Fact]
    public async Task Duplicate_signup_is_refused()
    {
        await using var server = await SandboxApi.StartAsync();
        using var api = new SandboxApi(server);
        await api.SignUpAsync("twice");

        using var response = await api.PostJsonAsync("v2/signup", "{\"email\":\"twice@example.test\",\"password\":\"Passw0rd-twice\"}");

        await Refusal.AssertAsync(response, HttpStatusCode.BadRequest, "User already exists");
    }

    [Fact]
    public async Task Wrong_password_is_refused()
    {
        await using var server = await SandboxApi.StartAsync();
        using var api = new SandboxApi(server);
        var demo = server.Exchange.Options.Demo;

        using var response = await api.PostJsonAsync("v2/login",
            $"{{\"email\":\"{demo.Email}\",\"password\":\"wrong1234\",\"otp_code\":\"{api.Totp(demo.TotpSecret)}\"}}");

        await Refusal.AssertAsync(response, HttpStatusCode.BadRequest, "Incorrect credentials.");
    }

    [Theory]
    [InlineData("v2/user/balance-history")]
    [InlineData("v2/user/balance-pl?period=7")]
    public async Task Optional_endpoint_switched_off_answers_an_error(string path)
    {
        await using var server = await SandboxApi.StartAsync(o =>
        {
            o.EnableBalanceHistory = false;
            o.EnableProfitAndLoss = false;
        });
        using var api = new SandboxApi(server);

        using var response = await api.DemoSignedAsync(HttpMethod.Get, path);

        await Refusal.AssertAsync(response, HttpStatusCode.BadRequest, "Feature is not active");
    }

    [Fact]
    public async Task Oracle_values_the_given_amount_in_the_quote()
    {
        var frozen = new FakeTimeProvider(new DateTimeOffset(2026, 3, 28, 12, 0, 0, TimeSpan.Zero));
        await using var server = await SandboxApi.StartAsync(time: frozen);
        using var api = new SandboxApi(server);

        var one = await api.GetJsonAsync("v2/oracle/prices?assets=eth&quote=btc&amount=1");
        var ten = await api.GetJsonAsync("v2/oracle/prices?assets=eth&quote=btc&amount=10");

        Assert.Equal(one.GetProperty("eth").GetDecimal() * 10, ten.GetProperty("eth").GetDecimal(), 6);
    }

    [Fact]
    public async Task Unknown_oracle_asset_is_refused()
    {
        await using var server = await SandboxApi.StartAsync();
        using var api = new SandboxApi(server);

        using var response = await api.GetAsync("v2/oracle/prices?assets=btc,doge&quote=usdt");

        await Refusal.AssertAsync(response, HttpStatusCode.BadRequest, "Invalid asset");
    }

    [Fact]
    public async Task Demo_profile_lists_deposit_addresses_in_wallet()
    {
        await using var server = await SandboxApi.StartAsync();
        using var api = new SandboxApi(server);

        using var response = await api.DemoSignedAsync(HttpMethod.Get, "v2/user");
        var wallet = (await SandboxApi.ReadJsonAsync(response, expectSuccess: true)).GetProperty("wallet");

        Assert.True(wallet.GetArrayLength() >= 2);
        JsonShape.AssertFields(wallet[0], "currency:string,address:string,network:string,standard:string|null,is_valid:bool,created_at:string");
    }

    [Fact]
    public async Task Test_deposit_shows_in_balance_and_deposit_history()
    {
        await using var server = await SandboxApi.StartAsync();
        using var api = new SandboxApi(server);
        var (email, token) = await api.SignUpAsync("funded");

        server.Exchange.Deposit(email, "sol", 12.5m);

        using var balance = await api.BearerAsync(HttpMethod.Get, "v2/user/balance", token);
        using var deposits = await api.BearerAsync(HttpMethod.Get, "v2/user/deposits?currency=sol&limit=1", token);
        Assert.Equal(212.5m, (await SandboxApi.ReadJsonAsync(balance, expectSuccess: true)).GetProperty("sol_available").GetDecimal());
        Assert.Equal(12.5m, (await SandboxApi.ReadJsonAsync(deposits, expectSuccess: true)).GetProperty("data")[0].GetProperty("amount").GetDecimal());
    }

    [Fact]
    public void Demo_totp_secret_is_valid_base32()
    {
        var secret = new SandboxOptions().Demo.TotpSecret;

        var bytes = Base32Encoding.ToBytes(secret);

        Assert.Equal(20, bytes.Length);
    }
}
