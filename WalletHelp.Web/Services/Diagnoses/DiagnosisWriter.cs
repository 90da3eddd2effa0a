using System.Data.Common;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using WalletHelp.Web.Data;
using WalletHelp.Web.Data.Diagnoses;

namespace WalletHelp.Web.Services.Diagnoses;

/// <summary>
/// Stores a new diagnosis (with its first attempt). When the task completes the row is committed (durable), so the
/// caller may answer 201; a clash of the random reference draws a new one (read <c>record.Reference</c> afterwards).
/// </summary>
public interface IDiagnosisWriter
{
    Task AddAsync(DiagnosisRecord record, CancellationToken cancellationToken = default);
}

/// <summary>
/// Group commit: requests queue their diagnosis and wait; a single writer task takes what is pending (up to
/// <see cref="MaxGroup"/>), writes it in one transaction and then completes every waiting request — each still
/// committed before its 201, but one commit (and one fsync / WAL flush) serves the whole group. On SQLite, which takes
/// one writer at a time, requests also never contend for the write lock (prepared inserts, <see cref="SqliteRowInsert"/>);
/// on PostgreSQL the group is one <c>SaveChanges</c> (Npgsql sends its inserts as one batch) in one transaction. An
/// item that fails (after redrawing a clashing reference) fails alone: the group is retried item by item under
/// savepoints.
/// </summary>
public sealed class GroupedDiagnosisWriter : IDiagnosisWriter, IAsyncDisposable
{
    public const int MaxGroup = 64;

    private readonly IDbContextFactory<ApplicationDbContext> dbFactory;
    private readonly ILogger<GroupedDiagnosisWriter> logger;
    private readonly Channel<Pending> pending = Channel.CreateBounded<Pending>(
        new BoundedChannelOptions(4 * 1024) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
    private readonly Task loop;
    private readonly Func<Task>? beforeGroup;

    /// <param name="beforeGroup">Awaited before each group is taken from the queue (tests use it to gather a known group).</param>
    public GroupedDiagnosisWriter(IDbContextFactory<ApplicationDbContext> dbFactory, ILogger<GroupedDiagnosisWriter> logger,
        Func<Task>? beforeGroup = null)
    {
        this.dbFactory = dbFactory;
        this.logger = logger;
        this.beforeGroup = beforeGroup;
        loop = Task.Run(RunAsync);
    }

    /// <summary>Groups committed so far and the diagnoses in them (for tests and figures).</summary>
    public long Groups => Interlocked.Read(ref groups);

    public long Written => Interlocked.Read(ref written);

    private long groups;
    private long written;

    public async Task AddAsync(DiagnosisRecord record, CancellationToken cancellationToken = default)
    {
        var item = new Pending(record, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        await pending.Writer.WriteAsync(item, cancellationToken);
        // Once queued it is written even if the caller gives up waiting: the write and the answer are independent.
        await item.Done.Task.WaitAsync(cancellationToken);
    }

    private async Task RunAsync()
    {
        var group = new List<Pending>(MaxGroup);
        while (await pending.Reader.WaitToReadAsync())
        {
            if (beforeGroup is not null) await beforeGroup();
            while (group.Count < MaxGroup && pending.Reader.TryRead(out var item)) group.Add(item);
            try
            {
                await WriteGroupAsync(group);
            }
            catch (Exception ex)
            {
                // Never let the loop die: fail what is still waiting.
                logger.LogError("Diagnosis group of {Count} not stored ({Error})", group.Count, ex.GetType().Name);
                foreach (var item in group) item.Done.TrySetException(ex);
            }
            group.Clear();
        }
    }

    private async Task WriteGroupAsync(List<Pending> group)
    {
        // Fast path: the whole group in one transaction and one commit, through prepared inserts built from the model
        // (SaveChanges' change tracking cost more CPU than the rest of the request: see the README's profile).
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync();
            if (!InsertAll(db, group))
            {
                // PostgreSQL, or a model or record the prepared inserts do not cover: the whole group through one
                // SaveChanges, which is one transaction (all or nothing) and one commit.
                db.Diagnoses.AddRange(group.Select(p => p.Record));
                await db.SaveChangesAsync();
            }
            Complete(group);
            return;
        }
        catch (Exception ex) when (ex is DbException or DbUpdateException)
        {
            foreach (var item in group) DiagnosisWrites.ResetKeys(item.Record);
        }

        // Something in the group failed: item by item, each under its own savepoint (EF Core makes one per SaveChanges
        // inside a transaction), so one bad item fails alone; still one commit for the rest.
        var stored = new List<Pending>(group.Count);
        await using (var db = await dbFactory.CreateDbContextAsync())
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            foreach (var item in group)
            {
                for (var retry = 0; ; retry++)
                {
                    db.Diagnoses.Add(item.Record);
                    try
                    {
                        await db.SaveChangesAsync();
                        stored.Add(item);
                        break;
                    }
                    catch (DbUpdateException ex)
                    {
                        db.ChangeTracker.Clear();
                        DiagnosisWrites.ResetKeys(item.Record);
                        if (retry < DiagnosisWrites.ReferenceRetries)
                        {
                            DiagnosisWrites.Redraw(item.Record);
                            continue;
                        }
                        item.Done.TrySetException(ex);
                        break;
                    }
                }
                db.ChangeTracker.Clear();
            }
            await tx.CommitAsync();
        }
        Complete(stored);
    }

