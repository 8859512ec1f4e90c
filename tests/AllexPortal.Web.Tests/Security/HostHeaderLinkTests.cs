using System.Net;
using AllexPortal.Web.Email;
using AllexPortal.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace AllexPortal.Web.Tests.Security;

/// <summary>
/// Host-header poisoning: links the portal mails (password reset, e-mail confirmation) start with
/// <c>Portal:PublicBaseUrl</c>, or without it the listening address — never with the Host header a request claims.
/// With the setting, requests for other hosts are refused, and a production portal on a real exchange does not start
/// without it.
/// </summary>
public sealed class HostHeaderLinkTests(HostHeaderLinkTests.PublicPortal portal) : IClassFixture<HostHeaderLinkTests.PublicPortal>
{
    private const string PublicBase = "https://portal.example.com/";

    [Fact]
    public async Task Reset_link_uses_the_public_address_not_the_host_the_request_names()
    {
        var email = $"reset-{Guid.NewGuid():N}@example.com";
        await RegisterAsync(portal, email);
        using var client = portal.CreateListeningClient();
        client.Http.DefaultRequestHeaders.Host = "localhost"; // allowed (the container's health check uses it), yet not public

        using var requested = await client.SubmitFormAsync("/Account/ForgotPassword", "forgot-password",
            new Dictionary<string, string> { ["Input.Email"] = email });

        var link = portal.Services.GetRequiredService<EmailOutbox>().LatestTo(email)!.Link;
        Assert.StartsWith(PublicBase + "Account/ResetPassword?", link, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Confirmation_link_uses_the_public_address()
    {
        var email = $"confirm-{Guid.NewGuid():N}@example.com";

        await RegisterAsync(portal, email);

        var link = portal.Services.GetRequiredService<EmailOutbox>().LatestTo(email)!.Link;
        Assert.StartsWith(PublicBase + "Account/ConfirmEmail?", link, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_a_public_address_requests_for_another_host_are_refused()
    {
        using var client = portal.CreateListeningClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/Account/Login", UriKind.Relative));
        request.Headers.Host = "evil.example";

        using var response = await client.Http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Without_a_public_address_a_forged_host_still_does_not_reach_the_reset_link()
    {
        await using var development = new ListeningPortal();
        await development.InitializeAsync();
        var email = $"forged-{Guid.NewGuid():N}@example.com";
        await RegisterAsync(development, email);
        using var client = development.CreateListeningClient();
        client.Http.DefaultRequestHeaders.Host = "evil.example";

        using var requested = await client.SubmitFormAsync("/Account/ForgotPassword", "forgot-password",
            new Dictionary<string, string> { ["Input.Email"] = email });

        var link = new Uri(development.Services.GetRequiredService<EmailOutbox>().LatestTo(email)!.Link);
        Assert.Equal("/Account/ResetPassword", link.AbsolutePath);
        Assert.Equal(development.Address.Authority, link.Authority);
    }

    [Fact]
    public void A_production_portal_on_a_real_exchange_refuses_to_start_without_a_public_address()
    {
        using var production = new ProductionExchangePortal();

        var error = Record.Exception(() => production.Services);

        Assert.NotNull(error);
        var messages = string.Join(" | ", Chain(error));
        Assert.Contains("Portal:PublicBaseUrl", messages, StringComparison.Ordinal);
    }

    /// <summary>Registers through <paramref name="target"/>'s port, naming the public host when it has one.</summary>
    private static async Task RegisterAsync(ListeningPortal target, string email)
    {
        using var client = target.CreateListeningClient();
        if (target is PublicPortal)
        {
            client.Http.DefaultRequestHeaders.Host = new Uri(PublicBase).Host;
        }

        using var response = await client.RegisterAsync(email);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private static IEnumerable<string> Chain(Exception? error)
    {
        for (; error is not null; error = error.InnerException)
        {
            yield return error.Message;
        }
    }

    /// <summary>A portal with <c>Portal:PublicBaseUrl</c> set.</summary>
    public sealed class PublicPortal : ListeningPortal
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Portal:PublicBaseUrl"] = PublicBase,
        };
    }

    /// <summary>Production with a real exchange and no public address.</summary>
    private sealed class ProductionExchangePortal : PortalFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Exchange:BaseUrl"] = "https://api.allex.online",
        };

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Production");
        }
    }
}
