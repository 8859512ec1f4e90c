using System.Net;
using AllexPortal.Sandbox.Tests.Infrastructure;

namespace AllexPortal.Sandbox.Tests.Wallet;

/// <summary>With <see cref="SandboxOptions.ConfirmWithdrawalsByEmail"/> a withdrawal waits for the e-mailed code, as on the exchange.</summary>
public sealed class EmailConfirmedWithdrawalTests
{
    private const string Body = "{\"currency\":\"btc\",\"amount\":0.5,\"address\":\"bc1qexample\",\"network\":\"btc\"}";

    [Fact]
    public async Task A_requested_withdrawal_moves_nothing_until_it_is_confirmed()
    {
        await using var server = await SandboxApi.StartAsync(o => o.ConfirmWithdrawalsByEmail = true);
        using var api = new SandboxApi(server);
        var (email, token) = await api.SignUpAsync("careful");

        using var response = await api.BearerAsync(HttpMethod.Post, "v2/user/request-withdrawal", token, Body);

        var json = await SandboxApi.ReadJsonAsync(response, expectSuccess: true);
        Assert.Equal("Success", json.GetProperty("message").GetString());
        Assert.Empty(server.Exchange.WithdrawalsOf(email));
        Assert.Equal(2m, server.Exchange.BalancesOf(email).Single(b => b.Coin == "btc").Balance);
        Assert.NotNull(server.Exchange.EmailCodeOf(email));
    }

    [Fact]
    public async Task Confirming_with_the_emailed_code_sends_the_withdrawal()
    {
        await using var server = await SandboxApi.StartAsync(o => o.ConfirmWithdrawalsByEmail = true);
        using var api = new SandboxApi(server);
        var (email, token) = await api.SignUpAsync("confirmer");
        using var requested = await api.BearerAsync(HttpMethod.Post, "v2/user/request-withdrawal", token, Body);

        using var response = await api.PostJsonAsync("v2/user/confirm-withdrawal", $"{{\"token\":\"{server.Exchange.EmailCodeOf(email)}\"}}");

        var json = await SandboxApi.ReadJsonAsync(response, expectSuccess: true);
        Assert.Equal("Withdrawal successful", json.GetProperty("message").GetString());
        Assert.Equal(0.0002m, json.GetProperty("fee").GetDecimal());
        Assert.Equal((0.5m, "bc1qexample"), (server.Exchange.WithdrawalsOf(email).Single().Amount, server.Exchange.WithdrawalsOf(email).Single().Address));
        Assert.Equal(2m - 0.5m - 0.0002m, server.Exchange.BalancesOf(email).Single(b => b.Coin == "btc").Balance);
    }

    [Fact]
    public async Task A_wrong_code_is_refused_and_a_used_code_cannot_confirm_twice()
    {
        await using var server = await SandboxApi.StartAsync(o => o.ConfirmWithdrawalsByEmail = true);
        using var api = new SandboxApi(server);
        var (email, token) = await api.SignUpAsync("twice");
        using var requested = await api.BearerAsync(HttpMethod.Post, "v2/user/request-withdrawal", token, Body);
        var code = server.Exchange.EmailCodeOf(email);
        using var first = await api.PostJsonAsync("v2/user/confirm-withdrawal", $"{{\"token\":\"{code}\"}}");

        using var again = await api.PostJsonAsync("v2/user/confirm-withdrawal", $"{{\"token\":\"{code}\"}}");
        using var wrong = await api.PostJsonAsync("v2/user/confirm-withdrawal", "{\"token\":\"0000\"}");

        await Refusal.AssertAsync(again, HttpStatusCode.BadRequest, "Invalid token");
        await Refusal.AssertAsync(wrong, HttpStatusCode.BadRequest, "Invalid token");
        Assert.Single(server.Exchange.WithdrawalsOf(email));
    }
}
