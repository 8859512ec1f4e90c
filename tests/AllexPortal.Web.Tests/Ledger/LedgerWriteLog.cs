using System.Data.Common;
using AllexPortal.Web.Data;
using AllexPortal.Web.Tests.Infrastructure;

namespace AllexPortal.Web.Tests.Ledger;

/// <summary>
/// Database triggers on the ledger tables that log every insert, update and delete the portal makes, whoever makes
/// it, so a test can assert that a sync wrote nothing. Dropped again on dispose. SQLite and PostgreSQL spell
/// triggers differently; both log into the same table.
/// </summary>
internal sealed class LedgerWriteLog : IAsyncDisposable
{
    private static readonly string[] Tables = ["LedgerTrades", "LedgerOrders", "LedgerTransfers"];
    private static readonly string[] Operations = ["INSERT", "UPDATE", "DELETE"];
    private readonly DbConnection connection;
    private readonly DatabaseProvider provider;

    private LedgerWriteLog(DbConnection connection, DatabaseProvider provider)
    {
        this.connection = connection;
        this.provider = provider;
    }

    public static async Task<LedgerWriteLog> AttachAsync(TemporaryDatabase database, CancellationToken cancellationToken)
    {
        var connection = database.CreateConnection();
        await connection.OpenAsync(cancellationToken);
        var sql = "CREATE TABLE IF NOT EXISTS \"TestLedgerWrites\" (\"TableName\" TEXT NOT NULL, \"Operation\" TEXT NOT NULL); DELETE FROM \"TestLedgerWrites\";";
        if (database.Provider == DatabaseProvider.Postgres)
        {
            sql += "CREATE OR REPLACE FUNCTION test_log_ledger_write() RETURNS trigger LANGUAGE plpgsql AS " +
                "$$ BEGIN INSERT INTO \"TestLedgerWrites\" VALUES (TG_TABLE_NAME, TG_OP); RETURN NULL; END $$;";
            sql += string.Concat(Tables.Select(table =>
                $"CREATE OR REPLACE TRIGGER \"TestLog{table}\" AFTER INSERT OR UPDATE OR DELETE ON \"{table}\" FOR EACH ROW EXECUTE FUNCTION test_log_ledger_write();"));
        }
        else
        {
            sql += string.Concat(Tables.SelectMany(table => Operations.Select(operation =>
                $"CREATE TRIGGER IF NOT EXISTS TestLog{table}{operation} AFTER {operation} ON {table} BEGIN INSERT INTO TestLedgerWrites VALUES ('{table}', '{operation}'); END;")));
        }

        await ExecuteAsync(connection, sql, cancellationToken);
        return new LedgerWriteLog(connection, database.Provider);
    }

    /// <summary>Writes logged since the log was attached.</summary>
    public async Task<long> CountAsync(CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM \"TestLedgerWrites\"";
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync()
    {
        var sql = provider == DatabaseProvider.Postgres
            ? string.Concat(Tables.Select(t => $"DROP TRIGGER IF EXISTS \"TestLog{t}\" ON \"{t}\";"))
            : string.Concat(Tables.SelectMany(t => Operations.Select(o => $"DROP TRIGGER IF EXISTS TestLog{t}{o};")));
        await ExecuteAsync(connection, sql, CancellationToken.None);
        await connection.DisposeAsync();
    }

    private static async Task ExecuteAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
