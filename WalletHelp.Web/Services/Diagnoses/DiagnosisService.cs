using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using WalletHelp.Core.Diagnostics;
using WalletHelp.Web.Data;
using WalletHelp.Web.Data.Diagnoses;
using WalletHelp.Web.Infrastructure.Security;
using WalletHelp.Web.Services.Audit;
using WalletHelp.Web.Services.Status;
using WalletHelp.Core.Localization;

namespace WalletHelp.Web.Services.Diagnoses;

/// <summary>A diagnosis as the API and the pages show it.</summary>
public sealed record DiagnosisView(
    string Reference,
    DateTimeOffset CreatedAt,
    Symptom Symptom,
    Outcome Outcome,
    DateTimeOffset? RetryAfter,
    string RuleSetVersion,
    IReadOnlyList<Finding> Findings,
    string Language,
    string Status,
    bool? Helpful,
    JsonElement? MaskedInput,
    IReadOnlyList<DiagnosisNoteView> Notes,
    string? OwnerUserId,
    int ParameterSet = 0,
    IReadOnlyList<DiagnosisAttemptView>? AttemptList = null)
{
    /// <summary>Every run under this reference, latest first (one for a diagnosis never re-run).</summary>
    public IReadOnlyList<DiagnosisAttemptView> Attempts => AttemptList ?? [];

    /// <summary>Why it was resolved or escalated (a <c>CaseReasons</c> code) and the agent's words on it.</summary>
    public string? StatusReason { get; init; }

    public string? StatusNote { get; init; }

    public string? AssigneeUserId { get; init; }

    public string? AssigneeName { get; init; }

    /// <summary>The member of staff who ran it on a caller's behalf (guided call), else null.</summary>
    public string? CreatorName { get; init; }

    /// <summary>Status and assignment changes, newest first.</summary>
    public IReadOnlyList<CaseEventView> CaseEvents { get; init; } = [];
}

/// <summary>One change to a case: <c>status</c> (from → to, with the reason) or <c>assignee</c> (from → to).</summary>
public sealed record CaseEventView(DateTimeOffset At, string Actor, string Kind, string? From, string? To, string? Reason, string? Note);

/// <summary>What the agent console lists: filters (all optional) and the newest <see cref="Take"/> matches.</summary>
public sealed record CaseQuery(string? Status = null, string? AssigneeUserId = null, string? Symptom = null, string? Outcome = null,
    DateOnly? From = null, DateOnly? To = null, string? Reference = null, int Take = 50);

public sealed record CaseListItem(string Reference, DateTimeOffset CreatedAt, Symptom Symptom, Outcome Outcome, string Status,
    string? AssigneeName, int Attempts);

/// <summary>What became of a case change: <see cref="CaseChangeResult.Invalid"/> comes with the problems (<see cref="CaseChangeRules"/>).</summary>
public sealed record CaseChangeOutcome(CaseChangeResult Result, IReadOnlyList<CaseChangeProblem> Problems);

public enum CaseChangeResult
{
    Changed,
    NotFound,
    /// <summary>Unknown status, or a reason missing or not in the list for resolved / escalated.</summary>
    Invalid,
}

/// <summary>One run under a reference: its number (1 = the first), when, what it decided and found.</summary>
public sealed record DiagnosisAttemptView(int Number, DateTimeOffset CreatedAt, Outcome Outcome, DateTimeOffset? RetryAfter, IReadOnlyList<Finding> Findings);

public sealed record DiagnosisNoteView(DateTimeOffset CreatedAt, string Author, string Text);

/// <summary>
/// Who is asking to run or see a diagnosis. <paramref name="Client"/> is the address whose write budget a new
/// diagnosis spends (<see cref="WriteLimits"/>); null only for in-process callers (seeding, tests).
/// </summary>
public sealed record Requester(string? UserId, string? BrowserId, bool IsStaff, string? Client = null);

/// <summary>A text field of the input is longer than <see cref="InputLimits"/> allows; nothing was stored.</summary>
public sealed class InputTooLongException(IReadOnlyList<(string Field, int Max)> fields)
    : ArgumentException("Input fields over their length limit: " + string.Join(", ", fields.Select(f => $"{f.Field} (max {f.Max})")))
{
    public IReadOnlyList<(string Field, int Max)> Fields { get; } = fields;
}

