namespace WalletHelp.Core.Diagnostics;

/// <summary>How a finding is presented next to the outcome: what the person should act on first.</summary>
public enum FindingGroup
{
    /// <summary>
    /// The findings that decide the outcome: for contact-support the blocking findings only the operator can clear,
    /// for wait the wait reasons (AP-MAINTENANCE, AP-INCIDENT, AP-COOLDOWN), for ready AP-READY and its steps.
    /// </summary>
    Decisive,

    /// <summary>Other blocking findings (for fix-and-retry: every blocking finding).</summary>
    Blocking,

    /// <summary>
    /// For contact-support only: blocking findings the person could fix themselves. They do not change the outcome,
    /// so they are shown as "also worth checking", not as steps to take before calling.
    /// </summary>
    AlsoWorthChecking,

    Warning,

    Info,
}

/// <summary>
/// The order findings are listed in everywhere (API, result page, agent view; RULES.md "Order of findings"):
/// the outcome-deciding findings first, then the other blocking findings, then warnings, then info; inside a group,
/// in wizard order (personal → bank → application → transaction, i.e. catalogue order).
/// </summary>
public static class FindingOrder
{
    /// <summary>The group a finding belongs to, given the outcome of its diagnosis.</summary>
    public static FindingGroup GroupOf(Finding finding, Outcome outcome)
    {
        ArgumentNullException.ThrowIfNull(finding);
        return GroupOf(finding.Code, finding.Severity, finding.SelfService, outcome);
    }

    /// <summary>The group of a finding given by its parts (a localized finding, for instance).</summary>
    public static FindingGroup GroupOf(string code, Severity severity, bool selfService, Outcome outcome) => severity switch
    {
        Severity.Blocking when outcome == Outcome.ContactSupport =>
            selfService ? FindingGroup.AlsoWorthChecking : FindingGroup.Decisive,
        Severity.Blocking when outcome == Outcome.Wait && IsWaitReason(code) => FindingGroup.Decisive,
        Severity.Blocking => FindingGroup.Blocking,
        _ when outcome == Outcome.Ready && code == "AP-READY" => FindingGroup.Decisive,
        Severity.Warning => FindingGroup.Warning,
        _ => FindingGroup.Info,
    };

    /// <summary>The kebab code of a group (data-testid values, resource keys).</summary>
    public static string ToCode(this FindingGroup group) => group switch
    {
        FindingGroup.Decisive => "decisive",
        FindingGroup.Blocking => "blocking",
        FindingGroup.AlsoWorthChecking => "also-worth-checking",
        FindingGroup.Warning => "warning",
        _ => "info",
    };

    /// <summary>A code whose rule is an <see cref="IWaitReason"/> (AP-MAINTENANCE, AP-INCIDENT, AP-COOLDOWN).</summary>
    public static bool IsWaitReason(string code) => RuleCatalog.Find(code) is IWaitReason;

    /// <summary>
    /// The position of a code in wizard order: the wizard's sections (personal → bank → application → transaction,
    /// then account status), and inside a section the rules' run order. Unknown codes go last.
    /// </summary>
    public static int WizardPosition(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        var section = code.Length > 3 ? code[..3] switch
        {
            "PI-" => 0,
            "BK-" => 1,
            "AP-" => 2,
            "TX-" => 3,
            "SY-" => 4,
            _ => 5,
        } : 5;
        return section * 1_000_000 + (RuleCatalog.Find(code)?.Order ?? 999_999);
    }

    /// <summary>The findings in presentation order (a new list; the input is not changed).</summary>
    public static IReadOnlyList<Finding> Sort(IEnumerable<Finding> findings, Outcome outcome)
    {
        ArgumentNullException.ThrowIfNull(findings);
        var list = new List<Finding>(findings);
        SortInPlace(list, outcome);
        return list;
    }

    /// <summary>
    /// Sorts in place without allocating (a stable insertion sort: a diagnosis has a handful of findings, and the
    /// engine's hot path should not pay for a comparer).
    /// </summary>
    public static void SortInPlace(List<Finding> findings, Outcome outcome)
    {
        ArgumentNullException.ThrowIfNull(findings);
        for (var i = 1; i < findings.Count; i++)
        {
            var item = findings[i];
            var j = i - 1;
            while (j >= 0 && Compare(findings[j], item, outcome) > 0)
            {
                findings[j + 1] = findings[j];
                j--;
            }
            findings[j + 1] = item;
        }
    }

    private static int Compare(Finding a, Finding b, Outcome outcome)
    {
        var byGroup = GroupOf(a, outcome).CompareTo(GroupOf(b, outcome));
        return byGroup != 0 ? byGroup : WizardPosition(a.Code).CompareTo(WizardPosition(b.Code));
    }
}
