using AllexPortal.Exchange.Security;
using AllexPortal.Sandbox;
using AllexPortal.Web.Connections;
using AllexPortal.Web.Data;
using AllexPortal.Web.Exchange;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AllexPortal.Web.Demo;

/// <summary>
/// At start in demo mode, makes sure the demo account exists with its connection to the sandbox's demo user
/// (read and trade, as the sandbox seeds that key). Runs after the migrator; the credentials are sealed again
/// on every start, so a replaced key ring or changed sandbox options never leave the demo unreadable.
/// </summary>
internal sealed class DemoAccountSeeder(
    IServiceScopeFactory scopes,
    IDbContextFactory<PortalDb> databases,
    CredentialVault vault,
    SandboxExchange sandbox,
    IOptions<PortalExchangeOptions> exchange,
    TimeProvider time,
    ILogger<DemoAccountSeeder> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var userId = await EnsureUserAsync();
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var connection = await db.Connections.FirstOrDefaultAsync(c => c.OwnerId == userId && c.IsDemo, cancellationToken);
        var now = time.GetUtcNow();
        if (connection is null)
        {
            connection = new ExchangeConnection
            {
                Id = Guid.NewGuid(),
                OwnerId = userId,
                Label = DemoAccount.ConnectionLabel,
                BaseUrl = exchange.Value.SandboxPrefix,
                IsDemo = true,
                ApiKeyHint = "",
                ProtectedApiKey = "",
                ProtectedApiSecret = "",
                CreatedAt = now,
            };
            db.Connections.Add(connection);
        }

        var demo = sandbox.Options.Demo;
        vault.Seal(connection, new ApiKeyCredentials(demo.ApiKey, demo.ApiSecret));
        connection.CanRead = true;
        connection.CanTrade = true;
        connection.CanWithdraw = false;
        connection.CheckedAt ??= now;
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Demo mode: \"Try the demo\" signs in as {Email}", DemoAccount.Email);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task<string> EnsureUserAsync()
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        if (await users.FindByEmailAsync(DemoAccount.Email) is { } existing)
        {
            return existing.Id;
        }

        var user = new PortalUser { UserName = DemoAccount.Email, Email = DemoAccount.Email, EmailConfirmed = true };
        var created = await users.CreateAsync(user);
        return created.Succeeded
            ? user.Id
            : throw new InvalidOperationException("The demo account could not be created: " + string.Join(" ", created.Errors.Select(e => e.Description)));
    }
}
