using Microsoft.Data.Sqlite;

namespace AllexPortal.Web.Tests.Ledger;

/// <summary>
/// SQLite triggers on the ledger tables that log every insert, update and delete the portal makes, whoever makes
/// it, so a test can assert that a sync wrote nothing. Dropped again on dispose.
/// </summary>
internal sealed class LedgerWriteLog : IAsyncDisposable
{
    private static readonly string[] Tables = ["LedgerTrades", "LedgerOrders", "LedgerTransfers"];
    private readonly SqliteConnection connection;

    private LedgerWriteLog(SqliteConnection connection) => this.connection = connection;

    public static async Task<LedgerWriteLog> AttachAsync(string connectionString, CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        var sql = "CREATE TABLE IF NOT EXISTS TestLedgerWrites (TableName TEXT NOT NULL, Operation TEXT NOT NULL); DELETE FROM TestLedgerWrites;";
        foreach (var table in Tables)
        {
            foreach (var operation in new[] { "INSERT", "UPDATE", "DELETE" })
            {
                sql += $"CREATE TRIGGER IF NOT EXISTS TestLog{table}{operation} AFTER {operation} ON {table} BEGIN INSERT INTO TestLedgerWrites VALUES ('{table}', '{operation}'); END;";
            }
        }

        await ExecuteAsync(connection, sql, cancellationToken);
        return new LedgerWriteLog(connection);
    }

    /// <summary>Writes logged since the log was attached.</summary>
    public async Task<long> CountAsync(CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM TestLedgerWrites";
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public async ValueTask DisposeAsync()
    {
        var sql = string.Concat(Tables.SelectMany(t => new[] { "INSERT", "UPDATE", "DELETE" }.Select(o => $"DROP TRIGGER IF EXISTS TestLog{t}{o};")));
        await ExecuteAsync(connection, sql, CancellationToken.None);
        await connection.DisposeAsync();
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
