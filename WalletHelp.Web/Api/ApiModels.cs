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
    JsonElement? Input, IReadOnlyList<NoteResponse> Notes, int ParameterSet, IReadOnlyList<AttemptResponse> Attempts);

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
            [.. view.Attempts.Select(a => new AttemptResponse(a.Number, a.CreatedAt, a.Outcome.ToCode(), a.RetryAfter, texts.Localize(a.Findings, culture)))]);
}
