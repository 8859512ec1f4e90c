using AllexPortal.Web.Audit;
using AllexPortal.Web.Data;
using AllexPortal.Web.Email;
using AllexPortal.Web.Teams;
using AllexPortal.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AllexPortal.Web.Tests.Invitations;

/// <summary>
/// The teams portal on a real loopback port with a clock the tests move (invitations expire, audit entries are filtered by
/// time), and the steps the team tests repeat: people with e-mail addresses, a team with an Owner, members by role.
/// </summary>
public class TimedTeamsPortal : ListeningPortal
{
    /// <summary>Starts on a whole second, as the database stores times exactly.</summary>
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));

    /// <summary>No background sync or snapshots: connections in these tests are never read from the exchange.</summary>
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Ledger:SyncInterval"] = "00:00:00",
        ["Ledger:DiscoveryInterval"] = "00:00:00",
        ["Portfolio:SnapshotInterval"] = "00:00:00",
    };

    /// <summary>The address invitation links start with.</summary>
    public static Uri LinkBase { get; } = new("http://portal.example/");

    /// <summary>Mail the portal produced.</summary>
    public EmailOutbox Outbox => Services.GetRequiredService<EmailOutbox>();

    /// <summary>A new portal user; returns their id and e-mail.</summary>
    public async Task<(string Id, string Email)> NewPersonAsync()
    {
        var id = await NewUserAsync();
        await using var db = await CreateDbAsync();
        var email = await db.Users.Where(u => u.Id == id).Select(u => u.Email!).SingleAsync(TestContext.Current.CancellationToken);
        return (id, email);
    }

    /// <summary>A new team created by a new user, its first Owner.</summary>
    public async Task<(Guid TeamId, string OwnerId)> NewTeamAsync(string name = "Fund")
    {
        var owner = await NewUserAsync();
        await using var scope = Services.CreateAsyncScope();
        var team = await scope.ServiceProvider.GetRequiredService<WorkspaceService>()
            .CreateTeamAsync(owner, name, TestContext.Current.CancellationToken);
        return (team.Id!.Value, owner);
    }

    /// <summary>Adds a new user to <paramref name="teamId"/> with <paramref name="role"/>, granted by <paramref name="ownerId"/>.</summary>
    public async Task<(string Id, string Email)> NewMemberAsync(Guid teamId, string ownerId, WorkspaceRole role)
    {
        var member = await NewPersonAsync();
        await using var scope = Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<WorkspaceService>()
            .AddMemberAsync(teamId, member.Id, role, ownerId, TestContext.Current.CancellationToken);
        return member;
    }

    /// <summary>The team's members and their roles, straight from the database.</summary>
    public async Task<Dictionary<string, WorkspaceRole>> MembersOfAsync(Guid teamId)
    {
        await using var db = await CreateDbAsync();
        return await db.WorkspaceMembers.Where(m => m.WorkspaceId == teamId)
            .ToDictionaryAsync(m => m.UserId, m => m.Role, TestContext.Current.CancellationToken);
    }

    /// <summary>Audit entries of <paramref name="action"/>, oldest first, straight from the database.</summary>
    public async Task<List<AuditEntry>> AuditOfAsync(AuditAction action)
    {
        await using var db = await CreateDbAsync();
        return await db.AuditEntries.Where(e => e.Action == action).OrderBy(e => e.Id).ToListAsync(TestContext.Current.CancellationToken);
    }

    public async Task<PortalDb> CreateDbAsync() =>
        await Services.GetRequiredService<IDbContextFactory<PortalDb>>().CreateDbContextAsync(TestContext.Current.CancellationToken);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}
