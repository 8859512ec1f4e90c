using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace AllexPortal.Web.History;

/// <summary>
/// The rows of one EF Core command run straight on SQLite's statement API, for the trades export: a cell is read as
/// the UTF-8 bytes SQLite holds (valid until the next <see cref="Next"/>), where <see cref="SqliteDataReader"/> makes a
/// string of every text cell (ten per fill, half the export's allocations; its <c>GetChars</c> goes through
/// <c>GetString</c> too). The command's SQL and parameters are EF's, so the filter and order are exactly the query's.
/// Errors surface as <see cref="SqliteException"/>, as from the data reader; a cancelled token stops a running step
/// (<c>sqlite3_interrupt</c>) and surfaces as <see cref="OperationCanceledException"/>.
/// </summary>
internal sealed class SqliteRows : IDisposable
{
    private const int Row = 100;
    private const int Done = 101;
    private const int Interrupted = 9;

    private readonly sqlite3 database;
    private readonly CancellationToken cancellationToken;
    private readonly CancellationTokenRegistration interruption;
    private readonly bool storedAsUtf8;
    private sqlite3_stmt? statement;

    private SqliteRows(sqlite3 database, sqlite3_stmt statement, CancellationToken cancellationToken)
    {
        this.database = database;
        this.statement = statement;
        this.cancellationToken = cancellationToken;
        storedAsUtf8 = IsUtf8(database);
        interruption = cancellationToken.Register(static d => raw.sqlite3_interrupt((sqlite3)d!), database);
    }

    /// <summary>Prepares <paramref name="command"/> (one statement) on its open connection and binds its parameters by name.</summary>
    /// <exception cref="SqliteException">SQLite refused the statement or a binding.</exception>
    public static SqliteRows Start(DbCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var database = (command.Connection as SqliteConnection)?.Handle
            ?? throw new InvalidOperationException("The command's SQLite connection is not open.");
        var rc = raw.sqlite3_prepare_v2(database, command.CommandText, out var statement, out var tail);
        if (rc != raw.SQLITE_OK || statement is null)
        {
            statement?.Dispose();
            SqliteException.ThrowExceptionForRC(rc, database);
            throw new InvalidOperationException("The command holds no SQL statement.");
        }
        try
        {
            if (!string.IsNullOrWhiteSpace(tail))
            {
                throw new InvalidOperationException("The command holds more than one SQL statement.");
            }
            Bind(database, statement, command.Parameters);
            return new SqliteRows(database, statement, cancellationToken);
        }
        catch
        {
            statement.Dispose();
            throw;
        }
    }

