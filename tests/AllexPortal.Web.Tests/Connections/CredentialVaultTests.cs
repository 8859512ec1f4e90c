using AllexPortal.Exchange.Security;
using AllexPortal.Web.Connections;
using AllexPortal.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AllexPortal.Web.Tests.Connections;

/// <summary>Stored credentials: encrypted in the database, readable only under their own connection's purpose.</summary>
public sealed class CredentialVaultTests(SandboxPortal portal) : IClassFixture<SandboxPortal>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_stored_key_and_secret_open_to_what_was_sealed()
    {
        var vault = portal.Services.GetRequiredService<CredentialVault>();
        var connection = await AddAsync();

        var opened = vault.Open(await LoadAsync(connection.Id));

        Assert.Equal(portal.DemoKey.ApiKey, opened.ApiKey);
        Assert.Equal(portal.DemoKey.ApiSecret, opened.ApiSecret);
    }

    [Fact]
    public async Task The_database_row_holds_no_plaintext_of_the_key_or_the_secret()
    {
        var connection = await AddAsync();

        var row = await ReadRawRowAsync(connection.Id);

        Assert.NotEmpty(row);
        Assert.DoesNotContain(portal.DemoKey.ApiSecret, row, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(portal.DemoKey.ApiKey, row, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(portal.DemoKey.ApiKey[^4..], row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_ciphertext_moved_to_another_connection_cannot_be_opened_and_the_error_names_no_secret()
    {
        var vault = portal.Services.GetRequiredService<CredentialVault>();
        var source = await LoadAsync((await AddAsync()).Id);
        var target = await LoadAsync((await AddAsync()).Id);
        target.ProtectedApiKey = source.ProtectedApiKey;
        target.ProtectedApiSecret = source.ProtectedApiSecret;

        var refused = Assert.Throws<ConnectionCredentialsUnreadableException>(() => vault.Open(target));

        Assert.Equal(target.Id, refused.ConnectionId);
        Assert.DoesNotContain(portal.DemoKey.ApiSecret, refused.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(source.ProtectedApiSecret, refused.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Credentials_print_only_the_masked_key()
    {
        var credentials = new ApiKeyCredentials(portal.DemoKey.ApiKey, portal.DemoKey.ApiSecret);

        var printed = credentials.ToString();

        Assert.DoesNotContain(portal.DemoKey.ApiSecret, printed, StringComparison.Ordinal);
        Assert.DoesNotContain(portal.DemoKey.ApiKey, printed, StringComparison.Ordinal);
    }

    private async Task<ConnectionSummary> AddAsync()
    {
        var userId = await portal.NewUserAsync();
        await using var scope = portal.Services.CreateAsyncScope();
        return await portal.Connections(scope).AddAsync(
            userId, "Vault", portal.ExchangeUrl.AbsoluteUri, portal.DemoKey.ApiKey, portal.DemoKey.ApiSecret, cancellationToken: Token);
    }

    private async Task<ExchangeConnection> LoadAsync(Guid id)
    {
        await using var db = await portal.Services.GetRequiredService<IDbContextFactory<PortalDb>>().CreateDbContextAsync(Token);
        return await db.Connections.AsNoTracking().SingleAsync(c => c.Id == id, Token);
    }

    /// <summary>Every column of the row as text, read with plain SQL so no portal code can decrypt on the way.</summary>
    private async Task<string> ReadRawRowAsync(Guid id)
    {
        await using var sql = portal.Database.CreateConnection();
        await sql.OpenAsync(Token);
        await using var command = sql.CreateCommand();
        command.CommandText = "SELECT * FROM \"Connections\" WHERE \"Id\" = @id";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@id";
        parameter.Value = portal.Database.GuidParameter(id);
        command.Parameters.Add(parameter);
        await using var reader = await command.ExecuteReaderAsync(Token);
        if (!await reader.ReadAsync(Token))
        {
            return "";
        }

        return string.Join('\n', Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)));
    }
}
