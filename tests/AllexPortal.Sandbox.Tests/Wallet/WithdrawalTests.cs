using System.Net;
using AllexPortal.Sandbox.Tests.Infrastructure;

namespace AllexPortal.Sandbox.Tests.Wallet;

/// <summary>Withdrawals debit amount plus fee and appear in the history.</summary>
public sealed class WithdrawalTests
{
    [Fact]
    public async Task Requested_withdrawal_answers_success_and_debits_amount_plus_fee()
    {
        await using var server = await SandboxApi.StartAsync();
        using var api = new SandboxApi(server);
        var (email, token) = await api.SignUpAsync("saver");

        using var response = await api.BearerAsync(HttpMethod.Post, "v2/user/request-withdrawal", token,
            "{\"currency\":\"btc\",\"amount\":0.5,\"address\":\"bc1qexample\",\"network\":\"btc\"}");

        var json = await SandboxApi.ReadJsonAsync(response, expectSuccess: true);
        var withdrawals = server.Exchange.WithdrawalsOf(email);
        Assert.Equal("Success", json.GetProperty("message").GetString());
        Assert.Equal(2m - 0.5m - 0.0002m, server.Exchange.BalancesOf(email).Single(b => b.Coin == "btc").Balance);
        Assert.Equal((0.5m, 0.0002m, "bc1qexample"), (withdrawals[0].Amount, withdrawals[0].Fee, withdrawals[0].Address));
    }

    [Fact]
    public async Task Completed_withdrawal_cannot_be_canceled()
    {
        await using var server = await SandboxApi.StartAsync();
        using var api = new SandboxApi(server);
        var (email, token) = await api.SignUpAsync("regretful");
        using var request = await api.BearerAsync(HttpMethod.Post, "v2/user/request-withdrawal", token,
            "{\"currency\":\"usdt\",\"amount\":50,\"address\":\"0xabc\"}");
        var id = server.Exchange.WithdrawalsOf(email)[0].Id;

        using var response = await api.BearerAsync(HttpMethod.Delete, $"v2/user/withdrawal?id={id}", token);

        await Refusal.AssertAsync(response, HttpStatusCode.BadRequest, "already processed");
    }

    [Fact]
    public async Task Withdrawal_request_needs_otp_when_2fa_is_on()
    {
        await using var server = await SandboxApi.StartAsync();
        using var api = new SandboxApi(server);
        var token = await api.LoginDemoAsync();

        using var response = await api.BearerAsync(HttpMethod.Post, "v2/user/request-withdrawal", token,
            "{\"currency\":\"usdt\",\"amount\":10,\"address\":\"0xabc\"}");

        await Refusal.AssertAsync(response, HttpStatusCode.BadRequest, "Invalid OTP Code");
    }

    [Fact]
    public async Task Withdrawal_beyond_balance_is_refused()
    {
        await using var server = await SandboxApi.StartAsync();
        using var api = new SandboxApi(server);
        var (_, token) = await api.SignUpAsync("spender");

        using var response = await api.BearerAsync(HttpMethod.Post, "v2/user/request-withdrawal", token,
            "{\"currency\":\"btc\",\"amount\":3,\"address\":\"bc1qexample\"}");

        await Refusal.AssertAsync(response, HttpStatusCode.BadRequest, "Insufficient balance");
    }

    [Fact]
    public async Task Key_with_can_withdraw_withdraws_directly()
    {
        await using var server = await SandboxApi.StartAsync();
        using var api = new SandboxApi(server);
        var token = await api.LoginDemoAsync();
        var (key, secret, _) = await KeyFlow.CreateKeyAsync(api, token, "withdrawer",
            "\"permissions\":{\"can_read\":true,\"can_trade\":false,\"can_withdraw\":true}");

        using var response = await api.SignedAsync(HttpMethod.Post, "v2/user/withdrawal", key, secret,
            "{\"currency\":\"usdt\",\"amount\":10,\"address\":\"0xabc\"}");

        var json = await SandboxApi.ReadJsonAsync(response, expectSuccess: true);
        JsonShape.AssertFields(json, "message:string,id:number,transaction_id:string,amount:number,currency:string,fee:number,fee_coin:string");
    }
}
