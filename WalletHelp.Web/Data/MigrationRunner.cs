using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace WalletHelp.Web.Data;

/// <summary>Applying migrations with a command timeout fit for data backfills, not EF Core's 30 s for queries.</summary>
public static class MigrationRunner
{
    /// <summary>
    /// A migration's backfill may rewrite a whole table (e.g. <c>PostgresFaqSearchSpeed</c> fills the short-gram arrays
    /// of every FAQ search document: longer than 30 s at ~100k articles on a loaded machine).
    /// </summary>
    public static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(30);

    /// <summary>
    /// The timeout migrations run with on this database: <see cref="CommandTimeout"/> on PostgreSQL, where the
    /// backfills are; none (the context's own) on SQLite, where a command's timeout is also how long it waits for a
    /// lock — a database another process holds must fail the start within seconds with its clear line, not in 30 minutes.
    /// </summary>
    public static TimeSpan? BackfillTimeoutFor(DatabaseFacade database) => database.IsNpgsql() ? CommandTimeout : null;

    /// <summary>Migrates with <see cref="BackfillTimeoutFor"/> per command, then restores the context's own timeout.</summary>
    public static async Task MigrateWithBackfillTimeoutAsync(this DbContext db, CancellationToken cancellationToken = default)
    {
        if (BackfillTimeoutFor(db.Database) is not { } timeout)
        {
            await db.Database.MigrateAsync(cancellationToken);
            return;
        }
        var previous = db.Database.GetCommandTimeout();
        db.Database.SetCommandTimeout(timeout);
        try
        {
            await db.Database.MigrateAsync(cancellationToken);
        }
        finally
        {
            db.Database.SetCommandTimeout(previous);
        }
    }
}
