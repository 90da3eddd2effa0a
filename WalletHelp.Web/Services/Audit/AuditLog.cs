using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using WalletHelp.Web.Data;
using WalletHelp.Web.Data.Audit;

namespace WalletHelp.Web.Services.Audit;

/// <summary>Who did something, and from which client address.</summary>
public sealed record AuditActor(string? UserId, string Name, string? ClientAddress)
{
    /// <summary>The application itself (start-up, command-line tools).</summary>
    public static AuditActor System { get; } = new(null, "system", null);

    public static AuditActor Named(string name, string? clientAddress = null) => new(null, name, clientAddress);

    public static AuditActor From(ClaimsPrincipal? user, string? clientAddress) =>
        user?.Identity?.IsAuthenticated == true
            ? new(user.FindFirstValue(ClaimTypes.NameIdentifier), user.Identity.Name ?? "?", clientAddress)
            : new(null, "anonymous", clientAddress);

    /// <summary>The signed-in user of an HTTP request (API endpoints, static pages) and its client address.</summary>
    public static AuditActor From(HttpContext http) => From(http.User, http.Connection.RemoteIpAddress?.ToString());
}

public sealed record AuditQuery(DateTimeOffset? From = null, DateTimeOffset? To = null, string? Actor = null, string? Action = null,
    int Page = 1, int PageSize = 50)
{
    public const int MaxPageSize = 200;
}

public sealed record AuditEntryView(long Id, DateTimeOffset At, string Actor, string Action, string? Target, string? Detail, string? ClientAddress);

public sealed record AuditPage(IReadOnlyList<AuditEntryView> Items, int Total, int Page, int PageSize);

/// <summary>
/// The audit log. <b>Pattern for writers</b>: a service that changes data calls
/// <see cref="Add"/> on the same <see cref="ApplicationDbContext"/> before its <c>SaveChangesAsync</c>, so the
/// change and its audit entry commit together or not at all:
/// <code>
/// db.Faq.Add(article);
/// audit.Add(db, actor, AuditActions.FaqSaved, $"faq:{article.Id}");
/// await db.SaveChangesAsync(ct);          // one transaction: both rows or neither
/// </code>
/// When the change is an <c>ExecuteUpdate</c>/<c>ExecuteDelete</c> (which bypass the change tracker), open a
/// transaction first (<c>db.Database.BeginTransactionAsync</c>), run it, <see cref="Add"/>, <c>SaveChangesAsync</c>,
/// then commit. <see cref="WriteAsync"/> is only for events that change nothing else (sign-ins, reads, exports).
/// Free text (actor, target, detail) is scrubbed of ID/card numbers and capped here, so callers need not.
/// </summary>
public interface IAuditLog
{
    /// <summary>Adds an entry to <paramref name="db"/>'s change tracker; the caller's SaveChanges writes it.</summary>
    AuditEntry Add(ApplicationDbContext db, AuditActor actor, string action, string? target = null, string? detail = null);

    /// <summary>Writes an entry on its own (for events that change no other data).</summary>
    Task WriteAsync(AuditActor actor, string action, string? target = null, string? detail = null, CancellationToken cancellationToken = default);

    /// <summary>Newest first, filtered and paged.</summary>
    Task<AuditPage> QueryAsync(AuditQuery query, CancellationToken cancellationToken = default);
}

public sealed class AuditLog(IDbContextFactory<ApplicationDbContext> factory, TimeProvider time) : IAuditLog
{
    public AuditEntry Add(ApplicationDbContext db, AuditActor actor, string action, string? target = null, string? detail = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentException.ThrowIfNullOrWhiteSpace(action);
        var entry = new AuditEntry
        {
            At = time.GetUtcNow(),
            ActorId = Cap(actor.UserId, 450),
            Actor = Clean(actor.Name, 256) ?? "?",
            Action = Cap(action, 64)!,
            Target = Clean(target, 256),
            Detail = Clean(detail, 500),
            ClientAddress = Clean(actor.ClientAddress, 64),
        };
        db.Set<AuditEntry>().Add(entry);
        return entry;
    }

    public async Task WriteAsync(AuditActor actor, string action, string? target = null, string? detail = null, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        Add(db, actor, action, target, detail);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<AuditPage> QueryAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        var page = Math.Max(1, query.Page);
        var size = Math.Clamp(query.PageSize, 1, AuditQuery.MaxPageSize);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var entries = db.Set<AuditEntry>().AsNoTracking();
        if (query.From is { } from)
        {
            entries = entries.Where(e => e.At >= from);
        }
        if (query.To is { } to)
        {
            entries = entries.Where(e => e.At < to);
        }
        if (!string.IsNullOrWhiteSpace(query.Actor))
        {
            var actor = query.Actor.Trim();
            entries = entries.Where(e => e.Actor.Contains(actor));
        }
        if (!string.IsNullOrWhiteSpace(query.Action))
        {
            var action = query.Action.Trim().ToLowerInvariant();
            entries = entries.Where(e => e.Action == action || e.Action.StartsWith(action + "."));
        }
        var total = await entries.CountAsync(cancellationToken);
        var items = await entries.OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Skip((page - 1) * size).Take(size)
            .Select(e => new AuditEntryView(e.Id, e.At, e.Actor, e.Action, e.Target, e.Detail, e.ClientAddress))
            .ToListAsync(cancellationToken);
        return new AuditPage(items, total, page, size);
    }

    private static string? Clean(string? text, int max) => Cap(WalletHelp.Core.Privacy.PersonalNumberScrubber.Scrub(text?.Trim()), max);

    private static string? Cap(string? text, int max) =>
        string.IsNullOrEmpty(text) ? null : text.Length > max ? text[..max] : text;
}
