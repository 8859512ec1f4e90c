using System.Text;
using AllexPortal.Exchange;
using AllexPortal.Exchange.Errors;
using AllexPortal.Exchange.Market;
using AllexPortal.Exchange.Security;
using AllexPortal.Exchange.Trading;
using AllexPortal.Sandbox;
using AllexPortal.Web.ApiKeys;
using AllexPortal.Web.Audit;
using AllexPortal.Web.Connections;
using AllexPortal.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AllexPortal.Web.Tests.ApiKeys;

/// <summary>Creating, using and revoking keys of the sandbox demo user through the portal's exchange session.</summary>
public sealed class ApiKeyServiceTests(KeysPortal portal) : IClassFixture<KeysPortal>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static readonly CreateOrderRequest TinyBuy = new()
    {
        Symbol = "btc-usdt",
        Side = OrderSide.Buy,
        Size = 0.001m,
        Type = OrderType.Limit,
        Price = 1000m,
    };

    [Fact]
    public async Task New_key_secret_is_returned_once_and_never_listed()
    {
        var userId = await portal.NewUserAsync();
        await using var scope = portal.ScopeFor(userId);
        var keys = await SignedInKeysAsync(scope);

        var created = await CreateAsync(keys, userId, new ApiKeyDraft($"once {Guid.NewGuid():N}"));
        var secret = created.Secret.Reveal().ApiSecret;
        var listed = await keys.ListAsync(userId, Token);

        Assert.Equal(50, secret.Length);
        var row = Assert.Single(listed, k => k.Id == created.Key.Id);
        Assert.Equal(created.Secret.MaskedKey, row.MaskedKey);
        Assert.DoesNotContain(secret, string.Join('|', listed.Select(k => k.ToString())), StringComparison.Ordinal);
        Assert.DoesNotContain(secret, created.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Discarded_secret_cannot_be_revealed_again()
    {
        var userId = await portal.NewUserAsync();
        await using var scope = portal.ScopeFor(userId);
        var keys = await SignedInKeysAsync(scope);
        var created = await CreateAsync(keys, userId, new ApiKeyDraft($"gone {Guid.NewGuid():N}"));

        created.Secret.Discard();

        Assert.False(created.Secret.IsAvailable);
        Assert.Throws<InvalidOperationException>(() => created.Secret.Reveal());
    }

    [Fact]
    public async Task Read_only_key_is_refused_a_trade()
    {
        var userId = await portal.NewUserAsync();
        await using var scope = portal.ScopeFor(userId);
        var keys = await SignedInKeysAsync(scope);
        var created = await CreateAsync(keys, userId, new ApiKeyDraft($"reader {Guid.NewGuid():N}"));
        var client = KeyClient(created);

        var balance = await client.User.GetBalanceAsync(Token);
        var refused = await Assert.ThrowsAsync<ExchangeApiException>(() => client.Trading.CreateOrderAsync(TinyBuy, Token));

        Assert.NotNull(balance);
        Assert.Equal(ExchangeErrorKind.PermissionDenied, refused.Kind);
    }

    [Fact]
    public async Task Trade_permission_is_applied_right_after_creation()
    {
        var userId = await portal.NewUserAsync();
        await using var scope = portal.ScopeFor(userId);
        var keys = await SignedInKeysAsync(scope);

        var created = await CreateAsync(keys, userId, new ApiKeyDraft($"trader {Guid.NewGuid():N}", CanTrade: true));
        var order = await KeyClient(created).Trading.CreateOrderAsync(TinyBuy, Token);
        await KeyClient(created).Trading.CancelOrderAsync(order.Id, Token);

        Assert.True(created.PermissionsApplied);
        Assert.True(created.Key.CanTrade);
    }

    [Fact]
    public async Task Key_whitelisted_to_another_address_is_refused_from_this_server()
    {
        var userId = await portal.NewUserAsync();
        await using var scope = portal.ScopeFor(userId);
        var keys = await SignedInKeysAsync(scope);

        var created = await CreateAsync(keys, userId, new ApiKeyDraft($"elsewhere {Guid.NewGuid():N}", WhitelistedIps: "203.0.113.0/24"));
        var refused = await Assert.ThrowsAsync<ExchangeApiException>(() => KeyClient(created).User.GetBalanceAsync(Token));

        Assert.Equal(["203.0.113.0/24"], created.Key.WhitelistedIps);
        Assert.True(created.Key.WhitelistingEnabled);
        Assert.Equal(ExchangeErrorKind.PermissionDenied, refused.Kind);
        Assert.Contains("IP address", refused.ExchangeMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Key_whitelisted_to_this_server_is_accepted()
    {
        var userId = await portal.NewUserAsync();
        await using var scope = portal.ScopeFor(userId);
        var keys = await SignedInKeysAsync(scope);

        var created = await CreateAsync(keys, userId, new ApiKeyDraft($"here {Guid.NewGuid():N}", WhitelistedIps: "127.0.0.1, ::1"));
        var balance = await KeyClient(created).User.GetBalanceAsync(Token);

        Assert.NotNull(balance);
    }

    [Fact]
    public async Task Revoked_key_stops_working()
    {
        var userId = await portal.NewUserAsync();
        await using var scope = portal.ScopeFor(userId);
        var keys = await SignedInKeysAsync(scope);
        var created = await CreateAsync(keys, userId, new ApiKeyDraft($"short {Guid.NewGuid():N}"));
        await keys.RequestEmailCodeAsync(userId, Token);

        await keys.RevokeAsync(userId, created.Key.Id, portal.DemoOtp(), portal.DemoEmailCode(), Token);

        var refused = await Assert.ThrowsAsync<ExchangeApiException>(() => KeyClient(created).User.GetBalanceAsync(Token));
        Assert.Equal(ExchangeErrorKind.CredentialsRejected, refused.Kind);
        Assert.DoesNotContain(await keys.ListAsync(userId, Token), k => k.Id == created.Key.Id);
    }

    [Fact]
    public async Task Connection_of_a_revoked_key_says_its_key_was_revoked()
    {
        var userId = await portal.NewUserAsync();
        await using var scope = portal.ScopeFor(userId);
        var keys = await SignedInKeysAsync(scope);
        var created = await CreateAsync(keys, userId, new ApiKeyDraft($"doomed {Guid.NewGuid():N}"));
        await keys.SaveAsConnectionAsync(userId, created.Secret, "Doomed", cancellationToken: Token);
        await keys.RequestEmailCodeAsync(userId, Token);
        await keys.RevokeAsync(userId, created.Key.Id, portal.DemoOtp(), portal.DemoEmailCode(), Token);

        var overview = await scope.ServiceProvider.GetRequiredService<AllexPortal.Web.Portfolio.PortfolioService>().LoadAsync(userId, "usdt", 0m, Token);

        var failed = Assert.Single(overview.Failed);
        Assert.StartsWith("The API key was revoked", failed.Failure!.Message, StringComparison.Ordinal);
        var connection = Assert.Single(await scope.ServiceProvider.GetRequiredService<ConnectionService>().ListAsync(userId, Token));
        Assert.StartsWith("The API key was revoked", connection.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_2fa_code_is_refused_in_plain_words_and_creates_nothing()
    {
        var userId = await portal.NewUserAsync();
        await using var scope = portal.ScopeFor(userId);
        var keys = await SignedInKeysAsync(scope);
        var name = $"refused {Guid.NewGuid():N}";
        await keys.RequestEmailCodeAsync(userId, Token);
        var wrong = portal.DemoOtp() == "000000" ? "111111" : "000000";

        var refused = await Assert.ThrowsAsync<ApiKeyRefusedException>(() =>
            keys.CreateAsync(userId, new ApiKeyDraft(name), wrong, portal.DemoEmailCode(), Token));

        Assert.Contains("did not accept the 2FA code", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(await keys.ListAsync(userId, Token), k => k.Name == name);
    }

    [Fact]
    public async Task Withdraw_permission_needs_an_explicit_confirmation()
    {
        var userId = await portal.NewUserAsync();
        await using var scope = portal.ScopeFor(userId);
        var keys = await SignedInKeysAsync(scope);
        var name = $"mover {Guid.NewGuid():N}";

        var refused = await Assert.ThrowsAsync<ApiKeyRefusedException>(() =>
            keys.CreateAsync(userId, new ApiKeyDraft(name, CanWithdraw: true), portal.DemoOtp(), "123456", Token));

        Assert.Contains("withdraw", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(await keys.ListAsync(userId, Token), k => k.Name == name);
    }

    [Fact]
    public async Task Failed_permissions_step_is_reported_and_the_secret_kept()
    {
        var userId = await portal.NewUserAsync();
        await using var scope = portal.ScopeFor(userId);
        var keys = await SignedInKeysAsync(scope);
        await keys.RequestEmailCodeAsync(userId, Token);
        portal.Sandbox.SetFaults(new FaultOptions { PathPrefix = "/v2/user/token", SkipRequests = 1, ServerErrors = 1 });

        var created = await keys.CreateAsync(
            userId, new ApiKeyDraft($"half {Guid.NewGuid():N}", CanTrade: true), portal.DemoOtp(), portal.DemoEmailCode(), Token);

        Assert.False(created.PermissionsApplied);
        Assert.Contains("read-only for now", created.PermissionsProblem, StringComparison.Ordinal);
        Assert.True(created.Secret.IsAvailable);
        Assert.False(created.Key.CanTrade);
    }

    [Fact]
    public async Task New_key_is_saved_as_an_encrypted_connection_in_one_step()
    {
        var userId = await portal.NewUserAsync();
        await using var scope = portal.ScopeFor(userId);
        var keys = await SignedInKeysAsync(scope);
        var created = await CreateAsync(keys, userId, new ApiKeyDraft($"saved {Guid.NewGuid():N}"));

        var connection = await keys.SaveAsConnectionAsync(userId, created.Secret, "From the keys page", cancellationToken: Token);

        var listed = Assert.Single(await scope.ServiceProvider.GetRequiredService<ConnectionService>().ListAsync(userId, Token));
        Assert.Equal(connection.Id, listed.Id);
        Assert.Equal((true, false, false), (listed.CanRead, listed.CanTrade, listed.CanWithdraw));
        Assert.Equal(created.Secret.MaskedKey, listed.MaskedKey);
    }

    [Fact]
    public async Task Creation_and_revocation_are_audited_by_name_and_masked_key()
    {
        var userId = await portal.NewUserAsync();
        await using var scope = portal.ScopeFor(userId);
        var keys = await SignedInKeysAsync(scope);
        var name = $"audited {Guid.NewGuid():N}";
        var created = await CreateAsync(keys, userId, new ApiKeyDraft(name, CanTrade: true));
        await keys.RequestEmailCodeAsync(userId, Token);
        await keys.RevokeAsync(userId, created.Key.Id, portal.DemoOtp(), portal.DemoEmailCode(), Token);

        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDb>>().CreateDbContextAsync(Token);
        var entries = await db.AuditEntries.Where(e => e.ActorUserId == userId && e.Action != AuditAction.ExchangeSignedIn)
            .OrderBy(e => e.Id).ToListAsync(Token);

        Assert.Equal([AuditAction.ApiKeyCreated, AuditAction.ApiKeyPermissionsChanged, AuditAction.ApiKeyRevoked], entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal($"{name} ({created.Secret.MaskedKey})", e.Subject));
        Assert.Contains("trade", entries[1].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Session_token_and_new_secret_never_reach_logs_or_database()
    {
        var userId = await portal.NewUserAsync();
        await using var scope = portal.ScopeFor(userId);
        var keys = await SignedInKeysAsync(scope);
        var created = await CreateAsync(keys, userId, new ApiKeyDraft($"secret {Guid.NewGuid():N}", CanTrade: true, WhitelistedIps: "127.0.0.1"));
        var secret = created.Secret.Reveal().ApiSecret;
        await keys.SaveAsConnectionAsync(userId, created.Secret, "Kept encrypted", cancellationToken: Token);
        await keys.ListAsync(userId, Token);

        var logs = portal.Logs.Text;
        var database = await DatabaseTextAsync();

        Assert.Contains(created.Secret.MaskedKey, logs, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, logs, StringComparison.Ordinal);
        Assert.DoesNotContain(KeysPortal.JwtHeader, logs, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, database, StringComparison.Ordinal);
        Assert.DoesNotContain(KeysPortal.JwtHeader, database, StringComparison.Ordinal);
    }

    private async Task<ApiKeyService> SignedInKeysAsync(IServiceScope scope)
    {
        await portal.SignedInAsDemoAsync(scope, Token);
        return scope.ServiceProvider.GetRequiredService<ApiKeyService>();
    }

    private async Task<ApiKeyCreation> CreateAsync(ApiKeyService keys, string userId, ApiKeyDraft draft)
    {
        await keys.RequestEmailCodeAsync(userId, Token);
        var created = await keys.CreateAsync(userId, draft, portal.DemoOtp(), portal.DemoEmailCode(), Token);
        return created.PermissionsApplied ? created : throw new InvalidOperationException(created.PermissionsProblem);
    }

    private AllexApiKeyClient KeyClient(ApiKeyCreation created) =>
        portal.Services.GetRequiredService<IAllexClientFactory>().ForApiKey(portal.ExchangeUrl, created.Secret.Reveal());

    /// <summary>Every value of every table of the portal's database (SQLite or PostgreSQL), plus the raw bytes of its SQLite files.</summary>
    private async Task<string> DatabaseTextAsync()
    {
        var text = new StringBuilder();
        await using var db = await portal.Services.GetRequiredService<IDbContextFactory<PortalDb>>().CreateDbContextAsync(Token);
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(Token);
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = portal.Database.Provider == DatabaseProvider.Postgres
                ? "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'"
                : "SELECT name FROM sqlite_master WHERE type = 'table'";
            await using var reader = await list.ExecuteReaderAsync(Token);
            while (await reader.ReadAsync(Token))
            {
                tables.Add(reader.GetString(0));
            }
        }

        foreach (var table in tables)
        {
            await using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await select.ExecuteReaderAsync(Token);
            while (await reader.ReadAsync(Token))
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    text.Append(reader.IsDBNull(i) ? "" : reader.GetValue(i) switch
                    {
                        byte[] bytes => Encoding.Latin1.GetString(bytes),
                        var value => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture),
                    }).Append('|');
                }
            }
        }

        var files = Directory.Exists(portal.Database.Folder) ? Directory.GetFiles(portal.Database.Folder) : [];
        foreach (var file in files)
        {
            await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var content = new MemoryStream();
            await stream.CopyToAsync(content, Token);
            text.Append(Encoding.Latin1.GetString(content.ToArray()));
        }

        return text.ToString();
    }
}
