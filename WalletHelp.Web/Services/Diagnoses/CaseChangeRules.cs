using WalletHelp.Web.Data.Diagnoses;

namespace WalletHelp.Web.Services.Diagnoses;

/// <summary>
/// A change to a case, as the case page and <c>PATCH /api/v1/diagnoses/{reference}/case</c> ask for it. Null means
/// "leave as it is". <see cref="Assignee"/>: <c>me</c> (the actor), an empty string (nobody), or a staff member's email.
/// </summary>
public sealed record CaseChange(string? Status = null, string? Reason = null, string? ReasonText = null, string? Assignee = null)
{
    public const string Me = "me";

    public bool ChangesStatus => Status is not null;

    public bool ChangesAssignee => Assignee is not null;
}

/// <summary>What is wrong with a <see cref="CaseChange"/>: the field (<c>status</c>, <c>reason</c>, <c>reasonText</c>, <c>assignee</c>, <c>$</c>) and a code.</summary>
public sealed record CaseChangeProblem(string Field, string Code)
{
    /// <summary>The resx key of the message (<c>Agent.Case.Problem.{code}</c>), in both languages.</summary>
    public string MessageKey => $"Agent.Case.Problem.{Code}";
}

/// <summary>
/// The one rule set for case changes, used by the case page (to say what is missing before saving), by
/// <see cref="DiagnosisService"/> (which refuses what breaks it) and so by the API: a known status; resolved and
/// escalated need a reason from that status's list (<see cref="CaseVocabulary"/>), other statuses take none; the
/// optional words go with a reason only, at most <see cref="MaxReasonText"/> characters; something must change.
/// </summary>
public static class CaseChangeRules
{
    public const int MaxReasonText = 1000;

    public static IReadOnlyList<CaseChangeProblem> Check(CaseChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var problems = new List<CaseChangeProblem>();
        if (!change.ChangesStatus && !change.ChangesAssignee)
        {
            if (change.Reason is not null || change.ReasonText is not null)
            {
                problems.Add(new("status", "status-required"));
            }
            else
            {
                problems.Add(new("$", "nothing-to-change"));
            }
            return problems;
        }
        if (change.Status is { } status)
        {
            if (!CaseVocabulary.Statuses.Contains(status))
            {
                problems.Add(new("status", "status-unknown"));
            }
            else if (CaseVocabulary.NeedsReason(status))
            {
                if (string.IsNullOrEmpty(change.Reason)) problems.Add(new("reason", "reason-required"));
                else if (!CaseVocabulary.ReasonsFor(status).Contains(change.Reason)) problems.Add(new("reason", "reason-unknown"));
            }
            else
            {
                if (change.Reason is not null) problems.Add(new("reason", "reason-not-taken"));
                if (!string.IsNullOrWhiteSpace(change.ReasonText)) problems.Add(new("reasonText", "reason-text-not-taken"));
            }
        }
        else if (change.Reason is not null || change.ReasonText is not null)
        {
            problems.Add(new("status", "status-required"));
        }
        if (change.ReasonText is { Length: > MaxReasonText })
        {
            problems.Add(new("reasonText", "reason-text-too-long"));
        }
        if (change.Assignee is { Length: > 256 })
        {
            problems.Add(new("assignee", "assignee-unknown"));
        }
        return problems;
    }
}
