using System.Net;
using System.Reflection;
using AllexPortal.Web.Audit;
using AllexPortal.Web.Teams;
using AllexPortal.Web.Teams.Invitations;
using AllexPortal.Web.Tests.Invitations;
using Microsoft.Extensions.DependencyInjection;

namespace AllexPortal.Web.Tests.Audit;

/// <summary>The audit log is append-only: no code path updates or deletes an entry.</summary>
public sealed class AppendOnlyAuditTests(RecordingTeamsPortal portal) : IClassFixture<RecordingTeamsPortal>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public void The_audit_log_offers_no_method_but_appending()
    {
        var methods = typeof(AuditLog)
            .GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
            .Where(m => !m.IsSpecialName && m.GetCustomAttribute<System.Runtime.CompilerServices.CompilerGeneratedAttribute>() is null)
            .Select(m => m.Name)
            .ToHashSet();

        Assert.Equal(["RecordAsync"], typeof(AuditLog).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).Select(m => m.Name));
        Assert.DoesNotContain(methods, name =>
            name.Contains("Update", StringComparison.OrdinalIgnoreCase) || name.Contains("Delete", StringComparison.OrdinalIgnoreCase)
            || name.Contains("Remove", StringComparison.OrdinalIgnoreCase) || name.Contains("Clear", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Only_the_audit_log_and_its_reader_name_the_audit_table_in_the_portals_code()
    {
        var source = Path.Combine(RepositoryRoot(), "src", "AllexPortal.Web");

        var naming = Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories)
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                           && !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(file => File.ReadAllText(file).Contains(".AuditEntries", StringComparison.Ordinal))
            .Select(file => Path.GetRelativePath(source, file).Replace(Path.DirectorySeparatorChar, '/'))
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.Equal(["Audit/AuditLog.cs", "Audit/AuditReader.cs"], naming);
    }

    [Fact]
    public async Task A_full_round_of_audited_work_only_ever_inserts_into_the_audit_table()
    {
        var (team, owner) = await portal.NewTeamAsync();
        var invitee = await portal.NewPersonAsync();
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var invitations = scope.ServiceProvider.GetRequiredService<TeamInvitations>();
            await invitations.InviteAsync(owner, team, invitee.Email, WorkspaceRole.Viewer, TimedTeamsPortal.LinkBase, cancellationToken: Token);
            await invitations.AcceptAsync(invitee.Id, new Uri(portal.Outbox.LatestTo(invitee.Email)!.Link).Segments[^1], Token);
            await Assert.ThrowsAsync<Web.Access.AccessDeniedException>(() =>
                scope.ServiceProvider.GetRequiredService<AuditReader>().ReadAsync(invitee.Id, team, new AuditQuery(), Token));
            await scope.ServiceProvider.GetRequiredService<WorkspaceService>().ChangeRoleAsync(owner, team, invitee.Id, WorkspaceRole.Trader, Token);
            await scope.ServiceProvider.GetRequiredService<AuditReader>().ReadAsync(owner, team, new AuditQuery { Text = "viewer" }, Token);
        }

        using var client = portal.CreateListeningClient();
        using (var signedIn = await client.SignInAsync(invitee.Email))
        {
            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        }

        using (await client.SignOutAsync())
        {
        }

        // Schema commands from the start-up migration are not data changes; every other write must be an insert.
        var verbs = portal.Recorder.Commands.Select(sql => sql.TrimStart().Split(' ', 2)[0].ToUpperInvariant()).ToList();
        Assert.DoesNotContain("UPDATE", verbs);
        Assert.DoesNotContain("DELETE", verbs);
        Assert.DoesNotContain("REPLACE", verbs);
        Assert.True(verbs.Count(verb => verb == "INSERT") >= 7, $"Expected the round to append entries; saw {string.Join(", ", verbs)}.");
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "AllexPortal.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("AllexPortal.sln not found above the test folder.");
    }
}