    /// <summary>
    /// The group's diagnoses and their attempts in one <c>BEGIN IMMEDIATE</c> transaction (<see cref="SqliteRowInsert"/>);
    /// false (nothing written) on PostgreSQL, when the model cannot be inserted this way or a record carries more than
    /// its first attempts.
    /// </summary>
    private static bool InsertAll(ApplicationDbContext db, List<Pending> group) =>
        !group.Any(p => p.Record.Notes.Count > 0 || p.Record.CaseEvents.Count > 0)
        && SqliteRowInsert.TryInsertAll(db, RowTypes, rows =>
        {
            foreach (var item in group)
            {
                rows.Insert(item.Record);
                foreach (var attempt in item.Record.Attempts)
                {
                    attempt.DiagnosisId = item.Record.Id;
                    rows.Insert(attempt);
                }
            }
        });

    private static readonly Type[] RowTypes = [typeof(DiagnosisRecord), typeof(DiagnosisAttempt)];

    private void Complete(List<Pending> items)
    {
        Interlocked.Increment(ref groups);
        Interlocked.Add(ref written, items.Count);
        foreach (var item in items) item.Done.TrySetResult();
    }

    public async ValueTask DisposeAsync()
    {
        pending.Writer.TryComplete();
        await loop;
    }

    private sealed record Pending(DiagnosisRecord Record, TaskCompletionSource Done);
}

public static class DiagnosisWrites
{
    /// <summary>32^8 references make a clash unlikely, but the unique index decides: draw again up to this often.</summary>
    public const int ReferenceRetries = 3;

    public static void Redraw(DiagnosisRecord record) => record.Reference = ReferenceCode.New();

    /// <summary>A failed save may have handed out keys; clear them so the record is inserted afresh.</summary>
    public static void ResetKeys(DiagnosisRecord record)
    {
        record.Id = 0;
        foreach (var attempt in record.Attempts)
        {
            attempt.Id = 0;
            attempt.DiagnosisId = 0;
        }
    }

    /// <summary>
    /// Group commit on both providers: on SQLite because it takes one writer at a time, on PostgreSQL because a commit
    /// waits for its WAL flush, and one flush per group instead of one per diagnosis is what lets writes keep up.
    /// </summary>
    public static IDiagnosisWriter Create(IServiceProvider services) =>
        new GroupedDiagnosisWriter(services.GetRequiredService<IDbContextFactory<ApplicationDbContext>>(),
            services.GetRequiredService<ILogger<GroupedDiagnosisWriter>>());
}
