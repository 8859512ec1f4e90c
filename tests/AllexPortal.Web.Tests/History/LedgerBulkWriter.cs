using AllexPortal.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace AllexPortal.Web.Tests.History;

/// <summary>
/// Inserts many ledger rows in one transaction with one prepared command (@-named parameters, which SQLite and
/// PostgreSQL both accept), binding each value exactly as EF Core
/// would (the model's columns, value converters and parameter types), so the rows read back like synced ones.
/// Hundreds of thousands of rows take seconds instead of minutes through the change tracker.
/// </summary>
public static class LedgerBulkWriter
{
    public static async Task InsertAsync<T>(PortalDb db, IEnumerable<T> rows, CancellationToken cancellationToken)
        where T : class
    {
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T)} is not in the model.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var properties = entity.GetProperties().Where(p => !(p.IsPrimaryKey() && p.ValueGenerated != ValueGenerated.Never)).ToList();

        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var connection = db.Database.GetDbConnection();
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            var columns = string.Join(", ", properties.Select(p => $"\"{p.GetColumnName(table)}\""));
            var names = string.Join(", ", properties.Select((_, i) => $"@p{i}"));
            command.CommandText = $"INSERT INTO \"{table.Name}\" ({columns}) VALUES ({names})";
            var bindings = properties.Select((p, i) =>
            {
                var mapping = (RelationalTypeMapping)p.GetRelationalTypeMapping();
                var parameter = mapping.CreateParameter(command, $"@p{i}", null, p.IsNullable);
                command.Parameters.Add(parameter);
                return (Property: p, Parameter: parameter, Converter: mapping.Converter);
            }).ToList();
            await command.PrepareAsync(cancellationToken);

            foreach (var row in rows)
            {
                foreach (var (property, parameter, converter) in bindings)
                {
                    var value = property.GetGetter().GetClrValue(row);
                    parameter.Value = value is null ? DBNull.Value : converter?.ConvertToProvider(value) ?? value;
                }
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

}
