using System.Security.Claims;
using AllexPortal.Web.Access;
using AllexPortal.Web.Components.Pages.Connections;
using AllexPortal.Web.Teams;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace AllexPortal.Web.Tests.Connections;

/// <summary>The connections page rendered with bUnit over the real connection service (sandbox over HTTP, real SQLite).</summary>
public sealed class ConnectionsPageTests : BunitContext, IClassFixture<SandboxPortal>
{
    private readonly SandboxPortal portal;
    private readonly AsyncServiceScope scope;

    public ConnectionsPageTests(SandboxPortal portal)
    {
        this.portal = portal;
        scope = portal.Services.CreateAsyncScope();
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddSingleton(portal.Connections(scope));
        Services.AddSingleton(scope.ServiceProvider.GetRequiredService<PortalAccess>());
        Services.AddSingleton(scope.ServiceProvider.GetRequiredService<WorkspaceService>());
        Services.AddSingleton(scope.ServiceProvider.GetRequiredService<CurrentWorkspace>());
    }

    [Fact]
    public async Task Saving_a_connection_that_is_no_longer_the_users_says_it_was_not_found()
    {
        var userId = await portal.NewUserAsync();
        var connection = await portal.Connections(scope).AddAsync(userId, "Gone soon", portal.ExchangeUrl.AbsoluteUri,
            portal.DemoKey.ApiKey, portal.DemoKey.ApiSecret, cancellationToken: Xunit.TestContext.Current.CancellationToken);
        var authorization = AddAuthorization();
        authorization.SetAuthorized("someone@example.com");
        authorization.SetClaims(new Claim(ClaimTypes.NameIdentifier, userId));
        Render<MudPopoverProvider>();
        var page = Render<Components.Pages.Connections.Connections>();
        page.WaitForElement("[data-testid=connection-rename]").Click();
        await portal.Connections(scope).DeleteAsync(userId, connection.Id, Xunit.TestContext.Current.CancellationToken);

        page.Find("[data-testid=edit-save]").Click();

        page.WaitForAssertion(() =>
            Assert.Contains("was not found", page.Find("[data-testid=connections-notice]").TextContent, StringComparison.Ordinal));
        Assert.NotEmpty(page.FindAll("[data-testid=connections-empty]"));
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await scope.DisposeAsync();
        await base.DisposeAsyncCore();
    }
}
