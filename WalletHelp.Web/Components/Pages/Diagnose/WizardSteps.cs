using WalletHelp.Core.Diagnostics;

namespace WalletHelp.Web.Components.Pages.Diagnose;

/// <summary>One wizard step: its key (used in resx keys and test ids) and the input fields (JSON paths) it asks for.</summary>
public sealed record WizardStep(string Key, IReadOnlyList<string> Fields);

/// <summary>Builds the steps a symptom needs from its <see cref="SymptomFlow"/>: only the fields whose rules run.</summary>
public static class WizardSteps
{
    public const string Personal = "personal";
    public const string Bank = "bank";
    public const string Application = "application";
    public const string Transaction = "transaction";

    public static IReadOnlyList<WizardStep> For(SymptomFlow flow)
    {
        ArgumentNullException.ThrowIfNull(flow);
        var steps = new List<WizardStep>(4);
        if (flow.Shows(WizardSections.Personal)) steps.Add(new WizardStep(Personal, PersonalFields(flow)));
        if (flow.Shows(WizardSections.Bank))
        {
            steps.Add(new WizardStep(Bank,
            [
                "bank.cardNumber", "bank.bankName", "bank.cardType", "bank.holderName", "bank.reservedPhone", "bank.branch",
                "bank.cardStatus", "bank.accountClass",
            ]));
        }
        if (flow.Shows(WizardSections.Application)) steps.Add(new WizardStep(Application, ApplicationFields(flow)));
        if (flow.Shows(WizardSections.Transaction))
        {
            steps.Add(new WizardStep(Transaction,
                ["transaction.kind", "transaction.amount", "transaction.todayTotal", "transaction.balance"]));
        }
        if (steps.Count == 0) steps.Add(new WizardStep(Application, ApplicationFields(flow)));
        return steps;
    }

    private static List<string> PersonalFields(SymptomFlow flow)
    {
        var fields = new List<string>();
        if (flow.Runs(RuleTopics.Name)) fields.Add("personal.name");
        if (flow.Runs(RuleTopics.Id))
            fields.AddRange(["personal.idNumber", "personal.birthDate", "personal.gender", "personal.idExpiry"]);
        if (flow.Runs(RuleTopics.Phone)) fields.AddRange(["personal.phone", "personal.phoneIsOwnRealName"]);
        if (flow.Runs(RuleTopics.IdentityChange)) fields.Add("personal.recentlyChangedIdentity");
        return fields;
    }

    private static List<string> ApplicationFields(SymptomFlow flow)
    {
        var fields = new List<string>();
        if (flow.AsksWalletClass) fields.Add("walletClass");
        if (flow.Runs(RuleTopics.Retry)) fields.AddRange(["application.attemptsLast24h", "application.lastAttemptAt"]);
        if (flow.Runs(RuleTopics.Review)) fields.Add("application.rejectionMessage");
        if (flow.Runs(RuleTopics.Service)) fields.Add("application.networkCheck");
        if (flow.Runs(RuleTopics.IdentityStatus)) fields.Add("application.identityStatus");
        if (flow.Runs(RuleTopics.Frozen)) fields.Add("application.accountFrozen");
        return fields;
    }

    /// <summary>"personal.idNumber" → "field-personal-idNumber": the element id of a field's input.</summary>
    public static string ElementId(string field) => "field-" + field.Replace('.', '-');
}
