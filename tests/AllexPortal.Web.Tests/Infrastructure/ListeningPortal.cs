using System.Net;
using AllexPortal.Exchange.Security;
using AllexPortal.Web.Connections;
using AllexPortal.Web.Data;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AllexPortal.Web.Tests.Infrastructure;

/// <summary>
/// The portal on a real loopback port chosen by the OS, so HTTP from the portal's exchange client to the
/// embedded sandbox (and from test clients to the portal) leaves the process and comes back.
/// </summary>
public class ListeningPortal : PortalFactory, IAsyncLifetime
{
    /// <summary>Where the portal listens, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri Address { get; private set; } = null!;

    public ValueTask InitializeAsync()
    {
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        StartServer();
        Address = new Uri(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// Stores a connection of <paramref name="userId"/> to the embedded sandbox with <paramref name="credentials"/>
    /// sealed by the portal's vault, straight into the database: the stored permissions are whatever the test says
    /// (the connection service would check the key against the exchange first).
    /// </summary>
    public async Task<Guid> AddSandboxConnectionAsync(
        string userId, string label, ApiKeyCredentials credentials, bool canTrade, CancellationToken cancellationToken)
    {
        var connection = new ExchangeConnection
        {
            Id = Guid.NewGuid(),
            OwnerId = userId,
            Label = label,
            BaseUrl = "/sandbox",
            IsDemo = true,
            ApiKeyHint = "",
            ProtectedApiKey = "",
            ProtectedApiSecret = "",
            CanRead = true,
            CanTrade = canTrade,
            CreatedAt = DateTimeOffset.UtcNow,
        };
        Services.GetRequiredService<CredentialVault>().Seal(connection, credentials);
        await using var db = await Services.GetRequiredService<IDbContextFactory<PortalDb>>().CreateDbContextAsync(cancellationToken);
        db.Connections.Add(connection);
        await db.SaveChangesAsync(cancellationToken);
        return connection.Id;
    }

    /// <summary>A cookie-keeping client that does not follow redirects, talking to the listening port.</summary>
    public PortalClient CreateListeningClient()
    {
#pragma warning disable CA2000 // the HttpClient owns and disposes the handler
        var handler = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() };
#pragma warning restore CA2000
        return new PortalClient(new HttpClient(handler, disposeHandler: true) { BaseAddress = Address });
    }
}
