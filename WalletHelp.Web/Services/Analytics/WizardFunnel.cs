using Microsoft.EntityFrameworkCore;
using WalletHelp.Core;
using WalletHelp.Web.Data;
using WalletHelp.Web.Data.Analytics;
using WalletHelp.Web.Infrastructure;

namespace WalletHelp.Web.Services.Analytics;

/// <summary>A wizard run reached a stage (step number, or <see cref="FunnelDayCount.ResultStage"/>) of a symptom. No run id, no person.</summary>
public readonly record struct FunnelEvent(DateTimeOffset At, string Symptom, int Stage, string StepKey);

/// <summary>
/// Takes wizard step views off the request path (a <see cref="BatchQueue{T}"/>): <see cref="Record"/> only queues the
/// event, dropping and counting it when the queue is full, and never throws, so counting can never fail or slow the
/// person's action; <see cref="WizardFunnelWriter"/> writes the queue in batches.
/// </summary>
public sealed class WizardFunnelRecorder : BatchQueue<FunnelEvent>
{
    public const int Capacity = 10_000;

    /// <summary>The stage number of "saw the result" (after the steps).</summary>
    public const int ResultStage = FunnelDayCount.ResultStage;

    private readonly TimeProvider time;

    public WizardFunnelRecorder(TimeProvider time) : this(time, Capacity)
    {
    }

    public WizardFunnelRecorder(TimeProvider time, int capacity) : base(capacity)
    {
        this.time = time;
    }

    public void Record(string symptom, int stage, string stepKey) => TryAdd(new FunnelEvent(time.GetUtcNow(), symptom, stage, stepKey));
}

/// <summary>Writes queued funnel events: up to <see cref="BatchWriter{T}.BatchSize"/> at a time, summed per day, symptom and stage, one transaction per batch.</summary>
public sealed class WizardFunnelWriter(WizardFunnelRecorder recorder, IDbContextFactory<ApplicationDbContext> dbFactory, ILogger<WizardFunnelWriter> logger)
    : BatchWriter<FunnelEvent>(recorder)
{
    /// <summary>Adds a batch to the daily counts. Failures are logged and the batch dropped: counting must never take the app down.</summary>
    public override async Task WriteAsync(IReadOnlyCollection<FunnelEvent> batch, CancellationToken cancellationToken)
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
