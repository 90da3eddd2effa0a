namespace WalletHelp.Core.Diagnostics;

/// <summary>
/// What one rule found. Language-neutral: texts are produced later from <see cref="Code"/> and <see cref="Args"/>
/// (see <c>IFindingTexts</c>), so a stored finding can be shown in any language. Args never hold a full ID or card number.
/// </summary>
public sealed record Finding(
    string Code,
    Severity Severity,
    string? Field,
    bool SelfService,
    IReadOnlyDictionary<string, string>? Args = null);

/// <summary>A finding rendered in one language, as the API and pages show it.</summary>
public sealed record LocalizedFinding(
    string Code,
    Severity Severity,
    string? Field,
    bool SelfService,
    string Title,
    string Explanation,
    IReadOnlyList<string> Remedies,
    IReadOnlyList<string> Faq)
{
    /// <summary>
    /// What to have ready when contacting customer service about this finding, beyond what every call needs (reference,
    /// ID card, bank card, screenshot): things to hold, not steps to take (<c>CODE.Prepare.n</c>; most codes have none).
    /// </summary>
    public IReadOnlyList<string> Prepare { get; init; } = [];
}

/// <summary>A rule that threw: a bug, recorded instead of failing the diagnosis.</summary>
public sealed record RuleFailure(string Code, string Error);

/// <summary>The result of running every applicable rule over one input.</summary>
public sealed record DiagnosticReport(
    Symptom Symptom,
    Outcome Outcome,
    DateTimeOffset? RetryAfter,
    IReadOnlyList<Finding> Findings,
    string RuleSetVersion,
    IReadOnlyList<RuleFailure> Failures,
    int ParameterSet = 0);
