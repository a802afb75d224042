using System.Data.Common;
using DigestBot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace DigestBot.Importing;

/// <summary>One prepared INSERT of an entity's columns, named and converted as the model maps them, that writes new rows
/// without the change tracker: an import adds thousands of articles, and tracking each one cost more than storing it.</summary>
/// <remarks>The parameters are made once from the columns' own type mappings, so that a value is stored exactly as a
/// save would store it (Unix milliseconds for a date on SQLite, a language as its code); only their values change per row.</remarks>
internal sealed class RowInserter<T> : IAsyncDisposable
    where T : class
{
    private readonly DbCommand command;
    private readonly Column[] columns;
    private readonly bool returnsKey;

    private RowInserter(DbCommand command, Column[] columns, bool returnsKey) =>
        (this.command, this.columns, this.returnsKey) = (command, columns, returnsKey);

    /// <summary>An insert of every column but a key the store generates; that key is what <see cref="InsertAsync"/> returns.</summary>
    public static RowInserter<T> Create(DigestDbContext db)
    {
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var generated = entity.FindPrimaryKey()!.Properties is [{ ValueGenerated: ValueGenerated.OnAdd } key] ? key : null;
        var sql = db.GetService<ISqlGenerationHelper>();
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();

        var properties = entity.GetProperties().Where(p => p != generated).ToArray();
        var columns = new Column[properties.Length];
        for (var i = 0; i < properties.Length; i++)
        {
            var mapping = properties[i].GetRelationalTypeMapping();
            var parameter = mapping.CreateParameter(command, sql.GenerateParameterName($"p{i}"), null, properties[i].IsNullable);
            command.Parameters.Add(parameter);
            columns[i] = new Column(properties[i].GetGetter(), mapping.Converter, parameter);
        }

        command.CommandText =
            $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} " +
            $"({string.Join(", ", properties.Select(p => sql.DelimitIdentifier(p.GetColumnName(table)!)))}) " +
            $"VALUES ({string.Join(", ", properties.Select((_, i) => sql.GenerateParameterNamePlaceholder($"p{i}")))})" +
            (generated is null ? "" : $" RETURNING {sql.DelimitIdentifier(generated.GetColumnName(table)!)}");
        command.Prepare();
        return new RowInserter<T>(command, columns, generated is not null);
    }

    /// <summary>Writes one row; returns the key the store generated for it, or null when it generates none.</summary>
    public async Task<long?> InsertAsync(T row, CancellationToken cancellationToken)
    {
        foreach (var (getter, converter, parameter) in columns)
        {
            var value = getter.GetClrValue(row);
            parameter.Value = (value is null ? null : converter is null ? value : converter.ConvertToProvider(value)) ?? DBNull.Value;
        }

        if (!returnsKey)
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
            return null;
        }

        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    public ValueTask DisposeAsync() => command.DisposeAsync();

    private readonly record struct Column(IClrPropertyGetter Getter, ValueConverter? Converter, DbParameter Parameter);
}