/// <summary>
/// The one code path behind the API and the wizards: reads the service schedule, runs the Core engine,
/// stores the masked result under a fresh reference.
/// </summary>
public sealed class DiagnosisService(
    IDiagnosisEngine engine,
    ServiceStatusService status,
    KeyedHasher hasher,
    IDbContextFactory<ApplicationDbContext> dbFactory,
    TimeProvider time,
    WriteLimits limits,
    IAuditLog audit,
    ILogger<DiagnosisService> logger,
    IDiagnosisWriter writer)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>
    /// Runs and stores a diagnosis. Every path that writes one comes through here, so the limits live here: the
    /// input's length limits (<see cref="InputTooLongException"/>) and the requester's per-minute budget
    /// (<see cref="WriteLimitExceededException"/>), checked in that order and before anything is stored.
    /// </summary>
    public Task<DiagnosisView> RunAsync(DiagnosisInput input, string language, Requester requester, CancellationToken cancellationToken = default) =>
        RunCoreAsync(input, language, requester, null, null, cancellationToken);

    /// <summary>
    /// A guided call: <paramref name="agent"/> ran the wizard on a caller's behalf. A normal diagnosis (same limits,
    /// masked storage) whose creator is the agent; it belongs to no user or browser (the caller has only the reference),
    /// and the audit log gets <c>guide.completed</c> against the new reference.
    /// </summary>
    public Task<DiagnosisView> RunGuidedAsync(DiagnosisInput input, string language, Requester requester, AuditActor agent,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(agent);
        return RunCoreAsync(input, language, requester with { UserId = null, BrowserId = null }, null, agent, cancellationToken);
    }

    /// <summary>
    /// "Edit this answer" or a re-run after a fix: the new run becomes the next attempt under <paramref name="reference"/>
    /// (same code, the diagnosis now shows the latest attempt) when the requester ran that diagnosis and it is for the
    /// same symptom; otherwise it is a new diagnosis with a new reference. Same limits as <see cref="RunAsync"/>.
    /// </summary>
    public Task<DiagnosisView> RunAgainAsync(string reference, DiagnosisInput input, string language, Requester requester,
        CancellationToken cancellationToken = default) =>
        RunCoreAsync(input, language, requester, reference, null, cancellationToken);

    private async Task<DiagnosisView> RunCoreAsync(DiagnosisInput input, string language, Requester requester, string? again,
        AuditActor? creator, CancellationToken cancellationToken)
    {
        if (InputLimits.Exceeded(input) is { Count: > 0 } tooLong)
        {
            throw new InputTooLongException(tooLong);
        }
        if (requester.Client is not null)
        {
            await limits.AcquireAsync(WriteKind.Diagnosis, requester.Client, cancellationToken);
        }
        var schedule = await status.GetScheduleAsync(Languages.IsEnglish(language), cancellationToken);
        var report = engine.Diagnose(input, schedule);
        foreach (var failure in report.Failures)
        {
            // Exception messages can quote their input (e.g. FormatException): scrub before logging.
            logger.LogError("Rule {Code} failed: {Error}", failure.Code, PersonalDataMasking.ScrubFreeText(failure.Error));
        }

        var now = time.GetUtcNow();
        var attempt = new DiagnosisAttempt
        {
            CreatedAt = now,
            Outcome = report.Outcome.ToCode(),
            RetryAfter = report.RetryAfter,
            RuleSetVersion = report.RuleSetVersion,
            ParameterSet = report.ParameterSet,
            FindingsJson = JsonSerializer.Serialize(report.Findings.Select(StoredFinding.From), Json),
            MaskedInputJson = JsonSerializer.Serialize(PersonalDataMasking.Mask(input), Json),
            Codes = string.Join(',', report.Findings.Select(f => f.Code)),
        };
        var idHash = await hasher.HashAsync(PersonalDataMasking.Canonical(input.Personal?.IdNumber), cancellationToken);
        var cardHash = await hasher.HashAsync(PersonalDataMasking.Canonical(input.Bank?.CardNumber), cancellationToken);

        if (again is not null && ReferenceCode.TryNormalize(again, out var normalized)
            && await RunAgainUnderAsync(normalized, attempt, report, language, requester, idHash, cardHash, cancellationToken) is { } rerun)
        {
            return rerun;
        }

        attempt.Number = 1;
        var record = new DiagnosisRecord
        {
            Reference = ReferenceCode.New(),
            CreatedAt = now,
            Symptom = report.Symptom.ToCode(),
            Outcome = attempt.Outcome,
            RetryAfter = attempt.RetryAfter,
            Language = language,
            RuleSetVersion = attempt.RuleSetVersion,
            ParameterSet = attempt.ParameterSet,
            FindingsJson = attempt.FindingsJson,
            MaskedInputJson = attempt.MaskedInputJson,
            IdNumberHash = idHash,
            CardNumberHash = cardHash,
            OwnerUserId = requester.UserId,
            CreatorUserId = creator?.UserId,
            CreatorName = creator?.Name,
            BrowserHash = await hasher.HashAsync(requester.BrowserId is null ? null : "browser:" + requester.BrowserId, cancellationToken),
            Codes = attempt.Codes,
            Attempts = [attempt],
        };

        if (creator is null)
        {
            // Committed before this returns; on SQLite in a group with other requests' diagnoses (GroupedDiagnosisWriter).
            // Not cancelled with the request: once taken, the write completes and the reference stays valid.
            await writer.AddAsync(record, CancellationToken.None);
        }
        else
        {
            await AddGuidedAsync(record, creator, cancellationToken);
        }
        logger.LogInformation("Diagnosis {Reference}: {Symptom} → {Outcome} ({Codes})", record.Reference, record.Symptom, record.Outcome, record.Codes);
        return ToView(record, report);
    }

    /// <summary>
    /// A guided call's diagnosis, recorded in the same transaction as the audit entry that says who made it (rare, so
    /// not grouped with other writes).
    /// </summary>
    private async Task AddGuidedAsync(DiagnosisRecord record, AuditActor creator, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.Diagnoses.Add(record);
        var guided = audit.Add(db, creator, AuditActions.GuideCompleted, record.Reference, $"{record.Symptom} → {record.Outcome}");
        for (var retry = 0; ; retry++)
        {
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return;
            }
            catch (DbUpdateException) when (retry < DiagnosisWrites.ReferenceRetries)
            {
                // 32^8 references make a clash unlikely, but a unique index decides; draw again.
                record.Reference = ReferenceCode.New();
                guided.Target = record.Reference;
            }
        }
    }

    /// <summary>The next attempt under an existing reference, when the requester ran it and it is the same symptom; else null.</summary>
    private async Task<DiagnosisView?> RunAgainUnderAsync(string normalized, DiagnosisAttempt attempt, DiagnosticReport report, string language,
        Requester requester, string? idHash, string? cardHash, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.Diagnoses.Include(d => d.Attempts).Include(d => d.Notes)
                .FirstOrDefaultAsync(d => d.Reference == normalized, cancellationToken) is { } existing
            && existing.Symptom == report.Symptom.ToCode()
            && await RanItAsync(existing, requester with { IsStaff = false }, cancellationToken))
        {
            attempt.Number = (existing.Attempts.Count == 0 ? 1 : existing.Attempts.Max(a => a.Number)) + 1;
            existing.Attempts.Add(attempt);
            existing.Outcome = attempt.Outcome;
            existing.RetryAfter = attempt.RetryAfter;
            existing.Language = language;
            existing.RuleSetVersion = attempt.RuleSetVersion;
            existing.ParameterSet = attempt.ParameterSet;
            existing.FindingsJson = attempt.FindingsJson;
            existing.MaskedInputJson = attempt.MaskedInputJson;
            existing.Codes = attempt.Codes;
            existing.IdNumberHash = idHash;
            existing.CardNumberHash = cardHash;
            existing.OwnerUserId ??= requester.UserId;
            await db.SaveChangesAsync(cancellationToken);
            logger.LogInformation("Diagnosis {Reference} attempt {Number}: {Symptom} → {Outcome} ({Codes})",
                existing.Reference, attempt.Number, existing.Symptom, existing.Outcome, existing.Codes);
            return ToView(existing);
        }
        return null;
    }

    /// <summary>Staff, the signed-in owner, or the browser that ran it.</summary>
    private async Task<bool> RanItAsync(DiagnosisRecord record, Requester requester, CancellationToken cancellationToken) =>
        requester.IsStaff
        || (requester.UserId is not null && record.OwnerUserId == requester.UserId)
        || (requester.BrowserId is not null && record.BrowserHash is not null
            && record.BrowserHash == await hasher.HashAsync("browser:" + requester.BrowserId, cancellationToken));

    /// <summary>Staff see every diagnosis; others only what they ran (signed-in owner or the same browser).</summary>
    public async Task<DiagnosisView?> FindForAsync(string reference, Requester requester, CancellationToken cancellationToken = default)
    {
        var record = await LoadAsync(reference, cancellationToken);
        if (record is null)
        {
            return null;
        }
        return await RanItAsync(record, requester, cancellationToken) ? ToView(record) : null;
    }

    public async Task<IReadOnlyList<DiagnosisView>> ListForUserAsync(string userId, int take = 100, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var records = await db.Diagnoses.AsNoTracking()
            .Where(d => d.OwnerUserId == userId)
            .OrderByDescending(d => d.CreatedAt)
            .Take(take)
            .ToListAsync(cancellationToken);
        return [.. records.Select(r => ToView(r))];
    }

    public async Task<IReadOnlyList<DiagnosisView>> ListRecentAsync(int take = 50, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var records = await db.Diagnoses.AsNoTracking()
            .OrderByDescending(d => d.CreatedAt)
            .Take(take)
            .ToListAsync(cancellationToken);
        return [.. records.Select(r => ToView(r))];
    }

    /// <summary>Adds an agent's note; personal numbers typed into it are masked before storage.</summary>
    public async Task<bool> AddNoteAsync(string reference, AuditActor actor, string text, CancellationToken cancellationToken = default)
    {
        var author = actor.Name;
        var scrubbed = PersonalDataMasking.ScrubFreeText(text.Trim()) ?? "";
        if (scrubbed.Length == 0 || !ReferenceCode.TryNormalize(reference, out var normalized))
        {
            return false;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var id = await db.Diagnoses.Where(d => d.Reference == normalized).Select(d => (long?)d.Id).FirstOrDefaultAsync(cancellationToken);
        if (id is null)
        {
            return false;
        }
        db.DiagnosisNotes.Add(new DiagnosisNote
        {
            DiagnosisId = id.Value,
            CreatedAt = time.GetUtcNow(),
            Author = author,
            Text = scrubbed.Length > 4000 ? scrubbed[..4000] : scrubbed,
        });
        audit.Add(db, actor, AuditActions.CaseNoteAdded, normalized);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>Changes the status without a reason of the agent's own ("other" where one is needed).</summary>
    public async Task<bool> SetStatusAsync(string reference, string status, AuditActor actor, CancellationToken cancellationToken = default) =>
        await SetCaseStatusAsync(reference, status, CaseVocabulary.NeedsReason(status) ? "other" : null, null, actor, cancellationToken)
            == CaseChangeResult.Changed;

    /// <summary>
    /// Sets a case's status; resolved and escalated need a reason from <see cref="CaseReasons"/> (plus optional words,
    /// scrubbed). The change, a case event (who, when) and an audit entry are written in one transaction.
    /// </summary>
    public async Task<CaseChangeResult> SetCaseStatusAsync(string reference, string status, string? reason, string? note, AuditActor actor,
        CancellationToken cancellationToken = default) =>
        (await ChangeCaseAsync(reference, new CaseChange(status, reason, string.IsNullOrWhiteSpace(note) ? null : note), actor, cancellationToken)).Result;

    /// <summary>Assigns the case to <paramref name="actor"/> (or, with <paramref name="toActor"/> false, to nobody).</summary>
    public async Task<bool> AssignAsync(string reference, AuditActor actor, bool toActor, CancellationToken cancellationToken = default) =>
        (await ChangeCaseAsync(reference, new CaseChange(Assignee: toActor ? CaseChange.Me : ""), actor, cancellationToken)).Result
            == CaseChangeResult.Changed;

    /// <summary>
    /// Changes a case's status (with reason) and/or assignee, checked by <see cref="CaseChangeRules"/> (the page's rules);
    /// an assignee named by email must be an agent or admin. Each change is a case event (who, when) and an audit entry,
    /// written with the change in one transaction.
    /// </summary>
    public async Task<CaseChangeOutcome> ChangeCaseAsync(string reference, CaseChange change, AuditActor actor,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(actor);
        var problems = CaseChangeRules.Check(change);
        if (problems.Count > 0)
        {
            return new CaseChangeOutcome(CaseChangeResult.Invalid, problems);
        }
        if (!ReferenceCode.TryNormalize(reference, out var normalized))
        {
            return new CaseChangeOutcome(CaseChangeResult.NotFound, []);
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var record = await db.Diagnoses.FirstOrDefaultAsync(d => d.Reference == normalized, cancellationToken);
        if (record is null)
        {
            return new CaseChangeOutcome(CaseChangeResult.NotFound, []);
        }
        (string? Id, string? Name) assignee = (null, null);
        if (change.Assignee is { } named)
        {
            if (await AssigneeAsync(db, named, actor, cancellationToken) is not { } found)
            {
                return new CaseChangeOutcome(CaseChangeResult.Invalid, [new CaseChangeProblem("assignee", "assignee-unknown")]);
            }
            assignee = found;
        }
        var now = time.GetUtcNow();
        if (change.Status is { } status)
        {
            var words = PersonalDataMasking.ScrubFreeText(change.ReasonText?.Trim());
            words = string.IsNullOrEmpty(words) ? null : words.Length > CaseChangeRules.MaxReasonText ? words[..CaseChangeRules.MaxReasonText] : words;
            var reason = change.Reason;
            var previous = record.Status;
            record.Status = status;
            record.StatusReason = reason;
            record.StatusNote = words;
            record.StatusChangedAt = now;
            db.DiagnosisCaseEvents.Add(new DiagnosisCaseEvent
            {
                DiagnosisId = record.Id, At = now, Actor = actor.Name, ActorId = actor.UserId, Kind = "status",
                From = previous, To = status, Reason = reason, Note = words,
            });
            audit.Add(db, actor, AuditActions.CaseStatusChanged, normalized, reason is null ? $"{previous} → {status}" : $"{previous} → {status} ({reason})");
        }
        if (change.ChangesAssignee)
        {
            var previous = record.AssigneeName;
            record.AssigneeUserId = assignee.Id;
            record.AssigneeName = assignee.Name;
            db.DiagnosisCaseEvents.Add(new DiagnosisCaseEvent
            {
                DiagnosisId = record.Id, At = now, Actor = actor.Name, ActorId = actor.UserId, Kind = "assignee",
                From = previous, To = record.AssigneeName,
            });
            audit.Add(db, actor, AuditActions.CaseAssigned, normalized, $"{previous ?? "-"} → {record.AssigneeName ?? "-"}");
        }
        await db.SaveChangesAsync(cancellationToken);
        return new CaseChangeOutcome(CaseChangeResult.Changed, []);
    }

    /// <summary>"me" → the actor; "" → nobody (ids null); an email → that agent or admin; null when there is no such member of staff.</summary>
    private static async Task<(string? Id, string? Name)?> AssigneeAsync(ApplicationDbContext db, string named, AuditActor actor,
        CancellationToken cancellationToken)
    {
        if (named.Length == 0) return (null, null);
        if (string.Equals(named, CaseChange.Me, StringComparison.OrdinalIgnoreCase))
        {
            return actor.UserId is null ? null : (actor.UserId, actor.Name);
        }
        var email = named.Trim().ToUpperInvariant();
        var staff = await (from user in db.Users
                           join link in db.UserRoles on user.Id equals link.UserId
                           join role in db.Roles on link.RoleId equals role.Id
                           where user.NormalizedEmail == email && (role.Name == Roles.Agent || role.Name == Roles.Admin)
                           select new { user.Id, user.UserName }).FirstOrDefaultAsync(cancellationToken);
        return staff is null ? null : (staff.Id, staff.UserName ?? named.Trim());
    }

    /// <summary>Cases for the agent console, newest first.</summary>
    public async Task<IReadOnlyList<CaseListItem>> ListCasesAsync(CaseQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var cases = db.Diagnoses.AsNoTracking();
        if (!string.IsNullOrEmpty(query.Status)) cases = cases.Where(d => d.Status == query.Status);
        if (!string.IsNullOrEmpty(query.AssigneeUserId)) cases = cases.Where(d => d.AssigneeUserId == query.AssigneeUserId);
        if (!string.IsNullOrEmpty(query.Symptom)) cases = cases.Where(d => d.Symptom == query.Symptom);
        if (!string.IsNullOrEmpty(query.Outcome)) cases = cases.Where(d => d.Outcome == query.Outcome);
        if (query.From is { } from)
        {
            var start = WalletHelp.Core.ChinaTime.StartOfDay(from);
            cases = cases.Where(d => d.CreatedAt >= start);
        }
        if (query.To is { } to)
        {
            var end = WalletHelp.Core.ChinaTime.StartOfDay(to).AddDays(1);
            cases = cases.Where(d => d.CreatedAt < end);
        }
        if (ReferenceSearch(query.Reference) is { } search)
        {
            cases = cases.Where(d => d.Reference.Replace("-", "").Contains(search));
        }
        var rows = await cases.OrderByDescending(d => d.CreatedAt).Take(Math.Clamp(query.Take, 1, 200))
            .Select(d => new { d.Reference, d.CreatedAt, d.Symptom, d.Outcome, d.Status, d.AssigneeName, Attempts = d.Attempts.Count })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r =>
        {
            Codes.TryParseSymptom(r.Symptom, out var symptom);
            Codes.TryParseKebab<Outcome>(r.Outcome, out var outcome);
            return new CaseListItem(r.Reference, r.CreatedAt, symptom, outcome, r.Status, r.AssigneeName, Math.Max(1, r.Attempts));
        })];
    }

    /// <summary>A reference or part of one as read out: upper case, no spaces or dashes, O read as 0, I/L as 1.</summary>
    internal static string? ReferenceSearch(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var clean = new string([.. text.ToUpperInvariant().Where(char.IsAsciiLetterOrDigit)]);
        if (clean.StartsWith("WH", StringComparison.Ordinal)) clean = clean[2..];
        clean = clean.Replace('O', '0').Replace('I', '1').Replace('L', '1');
        return clean.Length == 0 ? null : clean;
    }

    /// <summary>A guided call started or ended without a diagnosis (<c>guide.*</c>; the symptom only, never an answer).</summary>
    public Task RecordGuideAsync(string action, AuditActor actor, string? symptom, CancellationToken cancellationToken = default) =>
        audit.WriteAsync(actor, action, "guide", symptom, cancellationToken);

    /// <summary>Records that a member of staff opened a case (page or API).</summary>
    public Task RecordOpenedAsync(string reference, AuditActor actor, CancellationToken cancellationToken = default) =>
        audit.WriteAsync(actor, AuditActions.CaseOpened, reference, cancellationToken: cancellationToken);

    /// <summary>"Was this helpful?"; throws <see cref="WriteLimitExceededException"/> when <paramref name="client"/>'s feedback budget is spent.</summary>
    public async Task<bool> RecordHelpfulAsync(string reference, bool helpful, string? comment, CancellationToken cancellationToken = default,
        string? client = null)
    {
        if (client is not null)
        {
            await limits.AcquireAsync(WriteKind.Feedback, client, cancellationToken);
        }
        if (!ReferenceCode.TryNormalize(reference, out var normalized))
        {
            return false;
        }
        var scrubbed = PersonalDataMasking.ScrubFreeText(comment?.Trim());
        if (scrubbed is { Length: > 1000 })
        {
            scrubbed = scrubbed[..1000];
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Diagnoses.Where(d => d.Reference == normalized)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Helpful, helpful).SetProperty(d => d.HelpfulComment, scrubbed), cancellationToken) > 0;
    }

    private async Task<DiagnosisRecord?> LoadAsync(string reference, CancellationToken cancellationToken)
    {
        if (!ReferenceCode.TryNormalize(reference, out var normalized))
        {
            return null;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Diagnoses.AsNoTracking().Include(d => d.Notes).Include(d => d.Attempts).Include(d => d.CaseEvents)
            .AsSplitQuery().FirstOrDefaultAsync(d => d.Reference == normalized, cancellationToken);
    }

    /// <param name="justStored">
    /// The report a record with one attempt was just stored from: its findings are taken from it instead of read back
    /// from the JSON just written (that round trip, for the diagnosis and its attempt, was a tenth of a diagnosis's CPU).
    /// </param>
    private static DiagnosisView ToView(DiagnosisRecord record, DiagnosticReport? justStored = null)
    {
        Codes.TryParseSymptom(record.Symptom, out var symptom);
        Codes.TryParseKebab<Outcome>(record.Outcome, out var outcome);
        var fresh = justStored is null ? null : FindingOrder.Sort(justStored.Findings.Select(StoredFinding.Copy), outcome);
        return new DiagnosisView(
            record.Reference,
            record.CreatedAt,
            symptom,
            outcome,
            record.RetryAfter,
            record.RuleSetVersion,
            fresh ?? ReadFindings(record.FindingsJson, outcome),
            record.Language,
            record.Status,
            record.Helpful,
            JsonSerializer.Deserialize<JsonElement>(record.MaskedInputJson),
            [.. record.Notes.OrderBy(n => n.CreatedAt).Select(n => new DiagnosisNoteView(n.CreatedAt, n.Author, n.Text))],
            record.OwnerUserId,
            record.ParameterSet,
            [.. record.Attempts.OrderByDescending(a => a.Number).Select(a =>
            {
                Codes.TryParseKebab<Outcome>(a.Outcome, out var attemptOutcome);
                return new DiagnosisAttemptView(a.Number, a.CreatedAt, attemptOutcome, a.RetryAfter,
                    fresh ?? ReadFindings(a.FindingsJson, attemptOutcome));
            })])
        {
            StatusReason = record.StatusReason,
            StatusNote = record.StatusNote,
            AssigneeUserId = record.AssigneeUserId,
            AssigneeName = record.AssigneeName,
            CreatorName = record.CreatorName,
            CaseEvents = [.. record.CaseEvents.OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
                .Select(e => new CaseEventView(e.At, e.Actor, e.Kind, e.From, e.To, e.Reason, e.Note))],
        };
    }

    /// <summary>Stored findings, in the order of what to act on (results stored before that order get it when read).</summary>
    private static IReadOnlyList<Finding> ReadFindings(string json, Outcome outcome) =>
        FindingOrder.Sort((JsonSerializer.Deserialize<List<StoredFinding>>(json, Json) ?? []).Select(f => f.ToFinding()), outcome);

    /// <summary>Language-neutral stored shape of a finding.</summary>
    private sealed record StoredFinding(string Code, string Severity, string? Field, bool SelfService, Dictionary<string, string>? Args)
    {
        public static StoredFinding From(Finding f) =>
            new(f.Code, f.Severity.ToCode(), f.Field, f.SelfService, f.Args is null ? null : new Dictionary<string, string>(f.Args));

        /// <summary>What storing <paramref name="f"/> and reading it back gives: its own copy of the arguments.</summary>
        public static Finding Copy(Finding f) =>
            new(f.Code, f.Severity, f.Field, f.SelfService, f.Args is null ? null : new Dictionary<string, string>(f.Args));

        public Finding ToFinding()
        {
            Codes.TryParseKebab<Severity>(Severity, out var severity);
            return new Finding(Code, severity, Field, SelfService, Args);
        }
    }

    public static CultureInfo CultureFor(string? language) => Languages.Culture(language);
}
