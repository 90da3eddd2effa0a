using Microsoft.EntityFrameworkCore;

namespace WalletHelp.Web.Data;

/// <summary>Applying migrations with a command timeout fit for data backfills, not EF Core's 30 s for queries.</summary>
public static class MigrationRunner
{
    /// <summary>
    /// A migration's backfill may rewrite a whole table (e.g. <c>PostgresFaqSearchSpeed</c> fills the short-gram arrays
    /// of every FAQ search document: longer than 30 s at ~100k articles on a loaded machine).
    /// </summary>
    public static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(30);

    /// <summary>Migrates with <see cref="CommandTimeout"/> per command, then restores the context's own timeout.</summary>
    public static async Task MigrateWithBackfillTimeoutAsync(this DbContext db, CancellationToken cancellationToken = default)
    {
        var previous = db.Database.GetCommandTimeout();
        db.Database.SetCommandTimeout(CommandTimeout);
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
