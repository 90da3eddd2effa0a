using System.Globalization;
using System.Text.Json;
using WalletHelp.Core.Diagnostics;
using WalletHelp.Web.Services.Diagnoses;

namespace WalletHelp.Web.Api;

public sealed record FindingResponse(
    string Code, string Severity, string? Field, bool SelfService,
    string Title, string Explanation, IReadOnlyList<string> Remedies, IReadOnlyList<string> Faq);

public sealed record DiagnosisResponse(
    string Reference, DateTimeOffset CreatedAt, string Symptom, string Outcome, DateTimeOffset? RetryAfter,
    string RuleSetVersion, IReadOnlyList<FindingResponse> Findings, int ParameterSet);

public sealed record NoteResponse(DateTimeOffset CreatedAt, string Author, string Text);

/// <summary>One run under a reference (latest first in <see cref="StoredDiagnosisResponse.Attempts"/>).</summary>
public sealed record AttemptResponse(int Number, DateTimeOffset CreatedAt, string Outcome, DateTimeOffset? RetryAfter,
    IReadOnlyList<FindingResponse> Findings);

/// <summary>What agents get: the result (the latest attempt) plus the masked inputs, notes, case status and every attempt.</summary>
public sealed record StoredDiagnosisResponse(
    string Reference, DateTimeOffset CreatedAt, string Symptom, string Outcome, DateTimeOffset? RetryAfter,
    string RuleSetVersion, IReadOnlyList<FindingResponse> Findings, string Language, string Status, bool? Helpful,
    JsonElement? Input, IReadOnlyList<NoteResponse> Notes, int ParameterSet, IReadOnlyList<AttemptResponse> Attempts,
    string? Reason, string? ReasonText, CaseAssigneeResponse? Assignee, CreatorResponse? Creator);

/// <summary>The member of staff a case is assigned to (their sign-in name, usually the email).</summary>
public sealed record CaseAssigneeResponse(string Name);

/// <summary>Who ran a diagnosis when it was not the person themselves: <c>guided-call</c> by a member of staff.</summary>
public sealed record CreatorResponse(string Kind, string Name)
{
    public const string GuidedCall = "guided-call";
}

/// <summary>
/// <c>PATCH /api/v1/diagnoses/{reference}/case</c>. Every field is optional; a missing or null one is left as it is.
/// <c>assignee</c>: <c>"me"</c>, <c>""</c> (nobody) or an agent's or admin's email.
/// </summary>
public sealed record CaseChangeRequest(string? Status, string? Reason, string? ReasonText, string? Assignee);

/// <summary>A case after a change.</summary>
public sealed record CaseResponse(string Reference, string Status, string? Reason, string? ReasonText, CaseAssigneeResponse? Assignee,
    IReadOnlyList<CaseEventResponse> History);

/// <summary>One change to a case (newest first): <c>status</c> or <c>assignee</c>, from → to, by whom and when.</summary>
public sealed record CaseEventResponse(DateTimeOffset At, string Actor, string Kind, string? From, string? To, string? Reason, string? ReasonText);

public static class ApiModelMapping
{
    public static IReadOnlyList<FindingResponse> Localize(this IFindingTexts texts, IEnumerable<Finding> findings, CultureInfo culture) =>
        [.. findings.Select(f =>
        {
            var l = texts.Localize(f, culture);
            return new FindingResponse(l.Code, l.Severity.ToCode(), l.Field, l.SelfService, l.Title, l.Explanation, l.Remedies, l.Faq);
        })];

    public static DiagnosisResponse ToResponse(this DiagnosisView view, IFindingTexts texts, CultureInfo culture) =>
        new(view.Reference, view.CreatedAt, view.Symptom.ToCode(), view.Outcome.ToCode(), view.RetryAfter, view.RuleSetVersion,
            texts.Localize(view.Findings, culture), view.ParameterSet);

    public static StoredDiagnosisResponse ToStoredResponse(this DiagnosisView view, IFindingTexts texts, CultureInfo culture) =>
        new(view.Reference, view.CreatedAt, view.Symptom.ToCode(), view.Outcome.ToCode(), view.RetryAfter, view.RuleSetVersion,
            texts.Localize(view.Findings, culture), view.Language, view.Status, view.Helpful, view.MaskedInput,
            [.. view.Notes.Select(n => new NoteResponse(n.CreatedAt, n.Author, n.Text))], view.ParameterSet,
            [.. view.Attempts.Select(a => new AttemptResponse(a.Number, a.CreatedAt, a.Outcome.ToCode(), a.RetryAfter, texts.Localize(a.Findings, culture)))],
            view.StatusReason, view.StatusNote, view.AssigneeName is { } assignee ? new CaseAssigneeResponse(assignee) : null,
            view.CreatorName is { } creator ? new CreatorResponse(CreatorResponse.GuidedCall, creator) : null);

    public static CaseResponse ToCaseResponse(this DiagnosisView view) =>
        new(view.Reference, view.Status, view.StatusReason, view.StatusNote,
            view.AssigneeName is { } assignee ? new CaseAssigneeResponse(assignee) : null,
            [.. view.CaseEvents.Select(e => new CaseEventResponse(e.At, e.Actor, e.Kind, e.From, e.To, e.Reason, e.Note))]);
}
