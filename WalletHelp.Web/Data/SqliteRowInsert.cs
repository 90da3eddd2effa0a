using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace WalletHelp.Web.Data;

/// <summary>
/// A prepared SQLite <c>INSERT … RETURNING</c> for new rows of one entity type, built from the EF Core model — same
/// table, columns and value converters as <c>SaveChanges</c> — without the change tracker: for hot paths that insert
/// many fresh rows in one transaction (the diagnosis group commit, the FAQ search log). The store-generated key is returned and set on the
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

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<IEntityType, SqliteRowInsert?> Cache = new();

    /// <summary>
    /// Inserts <paramref name="rows"/> (new entities of <typeparamref name="T"/>) in one <c>BEGIN IMMEDIATE</c>
    /// transaction through one prepared insert; false, with nothing written, when <paramref name="db"/> is not on SQLite
    /// or the entity's mapping is beyond this helper (the caller then uses <c>SaveChanges</c>).
    /// </summary>
    public static bool TryInsertAll<T>(DbContext db, IReadOnlyCollection<T> rows) where T : class =>
        TryInsertAll(db, [typeof(T)], batch =>
        {
            foreach (var row in rows) batch.Insert(row);
        });

    /// <summary>
    /// New rows of several entity types (e.g. parents and their children) in one <c>BEGIN IMMEDIATE</c> transaction:
    /// <paramref name="write"/> inserts them through the <see cref="Batch"/> in order, each type through one prepared
    /// insert, and reads back each row's generated key as it goes (so a child can take its parent's). False, with nothing
    /// written, when <paramref name="db"/> is not on SQLite or any of <paramref name="types"/> is beyond this helper.
    /// </summary>
    public static bool TryInsertAll(DbContext db, IReadOnlyList<Type> types, Action<Batch> write)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(types);
        ArgumentNullException.ThrowIfNull(write);
        if (db.Database.GetDbConnection() is not SqliteConnection connection)
        {
            return false;
        }
        var inserts = new SqliteRowInsert[types.Count];
        for (var i = 0; i < types.Count; i++)
        {
            if (db.Model.FindEntityType(types[i]) is not { } type || Cache.GetOrAdd(type, TryCreate) is not { } insert)
            {
                return false;
            }
            inserts[i] = insert;
        }
        db.Database.OpenConnection();
        using var tx = connection.BeginTransaction(deferred: false);
        using (var batch = new Batch(types, inserts, connection, tx))
        {
            write(batch);
        }
        tx.Commit();
        return true;
    }

    /// <summary>The prepared inserts of one <see cref="TryInsertAll(DbContext, IReadOnlyList{Type}, Action{Batch})"/> transaction.</summary>
    public sealed class Batch : IDisposable
    {
        private readonly IReadOnlyList<Type> types;
        private readonly SqliteRowInsert[] inserts;
        private readonly Command?[] commands;
        private readonly SqliteConnection connection;
        private readonly SqliteTransaction transaction;

        internal Batch(IReadOnlyList<Type> types, SqliteRowInsert[] inserts, SqliteConnection connection, SqliteTransaction transaction)
        {
            this.types = types;
            this.inserts = inserts;
            commands = new Command?[inserts.Length];
            this.connection = connection;
            this.transaction = transaction;
        }

        /// <summary>Inserts <paramref name="entity"/> (of one of the batch's types) and sets its generated key.</summary>
        public void Insert(object entity)
        {
            ArgumentNullException.ThrowIfNull(entity);
            var type = entity.GetType();
            for (var i = 0; i < inserts.Length; i++)
            {
                if (types[i] == type)
                {
                    (commands[i] ??= inserts[i].Prepare(connection, transaction)).Insert(entity);
                    return;
                }
            }
            throw new ArgumentException($"{type.Name} is not one of this batch's entity types.", nameof(entity));
        }

        public void Dispose()
        {
            foreach (var command in commands) command?.Dispose();
        }
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
