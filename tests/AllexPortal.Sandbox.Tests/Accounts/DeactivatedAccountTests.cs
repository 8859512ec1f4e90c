using System.Net;
using AllexPortal.Sandbox.Tests.Infrastructure;

namespace AllexPortal.Sandbox.Tests.Accounts;

/// <summary>An account deactivated by the operators cannot log in, even with the right password.</summary>
public sealed class DeactivatedAccountTests
{
    [Fact]
    public async Task Deactivated_account_is_refused_at_login_with_its_own_message()
    {
        await using var server = await SandboxApi.StartAsync();
        using var api = new SandboxApi(server);
        var (email, _) = await api.SignUpAsync("suspended");
        server.Exchange.SetDeactivated(email);

        using var response = await api.PostJsonAsync("v2/login", $"{{\"email\":\"{email}\",\"password\":\"Passw0rd-suspended\"}}");

        await Refusal.AssertAsync(response, HttpStatusCode.BadRequest, "deactivated");
    }

    [Fact]
    public async Task Reactivated_account_logs_in_again()
    {
        await using var server = await SandboxApi.StartAsync();
        using var api = new SandboxApi(server);
        var (email, _) = await api.SignUpAsync("returning");
        server.Exchange.SetDeactivated(email);
        server.Exchange.SetDeactivated(email, deactivated: false);

        var token = await api.LoginAsync(email, "Passw0rd-returning");

        Assert.NotEmpty(token);
    }
}
