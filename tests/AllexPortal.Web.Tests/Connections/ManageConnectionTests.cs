using AllexPortal.Exchange.Security;
using AllexPortal.Web.Audit;
using AllexPortal.Web.Connections;
using AllexPortal.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AllexPortal.Web.Tests.Connections;

/// <summary>Rotating, renaming and deleting a connection, and the rule that a user only ever reaches their own.</summary>
public sealed class ManageConnectionTests(SandboxPortal portal) : IClassFixture<SandboxPortal>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public static TheoryData<string> Methods => ["OpenClient", "RecordOutcome", "Rotate", "Rename", "Delete"];

    [Fact]
    public async Task Rotating_replaces_the_key_after_checking_it()
    {
        var (userId, connection) = await AddDemoAsync();
        var readOnly = await portal.KeyWithAsync(new ApiKeyPermissionsBody(true, false, false), Token);
        await using var scope = portal.Services.CreateAsyncScope();
        var service = portal.Connections(scope);

        var rotated = await service.RotateAsync(userId, connection.Id, readOnly.ApiKey, readOnly.ApiSecret, cancellationToken: Token);
        var client = await service.OpenClientAsync(userId, connection.Id, Token);

        Assert.Equal(readOnly.ApiKey[^4..], rotated.ApiKeyHint);
        Assert.False(rotated.CanTrade);
        Assert.NotEmpty((await client.User.GetBalanceAsync(Token)).Coins);
    }

    [Fact]
    public async Task Rotating_to_a_wrong_secret_is_refused_and_keeps_the_old_key()
    {
        var (userId, connection) = await AddDemoAsync();
        await using var scope = portal.Services.CreateAsyncScope();
        var service = portal.Connections(scope);

        await Assert.ThrowsAsync<ConnectionRefusedException>(() =>
            service.RotateAsync(userId, connection.Id, portal.DemoKey.ApiKey, "0000000000000000000000000000000000000000000000000", cancellationToken: Token));
        var client = await service.OpenClientAsync(userId, connection.Id, Token);

        Assert.NotEmpty((await client.User.GetBalanceAsync(Token)).Coins);
    }

    [Fact]
    public async Task Renaming_changes_only_the_label()
    {
        var (userId, connection) = await AddDemoAsync();
        await using var scope = portal.Services.CreateAsyncScope();

        var renamed = await portal.Connections(scope).RenameAsync(userId, connection.Id, " Savings ", Token);

        Assert.Equal("Savings", renamed.Label);
        Assert.Equal(connection with { Label = "Savings" }, renamed);
    }

    [Fact]
    public async Task Deleting_removes_the_connection()
    {
        var (userId, connection) = await AddDemoAsync();
        await using var scope = portal.Services.CreateAsyncScope();
        var service = portal.Connections(scope);

        await service.DeleteAsync(userId, connection.Id, Token);

        Assert.Empty(await service.ListAsync(userId, Token));
        await Assert.ThrowsAsync<ConnectionNotFoundException>(() => service.OpenClientAsync(userId, connection.Id, Token));
    }

    [Fact]
    public async Task Adding_renaming_rotating_and_deleting_are_audited_with_the_key_hint_and_never_the_secret()
    {
        var (userId, connection) = await AddDemoAsync();
        var readOnly = await portal.KeyWithAsync(new ApiKeyPermissionsBody(true, false, false), Token);
        await using var scope = portal.Services.CreateAsyncScope();
        var service = portal.Connections(scope);

        await service.RenameAsync(userId, connection.Id, "Savings", Token);
        await service.RotateAsync(userId, connection.Id, readOnly.ApiKey, readOnly.ApiSecret, cancellationToken: Token);
        await service.DeleteAsync(userId, connection.Id, Token);

        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDb>>().CreateDbContextAsync(Token);
        var entries = await db.AuditEntries.AsNoTracking().Where(e => e.ActorUserId == userId).OrderBy(e => e.Id).ToListAsync(Token);
        Assert.Equal(
            [AuditAction.ConnectionAdded, AuditAction.ConnectionChanged, AuditAction.ConnectionChanged, AuditAction.ConnectionRemoved],
            entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Contains(connection.Id.ToString(), e.Subject, StringComparison.Ordinal));
        Assert.Contains("renamed from \"Main\"", entries[1].Detail, StringComparison.Ordinal);
        Assert.Contains("…" + readOnly.ApiKey[^4..], entries[2].Detail, StringComparison.Ordinal);
        var text = string.Join('\n', entries.Select(e => $"{e.Subject} {e.Detail}"));
        Assert.DoesNotContain(portal.DemoKey.ApiSecret, text, StringComparison.Ordinal);
        Assert.DoesNotContain(readOnly.ApiSecret, text, StringComparison.Ordinal);
        Assert.DoesNotContain(readOnly.ApiKey, text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public async Task Another_users_connection_id_is_answered_as_not_found(string method)
    {
        var (ownerId, connection) = await AddDemoAsync();
        var strangerId = await portal.NewUserAsync();
        await using var scope = portal.Services.CreateAsyncScope();
        var service = portal.Connections(scope);
        var key = portal.DemoKey;

        Func<Task> call = method switch
        {
            "OpenClient" => () => service.OpenClientAsync(strangerId, connection.Id, Token),
            "RecordOutcome" => () => service.RecordOutcomeAsync(strangerId, connection.Id, "boom", Token),
            "Rotate" => () => service.RotateAsync(strangerId, connection.Id, key.ApiKey, key.ApiSecret, cancellationToken: Token),
            "Rename" => () => service.RenameAsync(strangerId, connection.Id, "Mine now", Token),
            "Delete" => () => service.DeleteAsync(strangerId, connection.Id, Token),
            _ => throw new ArgumentOutOfRangeException(nameof(method)),
        };

        var refused = await Assert.ThrowsAsync<ConnectionNotFoundException>(call);
        Assert.Equal(connection.Id, refused.ConnectionId);
        Assert.Equal([connection], await service.ListAsync(ownerId, Token));
        Assert.Empty(await service.ListAsync(strangerId, Token));
    }

    private async Task<(string UserId, ConnectionSummary Connection)> AddDemoAsync()
    {
        var userId = await portal.NewUserAsync();
        await using var scope = portal.Services.CreateAsyncScope();
        var connection = await portal.Connections(scope).AddAsync(
            userId, "Main", portal.ExchangeUrl.AbsoluteUri, portal.DemoKey.ApiKey, portal.DemoKey.ApiSecret, cancellationToken: Token);
        return (userId, connection);
    }
}
