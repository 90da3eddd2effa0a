using Microsoft.EntityFrameworkCore;
using WalletHelp.Web.Data;
using WalletHelp.Web.Data.Faq;
using WalletHelp.Web.Infrastructure;

namespace WalletHelp.Web.Services.Faq;

/// <summary>
/// The FAQ search log, off the request path: a search only queues its (already scrubbed) log row; when the queue is
/// full the row is dropped and counted, the search never fails or waits. <see cref="FaqSearchLogWriter"/> writes it.
/// </summary>
public sealed class FaqSearchLog(int capacity) : BatchQueue<FaqSearchQuery>(capacity)
{
    public const int Capacity = 10_000;

    public FaqSearchLog() : this(Capacity)
    {
    }

    public void Record(string scrubbedQuery, string language, int resultCount, DateTimeOffset at) =>
        TryAdd(new FaqSearchQuery { Query = scrubbedQuery, Language = language, ResultCount = resultCount, CreatedAt = at });
}

/// <summary>
/// Writes queued search-log rows, up to 500 per transaction, gathering for <see cref="Linger"/> after the first so a busy
/// minute makes few commits. On SQLite through one prepared insert (<see cref="SqliteRowInsert"/>): at thousands of
/// searches a second, <c>SaveChanges</c>' change tracking took a core's share that the searches' tail latency paid for.
/// </summary>
public sealed class FaqSearchLogWriter(FaqSearchLog log, IDbContextFactory<ApplicationDbContext> dbFactory, ILogger<FaqSearchLogWriter> logger)
    : BatchWriter<FaqSearchQuery>(log)
{
    protected override TimeSpan Linger => TimeSpan.FromMilliseconds(100);

    public override async Task WriteAsync(IReadOnlyCollection<FaqSearchQuery> batch, CancellationToken cancellationToken)
    {
        if (batch.Count == 0) return;
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            if (!SqliteRowInsert.TryInsertAll(db, batch))
            {
                db.FaqSearchQueries.AddRange(batch);
                await db.SaveChangesAsync(cancellationToken);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning("FAQ search log: {Count} searches not logged ({Error})", batch.Count, ex.GetType().Name);
        }
    }
}
