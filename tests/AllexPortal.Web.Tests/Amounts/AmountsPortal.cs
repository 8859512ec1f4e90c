using AllexPortal.Web.Data;
using AllexPortal.Web.Teams;
using AllexPortal.Web.Tests.Infrastructure;
using AllexPortal.Web.Tests.Portfolio;
using AllexPortal.Web.Tests.Teams;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AllexPortal.Web.Tests.Amounts;

/// <summary>
/// The dashboard portal (demo mode, real loopback port, the embedded sandbox over HTTP) on a clock that stands still,
/// so the sandbox's balances and prices are the same for the test's own valuation and for the page's: a team whose
/// keyholder shares a sandbox connection, with a Viewer and a Viewer without amounts, built through the real
/// <see cref="WorkspaceService"/>. Background sync is off, so ledger rows are the ones a test adds.
/// </summary>
public sealed class AmountsPortal : DashboardPortal
{
    private readonly FakeTimeProvider clock = new(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));

    protected override FakeTimeProvider? Clock => clock;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Ledger:SyncInterval"] = "00:00:00",
        ["Ledger:DiscoveryInterval"] = "00:00:00",
    };

    /// <summary>A team named <paramref name="name"/> sharing one sandbox connection, with a Viewer and a Viewer without amounts.</summary>
    public async Task<Team> TeamAsync(string name = "Strategy club")
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var keyholder = await PersonAsync("keyholder");
        await using var scope = Services.CreateAsyncScope();
        var teams = scope.ServiceProvider.GetRequiredService<WorkspaceService>();
        var team = await teams.CreateTeamAsync(keyholder.Id, name, cancellationToken);
        var connection = await AddDemoConnectionAsync(keyholder.Id, $"{name} account", cancellationToken);
        await teams.MoveConnectionAsync(keyholder.Id, connection, team.Id, cancellationToken);
        var members = new List<(WorkspaceRole Role, TeamUser User)>();
        foreach (var role in new[] { WorkspaceRole.Viewer, WorkspaceRole.ViewerWithoutAmounts })
        {
            var member = await PersonAsync(role.ToString().ToLowerInvariant());
            await teams.AddMemberAsync(team.Id!.Value, member.Id, role, keyholder.Id, cancellationToken);
            members.Add((role, member));
        }

        return new Team(team.Id!.Value, keyholder, connection, members);
    }

    public async Task<PortalDb> DbAsync() =>
        await Services.GetRequiredService<IDbContextFactory<PortalDb>>().CreateDbContextAsync(TestContext.Current.CancellationToken);

    /// <summary>A cookie-keeping client on the listening port, signed in as <paramref name="user"/>.</summary>
    public async Task<PortalClient> SignedInAsync(TeamUser user)
    {
        var client = CreateListeningClient();
        using var response = await client.SignInAsync(user.Email);
        if (response.StatusCode != System.Net.HttpStatusCode.Redirect)
        {
            client.Dispose();
            throw new InvalidOperationException($"Signing in {user.Email} answered {(int)response.StatusCode}.");
        }

        return client;
    }

    private async Task<TeamUser> PersonAsync(string name)
    {
        var email = $"{name}-{Guid.NewGuid():N}@example.com";
        await using var scope = Services.CreateAsyncScope();
        var user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true };
        var created = await scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>().CreateAsync(user, PortalClient.StrongPassword);
        return created.Succeeded ? new TeamUser(user.Id, email) : throw new InvalidOperationException(string.Join(" ", created.Errors.Select(e => e.Description)));
    }
}
