using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace WalletHelp.Web.Data;

/// <summary>
/// A prepared SQLite <c>INSERT … RETURNING</c> for new rows of one entity type, built from the EF Core model — same
/// table, columns and value converters as <c>SaveChanges</c> — without the change tracker: for hot paths that insert
/// many fresh rows in one transaction (the diagnosis group commit). The store-generated key is returned and set on the
/// entity. Entity types with shadow properties or computed columns are not supported (<see cref="TryCreate"/> says no).
/// </summary>
public sealed class SqliteRowInsert
{
    private readonly IProperty key;
    private readonly (IProperty Property, Func<object, object?> Read)[] columns;
    private readonly string sql;

    private SqliteRowInsert(IProperty key, (IProperty, Func<object, object?>)[] columns, string sql)
    {
        this.key = key;
        this.columns = columns;
        this.sql = sql;
    }

    /// <summary>An insert for <paramref name="type"/>, or null when its mapping is beyond this helper.</summary>
    public static SqliteRowInsert? TryCreate(IEntityType type)
    {
        var table = type.GetTableName();
        if (table is null || type.FindPrimaryKey() is not { Properties: [var key] } || key.ValueGenerated != ValueGenerated.OnAdd)
        {
            return null;
        }
        var properties = type.GetProperties().Where(p => p != key).ToList();
        if (properties.Any(p => p.IsShadowProperty() || p.GetComputedColumnSql() is not null || p.ValueGenerated != ValueGenerated.Never))
        {
            return null;
        }
        var columns = properties.Select(p =>
        {
            var getter = p.GetGetter();
            var converter = p.GetTypeMapping().Converter;
            Func<object, object?> read = converter is null
                ? entity => getter.GetClrValueUsingContainingEntity(entity)
                : entity => getter.GetClrValueUsingContainingEntity(entity) is { } v ? converter.ConvertToProvider(v) : null;
            return (p, read);
        }).ToArray();
        var sql = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c.p.GetColumnName()}\""))}) " +
                  $"VALUES ({string.Join(", ", columns.Select((_, i) => "$p" + i))}) RETURNING \"{key.GetColumnName()}\"";
        return new SqliteRowInsert(key, columns, sql);
    }

    /// <summary>A command for this insert on <paramref name="connection"/> in <paramref name="transaction"/>, prepared once.</summary>
    public Command Prepare(SqliteConnection connection, SqliteTransaction transaction)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        for (var i = 0; i < columns.Length; i++)
        {
            command.Parameters.Add(new SqliteParameter("$p" + i, null));
        }
        command.Prepare();
        return new Command(this, command);
    }

    public sealed class Command(SqliteRowInsert insert, SqliteCommand command) : IDisposable
    {
        /// <summary>Inserts <paramref name="entity"/> and sets its key.</summary>
        public void Insert(object entity)
        {
            for (var i = 0; i < insert.columns.Length; i++)
            {
                command.Parameters[i].Value = insert.columns[i].Read(entity) ?? DBNull.Value;
            }
            var id = Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
            insert.key.PropertyInfo!.SetValue(entity, Convert.ChangeType(id, insert.key.ClrType, System.Globalization.CultureInfo.InvariantCulture));
        }

        public void Dispose() => command.Dispose();
    }
}
