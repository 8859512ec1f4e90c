using System.Net;
using AllexPortal.Web.Data;
using AllexPortal.Web.Demo;
using AllexPortal.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace AllexPortal.Web.Tests.Demo;

/// <summary>With a real exchange configured there is no demo: no button, no demo sign-in, no demo account.</summary>
public sealed class ConfiguredExchangeTests(ConfiguredExchangeTests.AllexPortalFactory portal) : IClassFixture<ConfiguredExchangeTests.AllexPortalFactory>
{
    [Fact]
    public async Task The_login_page_has_no_demo_button()
    {
        using var client = portal.CreatePortalClient();

        using var login = await client.GetAsync("/Account/Login");
        var html = await login.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Contains("login-form", html, StringComparison.Ordinal);
        Assert.DoesNotContain("try-demo", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_demo_account_is_created()
    {
        await using var scope = portal.Services.CreateAsyncScope();

        var demo = await scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>().FindByEmailAsync(DemoAccount.Email);

        Assert.Null(demo);
    }

    /// <summary>The portal pointed at ALLEX (no call is made in these tests).</summary>
    public sealed class AllexPortalFactory : PortalFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Exchange:BaseUrl"] = "https://api.allex.online",
        };
    }
}
