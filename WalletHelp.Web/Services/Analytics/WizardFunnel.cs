using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using WalletHelp.Core;
using WalletHelp.Web.Data;
using WalletHelp.Web.Data.Analytics;

namespace WalletHelp.Web.Services.Analytics;

/// <summary>A wizard run reached a stage (step number, or <see cref="FunnelDayCount.ResultStage"/>) of a symptom. No run id, no person.</summary>
public readonly record struct FunnelEvent(DateTimeOffset At, string Symptom, int Stage, string StepKey);

/// <summary>
/// Takes wizard step views off the request path: <see cref="Record"/> only puts the event into a bounded in-memory
/// queue (dropping it when the queue is full) and never throws, so counting can never fail or slow the person's
/// action; <see cref="WizardFunnelWriter"/> writes the queue in batches.
/// </summary>
public sealed class WizardFunnelRecorder
{
    public const int Capacity = 10_000;

    /// <summary>The stage number of "saw the result" (after the steps).</summary>
    public const int ResultStage = FunnelDayCount.ResultStage;

    private readonly Channel<FunnelEvent> channel;
    private long dropped;

    public WizardFunnelRecorder(TimeProvider time) : this(time, Capacity)
    {
    }

    public WizardFunnelRecorder(TimeProvider time, int capacity)
    {
        this.time = time;
        channel = Channel.CreateBounded<FunnelEvent>(
            new BoundedChannelOptions(capacity) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true },
            _ => Interlocked.Increment(ref dropped));
    }

    private readonly TimeProvider time;

    public ChannelReader<FunnelEvent> Reader => channel.Reader;

    /// <summary>Events dropped because the queue was full (or closed).</summary>
    public long Dropped => Interlocked.Read(ref dropped);

    public void Record(string symptom, int stage, string stepKey)
    {
        // When full, DropWrite discards this event (counted by the callback); false only once the queue is closed.
        if (!channel.Writer.TryWrite(new FunnelEvent(time.GetUtcNow(), symptom, stage, stepKey)))
        {
            Interlocked.Increment(ref dropped);
        }
    }
}

/// <summary>Writes queued funnel events: up to <see cref="BatchSize"/> at a time, summed per day, symptom and stage, one transaction per batch.</summary>
public sealed class WizardFunnelWriter(WizardFunnelRecorder recorder, IDbContextFactory<ApplicationDbContext> dbFactory, ILogger<WizardFunnelWriter> logger)
    : BackgroundService
{
    public const int BatchSize = 500;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<FunnelEvent>(BatchSize);
        try
        {
            while (await recorder.Reader.WaitToReadAsync(stoppingToken))
            {
                while (batch.Count < BatchSize && recorder.Reader.TryRead(out var e)) batch.Add(e);
                await WriteAsync(batch, CancellationToken.None);
                batch.Clear();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: write what is queued.
            while (recorder.Reader.TryRead(out var e)) batch.Add(e);
            await WriteAsync(batch, CancellationToken.None);
        }
    }

    /// <summary>Adds a batch to the daily counts. Failures are logged and the batch dropped: counting must never take the app down.</summary>
    public async Task WriteAsync(IReadOnlyCollection<FunnelEvent> batch, CancellationToken cancellationToken)
    {
        if (batch.Count == 0) return;
        try
        {
            var groups = batch.GroupBy(e => (Day: ChinaTime.Today(e.At).DayNumber, e.Symptom, e.Stage))
                .Select(g => (g.Key.Day, g.Key.Symptom, g.Key.Stage, StepKey: g.First().StepKey, Count: (long)g.Count()));
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
            foreach (var (day, symptom, stage, key, count) in groups)
            {
                await (db.IsPostgres()
                    ? db.Database.ExecuteSqlInterpolatedAsync($"""
                    INSERT INTO "AnalyticsFunnelDays" ("Day", "Symptom", "Stage", "StepKey", "Count") VALUES ({day}, {symptom}, {stage}, {key}, {count})
                    ON CONFLICT ("Day", "Symptom", "Stage") DO UPDATE SET "Count" = "AnalyticsFunnelDays"."Count" + excluded."Count"
                    """, cancellationToken)
                    : db.Database.ExecuteSqlInterpolatedAsync($"""
                    INSERT INTO AnalyticsFunnelDays (Day, Symptom, Stage, StepKey, Count) VALUES ({day}, {symptom}, {stage}, {key}, {count})
                    ON CONFLICT (Day, Symptom, Stage) DO UPDATE SET Count = Count + excluded.Count
                    """, cancellationToken));
            }
            await tx.CommitAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning("Wizard funnel: {Count} step views not counted ({Error})", batch.Count, ex.GetType().Name);
        }
    }
}
