using WalletHelp.Web.Data.Diagnoses;

namespace WalletHelp.Web.Services.Diagnoses;

/// <summary>
/// The case workflow's words: the statuses in order and the reasons an agent picks when resolving or escalating
/// (labels: <c>Agent.Case.Status.{status}</c>, <c>Agent.Case.Reason.{code}</c>).
/// </summary>
public static class CaseVocabulary
{
    public static IReadOnlyList<string> Statuses { get; } =
        [DiagnosisStatus.Open, DiagnosisStatus.WaitingOnUser, DiagnosisStatus.Resolved, DiagnosisStatus.Escalated];

    public static IReadOnlyList<string> ResolvedReasons { get; } = ["fixed-by-user", "explained", "retry-later", "duplicate", "no-response", "other"];

    public static IReadOnlyList<string> EscalatedReasons { get; } = ["risk-review", "identity-check", "bank-issue", "technical-fault", "other"];

    /// <summary>Resolved and escalated need a reason from <see cref="ReasonsFor"/>.</summary>
    public static bool NeedsReason(string status) => status is DiagnosisStatus.Resolved or DiagnosisStatus.Escalated;

    public static IReadOnlyList<string> ReasonsFor(string status) => status switch
    {
        DiagnosisStatus.Resolved => ResolvedReasons,
        DiagnosisStatus.Escalated => EscalatedReasons,
        _ => [],
    };
}
