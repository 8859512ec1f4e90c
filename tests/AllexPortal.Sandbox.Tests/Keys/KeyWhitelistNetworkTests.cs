using System.Net;
using AllexPortal.Sandbox.Tests.Infrastructure;

namespace AllexPortal.Sandbox.Tests.Keys;

/// <summary>Whitelist entries in CIDR form admit callers inside the network and refuse the others.</summary>
public sealed class KeyWhitelistNetworkTests(DemoSandboxFixture fixture) : IClassFixture<DemoSandboxFixture>
{
    [Theory]
    [InlineData("203.0.113.0/24", "203.0.113.77", HttpStatusCode.OK)]
    [InlineData("203.0.113.0/24", "203.0.114.1", HttpStatusCode.Unauthorized)]
    [InlineData("2001:db8::/32", "2001:db8:1::5", HttpStatusCode.OK)]
    [InlineData("2001:db8::/32", "2001:db9::5", HttpStatusCode.Unauthorized)]
    public async Task Whitelisted_network_admits_only_callers_inside_it(string network, string callerIp, HttpStatusCode expected)
    {
        using var api = new SandboxApi(fixture.Server);
        var token = await api.LoginDemoAsync();
        var (key, secret, _) = await KeyFlow.CreateKeyAsync(
            api, token, $"net {network}", $"\"whitelisted_ips\":[\"{network}\"],\"whitelisting_enabled\":true");

        using var response = await api.SignedAsync(HttpMethod.Get, "v2/user/balance", key, secret,
            adjust: request => request.Headers.Add("x-real-ip", callerIp));

        Assert.Equal(expected, response.StatusCode);
    }
}
