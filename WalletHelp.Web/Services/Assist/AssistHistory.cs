using Microsoft.EntityFrameworkCore;
using WalletHelp.Web.Data;
using WalletHelp.Web.Services.Audit;

namespace WalletHelp.Web.Services.Assist;

/// <summary>One live-assist session recorded against a diagnosis: when, which staff took part, what they sent.</summary>
public sealed record AssistSessionSummary(DateTimeOffset StartedAt, DateTimeOffset LastAt, IReadOnlyList<string> Agents,
    int Hints, int Pointers, int StepsSuggested, int HandOvers, int Invitations, bool EndedByUser);

/// <summary>
/// The live-assist sessions of a case, read from the audit log (the only place they are kept: live sessions are
/// in memory). <c>assist.linked</c> ties a session (<c>assist:&lt;8 hex&gt;</c>) to the reference; its entries before
/// that carry the session, later ones the reference — those go to the session linked most recently before them.
/// </summary>
public sealed class AssistHistory(IDbContextFactory<ApplicationDbContext> dbFactory)
{
    private const string Prefix = "assist.";

    public async Task<IReadOnlyList<AssistSessionSummary>> ForAsync(string reference, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(reference);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var links = await db.AuditEntries.AsNoTracking()
            .Where(e => e.Action == AuditActions.AssistLinked && e.Target == reference && e.Detail != null)
            .Select(e => new { e.At, Session = e.Detail! })
            .ToListAsync(cancellationToken);
        if (links.Count == 0)
        {
            return [];
        }
        var sessions = links.Select(l => l.Session).Distinct().ToList();
        var entries = await db.AuditEntries.AsNoTracking()
            .Where(e => e.Action.StartsWith(Prefix) && e.Action != AuditActions.AssistLinked
                && (e.Target == reference || sessions.Contains(e.Target!)))
            .Select(e => new { e.At, e.Actor, e.ActorId, e.Action, e.Target })
            .ToListAsync(cancellationToken);
        var ordered = links.OrderBy(l => l.At).ToList();
        var groups = entries.GroupBy(e => e.Target == reference
            ? ordered.LastOrDefault(l => l.At <= e.At)?.Session ?? ordered[0].Session
            : e.Target!);
        return [.. groups.Select(g =>
        {
            var list = g.OrderBy(e => e.At).ToList();
            int Count(string action) => list.Count(e => e.Action == action);
            return new AssistSessionSummary(
                list[0].At,
                list[^1].At,
                [.. list.Where(e => e.ActorId is not null && e.Action != AuditActions.AssistStarted && e.Action != AuditActions.AssistEnded)
                    .Select(e => e.Actor).Distinct()],
                Count(AuditActions.AssistHint),
                Count(AuditActions.AssistPointed),
                Count(AuditActions.AssistStepSuggested),
                Count(AuditActions.AssistHandOver),
                Count(AuditActions.AssistInvited),
                list.Any(e => e.Action == AuditActions.AssistEnded));
        }).OrderByDescending(s => s.StartedAt)];
    }
}
