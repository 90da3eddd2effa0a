using System.Threading.Channels;
using Microsoft.Data.Sqlite;
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

/// <summary>One transaction per diagnosis: for databases with concurrent writers (PostgreSQL).</summary>
public sealed class DirectDiagnosisWriter(IDbContextFactory<ApplicationDbContext> dbFactory) : IDiagnosisWriter
{
    public async Task AddAsync(DiagnosisRecord record, CancellationToken cancellationToken = default)
    {
        for (var retry = 0; ; retry++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            db.Diagnoses.Add(record);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return;
            }
            catch (DbUpdateException) when (retry < DiagnosisWrites.ReferenceRetries)
            {
                DiagnosisWrites.Redraw(record);
            }
        }
    }
}

/// <summary>
/// Group commit for SQLite, which takes one writer at a time: requests queue their diagnosis and wait; a single writer
/// task takes what is pending (up to <see cref="MaxGroup"/>), writes it in one transaction and then completes every
/// waiting request — each still committed before its 201, but one commit (and one fsync) serves the whole group and
/// requests never contend for the database's write lock. An item that fails (after redrawing a clashing reference)
/// fails alone: the group is retried item by item under savepoints.
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
                // A model or record the prepared inserts do not cover: the whole group through SaveChanges, still one commit.
                await using var tx = await db.Database.BeginTransactionAsync();
                db.Diagnoses.AddRange(group.Select(p => p.Record));
                await db.SaveChangesAsync();
                await tx.CommitAsync();
            }
            Complete(group);
            return;
        }
        catch (Exception ex) when (ex is SqliteException or DbUpdateException)
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
    /// The group's diagnoses and their attempts in one <c>BEGIN IMMEDIATE</c> transaction; false (nothing written)
    /// when the model cannot be inserted this way or a record carries more than its first attempts.
    /// </summary>
    private bool InsertAll(ApplicationDbContext db, List<Pending> group)
    {
        inserts ??= (SqliteRowInsert.TryCreate(db.Model.FindEntityType(typeof(DiagnosisRecord))!),
            SqliteRowInsert.TryCreate(db.Model.FindEntityType(typeof(DiagnosisAttempt))!));
        if (inserts is not ({ } diagnosisInsert, { } attemptInsert)
            || group.Any(p => p.Record.Notes.Count > 0 || p.Record.CaseEvents.Count > 0)
            || db.Database.GetDbConnection() is not SqliteConnection connection)
        {
            return false;
        }
        db.Database.OpenConnection();
        using var tx = connection.BeginTransaction(deferred: false);
        using var diagnoses = diagnosisInsert.Prepare(connection, tx);
        using var attempts = attemptInsert.Prepare(connection, tx);
        foreach (var item in group)
        {
            diagnoses.Insert(item.Record);
            foreach (var attempt in item.Record.Attempts)
            {
                attempt.DiagnosisId = item.Record.Id;
                attempts.Insert(attempt);
            }
        }
        tx.Commit();
        return true;
    }

    private (SqliteRowInsert? Diagnosis, SqliteRowInsert? Attempt)? inserts;

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

    /// <summary>Group commit where the database takes one writer at a time (SQLite), plain transactions elsewhere.</summary>
    public static IDiagnosisWriter Create(IServiceProvider services)
    {
        var factory = services.GetRequiredService<IDbContextFactory<ApplicationDbContext>>();
        using var db = factory.CreateDbContext();
        return db.Database.IsSqlite()
            ? new GroupedDiagnosisWriter(factory, services.GetRequiredService<ILogger<GroupedDiagnosisWriter>>())
            : new DirectDiagnosisWriter(factory);
    }
}
