using AllexPortal.Sandbox.Tests.Infrastructure;

namespace AllexPortal.Sandbox.Tests.Wallet;

/// <summary>Deposits that the exchange lists before it credits them, for syncs that must re-read pending transfers.</summary>
public sealed class PendingDepositTests
{
    [Fact]
    public async Task Pending_deposit_is_listed_as_not_completed_and_not_credited()
    {
        await using var server = await SandboxApi.StartAsync();
        using var api = new SandboxApi(server);
        var (email, token) = await api.SignUpAsync("waiting");

        var id = server.Exchange.DepositPending(email, "sol", 3m);

        using var deposits = await api.BearerAsync(HttpMethod.Get, "v2/user/deposits?currency=sol&status=false", token);
        using var balance = await api.BearerAsync(HttpMethod.Get, "v2/user/balance", token);
        var listed = (await SandboxApi.ReadJsonAsync(deposits, expectSuccess: true)).GetProperty("data")[0];
        Assert.Equal(id, listed.GetProperty("id").GetInt32());
        Assert.False(listed.GetProperty("status").GetBoolean());
        Assert.Equal(200m, (await SandboxApi.ReadJsonAsync(balance, expectSuccess: true)).GetProperty("sol_available").GetDecimal());
    }

    [Fact]
    public async Task Completed_deposit_is_credited_and_keeps_its_id()
    {
        await using var server = await SandboxApi.StartAsync();
        using var api = new SandboxApi(server);
        var (email, token) = await api.SignUpAsync("settled");
        var id = server.Exchange.DepositPending(email, "sol", 3m);

        server.Exchange.CompleteDeposit(email, id);

        using var deposits = await api.BearerAsync(HttpMethod.Get, "v2/user/deposits?currency=sol&status=true&order=desc", token);
        using var balance = await api.BearerAsync(HttpMethod.Get, "v2/user/balance", token);
        var listed = (await SandboxApi.ReadJsonAsync(deposits, expectSuccess: true)).GetProperty("data")[0];
        Assert.Equal(id, listed.GetProperty("id").GetInt32());
        Assert.True(listed.GetProperty("status").GetBoolean());
        Assert.Equal(203m, (await SandboxApi.ReadJsonAsync(balance, expectSuccess: true)).GetProperty("sol_available").GetDecimal());
    }
}
