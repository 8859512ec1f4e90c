using AllexPortal.Exchange.Security;
using AllexPortal.Sandbox;
using AllexPortal.Web.Data;
using AllexPortal.Web.Teams;
using AllexPortal.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AllexPortal.Web.Tests.Teams;

/// <summary>
/// The portal in demo mode on a real loopback port (real SQLite, the embedded sandbox over HTTP), with helpers that
/// build teams through the real <see cref="WorkspaceService"/>: a keyholder who creates the team and shares a
/// trading sandbox connection in it, and one member per role. Background sync and snapshots are off, so every
/// exchange call a test sees is one it caused.
/// </summary>
public sealed class TeamsPortal : ListeningPortal
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Ledger:SyncInterval"] = "00:00:00",
        ["Ledger:DiscoveryInterval"] = "00:00:00",
        ["Portfolio:SnapshotInterval"] = "00:00:00",
    };

    public SandboxExchange Sandbox => Services.GetRequiredService<SandboxExchange>();

    /// <summary>A portal user with a password (so they can sign in over HTTP); their id and e-mail.</summary>
    public async Task<TeamUser> NewPersonAsync(string name = "user")
    {
        var email = $"{name}-{Guid.NewGuid():N}@example.com";
        await using var scope = Services.CreateAsyncScope();
        var user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true };
        var created = await scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>().CreateAsync(user, PortalClient.StrongPassword);
        return created.Succeeded ? new TeamUser(user.Id, email) : throw new InvalidOperationException(string.Join(" ", created.Errors.Select(e => e.Description)));
    }

    /// <summary>A connection of <paramref name="ownerId"/> to the sandbox's demo user, in their personal workspace.</summary>
    public Task<Guid> NewConnectionAsync(string ownerId, string label = "Sandbox demo", bool canTrade = true) =>
        AddSandboxConnectionAsync(ownerId, label, new ApiKeyCredentials(Sandbox.Options.Demo.ApiKey, Sandbox.Options.Demo.ApiSecret),
            canTrade, TestContext.Current.CancellationToken);

    /// <summary>
    /// A team created by a keyholder (its first Owner) who moved a trading sandbox connection into it, with one member
    /// for each of <paramref name="roles"/>, added as invitations will add them.
    /// </summary>
    public async Task<Team> TeamAsync(string name, params WorkspaceRole[] roles)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var keyholder = await NewPersonAsync("keyholder");
        await using var scope = Services.CreateAsyncScope();
        var teams = scope.ServiceProvider.GetRequiredService<WorkspaceService>();
        var team = await teams.CreateTeamAsync(keyholder.Id, name, cancellationToken);
        var connection = await NewConnectionAsync(keyholder.Id, $"{name} account");
        await teams.MoveConnectionAsync(keyholder.Id, connection, team.Id, cancellationToken);
        var members = new List<(WorkspaceRole Role, TeamUser User)>();
        foreach (var role in roles)
        {
            var member = await NewPersonAsync(role.ToString().ToLowerInvariant());
            await teams.AddMemberAsync(team.Id!.Value, member.Id, role, keyholder.Id, cancellationToken);
            members.Add((role, member));
        }

        return new Team(team.Id!.Value, keyholder, connection, members);
    }

    /// <summary>A service as a page's circuit would get it, from a scope the caller disposes.</summary>
    public T Get<T>(AsyncServiceScope scope)
        where T : notnull => scope.ServiceProvider.GetRequiredService<T>();

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
}
