using WalletHelp.Core.Localization;
using Microsoft.EntityFrameworkCore;
using WalletHelp.Core.Diagnostics;
using WalletHelp.Web.Data;
using WalletHelp.Web.Data.Status;
using WalletHelp.Web.Infrastructure.ReaderPages;
using WalletHelp.Web.Services.Audit;

namespace WalletHelp.Web.Services.Status;

public enum ServiceAlertKind { Maintenance, Incident }

/// <summary>Something that stops wallets opening right now: the site-wide banner shows it on every page.</summary>
public sealed record ServiceAlert(ServiceAlertKind Kind, string Title, DateTimeOffset StartedAt, DateTimeOffset? EndsAt);

/// <summary>Maintenance windows and incidents: what the status page shows and the retry rules read.</summary>
/// <remarks>Every change is recorded in the audit log in the same transaction.</remarks>
public sealed class ServiceStatusService(IDbContextFactory<ApplicationDbContext> dbFactory, TimeProvider time, IAuditLog audit,
    IReaderCache? readerCache = null, StatusMemo? statusMemo = null)
{
    private readonly StatusMemo memo = statusMemo ?? new StatusMemo();

    // Cached reader pages and /api/v1/status show the status (and every page its banner): drop them after each change.
    // The reader cache also empties the memo (here and, through the cluster event, on every other instance).
    private Task StatusChangedAsync()
    {
        memo.Evict();
        return readerCache?.EvictAsync(ReaderCache.Status) ?? Task.CompletedTask;
    }

    /// <summary>
    /// <see cref="GetCurrentAsync"/>, kept in memory until the clock changes it (a window ends or starts, a resolved
    /// incident drops off) — at most <see cref="StatusMemo.MaxAge"/> — or the next status change: what every diagnosis
    /// and every page's banner read, so they cost no query.
    /// </summary>
    public async ValueTask<StatusBoard> GetCurrentCachedAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        if (memo.Board is { } kept && now >= kept.TakenAt && now < kept.RecheckAt)
        {
            return kept.Board;
        }
        var version = memo.Version;
        var board = await GetCurrentAsync(cancellationToken);
        memo.Keep(version, new StatusMemo.BoardEntry(board, now, RecheckAt(board, now)));
        return board;
    }

    private static DateTimeOffset RecheckAt(StatusBoard board, DateTimeOffset now)
    {
        var cap = now + StatusMemo.MaxAge;
        IEnumerable<DateTimeOffset> moments =
        [
            .. board.Maintenance.Select(m => m.StartsAt > now ? m.StartsAt : m.EndsAt),
            .. board.Incidents.Select(i => i.StartedAt > now ? i.StartedAt : i.ResolvedAt?.AddDays(1) ?? cap),
        ];
        return moments.Where(m => m > now).Append(cap).Min();
    }

    /// <summary>Windows that have not ended and incidents that are open or resolved within the last day.</summary>
    public async Task<StatusBoard> GetCurrentAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var recent = now.AddDays(-1);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var maintenance = await db.MaintenanceWindows.AsNoTracking()
            .Where(m => m.EndsAt > now)
            .OrderBy(m => m.StartsAt)
            .Take(50)
            .Select(m => new MaintenanceView(m.Id, m.StartsAt, m.EndsAt, m.Title, m.TitleEn, m.CreatedBy))
            .ToListAsync(cancellationToken);
        var incidents = await db.Incidents.AsNoTracking()
            .Where(i => i.ResolvedAt == null || i.ResolvedAt > recent)
            .OrderByDescending(i => i.StartedAt)
            .Take(50)
            .Select(i => new IncidentView(i.Id, i.StartedAt, i.ResolvedAt, i.Title, i.TitleEn, i.AffectsOpening, i.CreatedBy))
            .ToListAsync(cancellationToken);
        return new StatusBoard(maintenance, incidents);
    }

    /// <summary>
    /// Maintenance under way now and open incidents that affect opening (titles in the requested language), the
    /// maintenance first. Announced-but-future windows are for the status page, not a banner on every page.
    /// </summary>
    public async Task<IReadOnlyList<ServiceAlert>> GetActiveAlertsAsync(bool english, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var (windows, open) = await GetCurrentCachedAsync(cancellationToken);
        return
        [
            .. windows.Where(m => m.EndsAt > now && m.StartsAt <= now).OrderBy(m => m.EndsAt).Take(5)
                .Select(m => new ServiceAlert(ServiceAlertKind.Maintenance, m.TitleIn(english), m.StartsAt, m.EndsAt)),
            .. open.Where(i => i.ResolvedAt == null && i.AffectsOpening && i.StartedAt <= now).OrderByDescending(i => i.StartedAt).Take(5)
                .Select(i => new ServiceAlert(ServiceAlertKind.Incident, i.TitleIn(english), i.StartedAt, null)),
        ];
    }

    /// <summary>
    /// The next moment the banner or <c>/status</c> changes by the clock alone (a window starts or ends, an incident
    /// dated ahead starts, a resolved one drops off the page after a day), or null: how long a cached page may live.
    /// </summary>
    public async Task<DateTimeOffset?> NextChangeAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var recent = now.AddDays(-1);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var windows = await db.MaintenanceWindows.AsNoTracking()
            .Where(m => m.EndsAt > now)
            .Select(m => new { m.StartsAt, m.EndsAt })
            .ToListAsync(cancellationToken);
        var incidents = await db.Incidents.AsNoTracking()
            .Where(i => i.StartedAt > now || (i.ResolvedAt != null && i.ResolvedAt > recent))
            .Select(i => new { i.StartedAt, i.ResolvedAt })
            .ToListAsync(cancellationToken);
        IEnumerable<DateTimeOffset> moments =
        [
            .. windows.Select(w => w.StartsAt > now ? w.StartsAt : w.EndsAt),
            .. incidents.Select(i => i.StartedAt > now ? i.StartedAt : i.ResolvedAt!.Value.AddDays(1)),
        ];
        return moments.Where(m => m > now).Select(m => (DateTimeOffset?)m).Min();
    }

    /// <summary>
    /// <see cref="NextChangeAsync"/>, kept in memory until that moment (at most a minute) or the next status change:
    /// read by the output cache policy on every cacheable request.
    /// </summary>
    public async ValueTask<DateTimeOffset?> NextChangeCachedAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        if (memo.NextChange is { } kept && now < kept.RecheckAt)
        {
            return kept.Next;
        }
        var version = memo.Version;
        var next = await NextChangeAsync(cancellationToken);
        var recheck = now + StatusMemo.MaxAge;
        memo.Keep(version, new StatusMemo.NextChangeEntry(next, next is { } n && n < recheck ? n : recheck));
        return next;
    }

    /// <summary>The schedule handed to the rules (titles in the requested language).</summary>
    public async Task<ServiceSchedule> GetScheduleAsync(bool english, CancellationToken cancellationToken = default)
    {
        var (maintenance, incidents) = await GetCurrentCachedAsync(cancellationToken);
        return new ServiceSchedule(
            [.. maintenance.Select(m => new MaintenanceWindow(m.Id, m.StartsAt, m.EndsAt, m.TitleIn(english)))],
            [.. incidents.Select(i => new Incident(i.Id, i.StartedAt, i.ResolvedAt, i.TitleIn(english), i.AffectsOpening))]);
    }

    /// <summary>Checks the input (<see cref="StatusInputRules"/>) and stores it with its audit entry, or stores nothing.</summary>
    public async Task<StatusSaveResult<MaintenanceView>> AddMaintenanceAsync(MaintenanceInput input, AuditActor actor, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        if (StatusInputRules.Check(input, now) is { Count: > 0 } problems)
        {
            return new(null, problems);
        }
        var window = new MaintenanceWindowEntity
        {
            StartsAt = input.StartsAt!.Value,
            EndsAt = input.EndsAt!.Value,
            Title = input.Title!.Trim(),
            TitleEn = Optional(input.TitleEn),
            CreatedBy = CreatedBy(actor),
            CreatedAt = now,
        };
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        db.MaintenanceWindows.Add(window);
        await db.SaveChangesAsync(cancellationToken);
        audit.Add(db, actor, AuditActions.MaintenanceScheduled, $"maintenance:{window.Id}",
            $"{window.StartsAt.UtcDateTime:yyyy-MM-dd HH:mm}Z–{window.EndsAt.UtcDateTime:yyyy-MM-dd HH:mm}Z {window.Title}");
        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
        await StatusChangedAsync();
        return new(new MaintenanceView(window.Id, window.StartsAt, window.EndsAt, window.Title, window.TitleEn, window.CreatedBy), []);
    }

    /// <summary>Checks the input and stores the incident with its audit entry, or stores nothing.</summary>
    public async Task<StatusSaveResult<IncidentView>> AddIncidentAsync(IncidentInput input, AuditActor actor, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        if (StatusInputRules.Check(input, now) is { Count: > 0 } problems)
        {
            return new(null, problems);
        }
        var incident = new IncidentEntity
        {
            StartedAt = input.StartedAt ?? now,
            ResolvedAt = input.ResolvedAt,
            Title = input.Title!.Trim(),
            TitleEn = Optional(input.TitleEn),
            AffectsOpening = input.AffectsOpening,
            CreatedBy = CreatedBy(actor),
            CreatedAt = now,
        };
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Incidents.Add(incident);
        await db.SaveChangesAsync(cancellationToken);
        audit.Add(db, actor, AuditActions.IncidentReported, $"incident:{incident.Id}", incident.Title);
        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
        await StatusChangedAsync();
        return new(new IncidentView(incident.Id, incident.StartedAt, incident.ResolvedAt, incident.Title, incident.TitleEn,
            incident.AffectsOpening, incident.CreatedBy), []);
    }

    private static string? Optional(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string? CreatedBy(AuditActor actor) => actor.UserId is null && actor.Name is "anonymous" ? null : actor.Name;

    public async Task<bool> DeleteMaintenanceAsync(long id, AuditActor actor, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await db.MaintenanceWindows.Where(m => m.Id == id).ExecuteDeleteAsync(cancellationToken) == 0)
        {
            return false;
        }
        audit.Add(db, actor, AuditActions.MaintenanceDeleted, $"maintenance:{id}");
        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
        await StatusChangedAsync();
        return true;
    }

    public async Task<bool> ResolveIncidentAsync(long id, AuditActor actor, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await db.Incidents.Where(i => i.Id == id && i.ResolvedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.ResolvedAt, now), cancellationToken) == 0)
        {
            return false;
        }
        audit.Add(db, actor, AuditActions.IncidentResolved, $"incident:{id}");
        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
        await StatusChangedAsync();
        return true;
    }

    public async Task<bool> DeleteIncidentAsync(long id, AuditActor actor, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await db.Incidents.Where(i => i.Id == id).ExecuteDeleteAsync(cancellationToken) == 0)
        {
            return false;
        }
        audit.Add(db, actor, AuditActions.IncidentDeleted, $"incident:{id}");
        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
        await StatusChangedAsync();
        return true;
    }
}