    /// <summary>The index of the result column called <paramref name="name"/>, or -1.</summary>
    public int Ordinal(string name)
    {
        var stmt = Statement;
        var count = raw.sqlite3_column_count(stmt);
        for (var i = 0; i < count; i++)
        {
            if (string.Equals(raw.sqlite3_column_name(stmt, i).utf8_to_string(), name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }
        return -1;
    }

    /// <summary>Steps to the next row; false after the last.</summary>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    /// <exception cref="SqliteException">SQLite failed to produce the row.</exception>
    public bool Next()
    {
        cancellationToken.ThrowIfCancellationRequested();
        var rc = raw.sqlite3_step(Statement);
        if (rc == Row)
        {
            return true;
        }
        if (rc == Done)
        {
            return false;
        }
        if (rc == Interrupted)
        {
            cancellationToken.ThrowIfCancellationRequested();
        }
        SqliteException.ThrowExceptionForRC(rc, database);
        return false;
    }

    /// <summary>A cell as a 64-bit integer.</summary>
    public long Int64(int column) => raw.sqlite3_column_int64(Statement, column);

    /// <summary>A cell as UTF-8 text, empty for NULL; valid until the next <see cref="Next"/>.</summary>
    public ReadOnlySpan<byte> Utf8(int column)
    {
        var stmt = Statement;
        if (storedAsUtf8)
        {
            // Text is handed over as stored, unconverted; one native call fewer than sqlite3_column_text.
            return raw.sqlite3_column_blob(stmt, column);
        }
        var text = raw.sqlite3_column_text(stmt, column);
        ref readonly var first = ref text.GetPinnableReference();
        return Unsafe.IsNullRef(in first) ? [] : MemoryMarshal.CreateReadOnlySpan(in first, raw.sqlite3_column_bytes(stmt, column));
    }

    public void Dispose()
    {
        interruption.Dispose();
        statement?.Dispose();
        statement = null;
    }

    /// <summary>Whether the database keeps its text as UTF-8 (the default; a UTF-16 database would need converting).</summary>
    private static bool IsUtf8(sqlite3 database)
    {
        var rc = raw.sqlite3_prepare_v2(database, "PRAGMA encoding", out var pragma);
        using (pragma)
        {
            if (rc != raw.SQLITE_OK)
            {
                SqliteException.ThrowExceptionForRC(rc, database);
            }
            return raw.sqlite3_step(pragma) == Row && raw.sqlite3_column_text(pragma, 0).utf8_to_string() == "UTF-8";
        }
    }

    private sqlite3_stmt Statement => statement ?? throw new ObjectDisposedException(nameof(SqliteRows));

    /// <summary>
    /// Binds each of the statement's parameters to the command's parameter of that name (with or without its
    /// <c>@</c>/<c>$</c>/<c>:</c> prefix), holding the value EF Core's type mapping gave it.
    /// </summary>
    private static void Bind(sqlite3 database, sqlite3_stmt statement, DbParameterCollection parameters)
    {
        var count = raw.sqlite3_bind_parameter_count(statement);
        for (var i = 1; i <= count; i++)
        {
            var name = raw.sqlite3_bind_parameter_name(statement, i).utf8_to_string() ?? "";
            var parameter = Find(parameters, name)
                ?? throw new InvalidOperationException($"The command gives no value for SQL parameter {name}.");
            var rc = parameter.Value switch
            {
                null or DBNull => raw.sqlite3_bind_null(statement, i),
                string s => raw.sqlite3_bind_text(statement, i, s),
                long l => raw.sqlite3_bind_int64(statement, i, l),
                int n => raw.sqlite3_bind_int64(statement, i, n),
                short n => raw.sqlite3_bind_int64(statement, i, n),
                byte n => raw.sqlite3_bind_int64(statement, i, n),
                bool b => raw.sqlite3_bind_int64(statement, i, b ? 1 : 0),
                double d => raw.sqlite3_bind_double(statement, i, d),
                float f => raw.sqlite3_bind_double(statement, i, f),
                byte[] bytes => raw.sqlite3_bind_blob(statement, i, bytes),
                Guid g when parameter is SqliteParameter { SqliteType: SqliteType.Blob } => raw.sqlite3_bind_blob(statement, i, g.ToByteArray()),
                Guid g => raw.sqlite3_bind_text(statement, i, g.ToString().ToUpperInvariant()),
                var other => throw new NotSupportedException($"SQL parameter {name} holds a {other.GetType().Name}, which the export does not bind."),
            };
            if (rc != raw.SQLITE_OK)
            {
                SqliteException.ThrowExceptionForRC(rc, database);
            }
        }
    }

    private static DbParameter? Find(DbParameterCollection parameters, string name)
    {
        var bare = name.Length > 0 && name[0] is '@' or '$' or ':' ? name[1..] : name;
        foreach (DbParameter parameter in parameters)
        {
            var candidate = parameter.ParameterName;
            if (string.Equals(candidate, name, StringComparison.Ordinal)
                || (candidate.Length > 0 && candidate[0] is '@' or '$' or ':' ? candidate.AsSpan(1) : candidate).SequenceEqual(bare))
            {
                return parameter;
            }
        }
        return null;
    }
}
