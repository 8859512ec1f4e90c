using System.Text;
using AllexPortal.Web.History;
using Microsoft.Data.Sqlite;

namespace AllexPortal.Web.Tests.History;

/// <summary><see cref="SqliteRows"/> on a real SQLite database: bound parameters, UTF-8 cells, errors and cancellation.</summary>
public sealed class SqliteRowsTests
{
    private static readonly string[] Texts = ["", "plain", "ü€ 𝄞", "=1,\"2\"", "line\nbreak", "\t"];

    [Theory]
    [InlineData("UTF-8")]
    [InlineData("UTF-16le")]
    public async Task Cells_come_back_as_the_UTF_8_of_the_stored_text_whatever_the_database_encoding(string encoding)
    {
        await using var connection = await OpenAsync(encoding);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT t, n FROM cells WHERE n >= @from AND n < $to AND (@none IS NULL) AND f > :half AND (g = @guid OR g IS NULL) ORDER BY n";
        command.Parameters.AddWithValue("from", 1L);
        command.Parameters.AddWithValue("@to", 5);
        command.Parameters.AddWithValue("@none", DBNull.Value);
        command.Parameters.AddWithValue(":half", 0.5);
        command.Parameters.AddWithValue("@guid", "7D1C4E7A-0000-4000-8000-000000000001");

        var cells = new List<(string Text, long Number)>();
        using (var rows = SqliteRows.Start(command, TestContext.Current.CancellationToken))
        {
            var (t, n) = (rows.Ordinal("t"), rows.Ordinal("N"));
            while (rows.Next())
            {
                cells.Add((Encoding.UTF8.GetString(rows.Utf8(t)), rows.Int64(n)));
            }
        }

        Assert.Equal(Texts.Select((text, i) => (text, (long)i)).Skip(1).Take(4), cells);
    }

    [Fact]
    public async Task A_NULL_cell_reads_as_empty_text()
    {
        await using var connection = await OpenAsync("UTF-8");
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT NULL AS missing";

        using var rows = SqliteRows.Start(command, TestContext.Current.CancellationToken);

        Assert.True(rows.Next());
        Assert.True(rows.Utf8(rows.Ordinal("missing")).IsEmpty);
        Assert.False(rows.Next());
    }

    [Fact]
    public async Task SQL_that_SQLite_refuses_raises_a_SqliteException_with_its_message()
    {
        await using var connection = await OpenAsync("UTF-8");
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT missing FROM nowhere";

        var thrown = Assert.Throws<SqliteException>(() => SqliteRows.Start(command, TestContext.Current.CancellationToken));

        Assert.Contains("no such table: nowhere", thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_parameter_the_command_does_not_give_is_refused_by_name()
    {
        await using var connection = await OpenAsync("UTF-8");
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT t FROM cells WHERE n = @missing";

        var thrown = Assert.Throws<InvalidOperationException>(() => SqliteRows.Start(command, TestContext.Current.CancellationToken));

        Assert.Contains("@missing", thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cancelled_token_stops_stepping_with_OperationCanceledException()
    {
        await using var connection = await OpenAsync("UTF-8");
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT t FROM cells ORDER BY n";
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        using var rows = SqliteRows.Start(command, cancel.Token);

        Assert.True(rows.Next());
        await cancel.CancelAsync();

        Assert.Throws<OperationCanceledException>(() => rows.Next());
    }

    private static async Task<SqliteConnection> OpenAsync(string encoding)
    {
        var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var create = connection.CreateCommand();
        create.CommandText = $"PRAGMA encoding = '{encoding}'; CREATE TABLE cells (n INTEGER, t TEXT, f REAL, g TEXT);";
        await create.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        for (var i = 0; i < Texts.Length; i++)
        {
            await using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO cells VALUES ($n, $t, 1.5, NULL)";
            insert.Parameters.AddWithValue("$n", i);
            insert.Parameters.AddWithValue("$t", Texts[i]);
            await insert.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }
        return connection;
    }
}
