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
                FieldPaths.CardNumber, FieldPaths.BankName, FieldPaths.CardType, FieldPaths.HolderName, FieldPaths.ReservedPhone, FieldPaths.Branch,
                FieldPaths.CardStatus, FieldPaths.AccountClass,
            ]));
        }
        if (flow.Shows(WizardSections.Application)) steps.Add(new WizardStep(Application, ApplicationFields(flow)));
        if (flow.Shows(WizardSections.Transaction))
        {
            steps.Add(new WizardStep(Transaction,
                [FieldPaths.TransactionKind, FieldPaths.Amount, FieldPaths.TodayTotal, FieldPaths.Balance]));
        }
        if (steps.Count == 0) steps.Add(new WizardStep(Application, ApplicationFields(flow)));
        return steps;
    }

    private static List<string> PersonalFields(SymptomFlow flow)
    {
        var fields = new List<string>();
        if (flow.Runs(RuleTopics.Name)) fields.Add(FieldPaths.Name);
        if (flow.Runs(RuleTopics.Id))
            fields.AddRange([FieldPaths.IdNumber, FieldPaths.BirthDate, FieldPaths.Gender, FieldPaths.IdExpiry]);
        if (flow.Runs(RuleTopics.Phone)) fields.AddRange([FieldPaths.Phone, FieldPaths.PhoneIsOwnRealName]);
        if (flow.Runs(RuleTopics.IdentityChange)) fields.Add(FieldPaths.RecentlyChangedIdentity);
        return fields;
    }

    private static List<string> ApplicationFields(SymptomFlow flow)
    {
        var fields = new List<string>();
        if (flow.AsksWalletClass) fields.Add(FieldPaths.WalletClass);
        if (flow.Runs(RuleTopics.Retry)) fields.AddRange([FieldPaths.Attempts, FieldPaths.LastAttemptAt]);
        if (flow.Runs(RuleTopics.Review)) fields.Add(FieldPaths.RejectionMessage);
        if (flow.Runs(RuleTopics.Service)) fields.Add(FieldPaths.NetworkCheck);
        if (flow.Runs(RuleTopics.IdentityStatus)) fields.Add(FieldPaths.IdentityStatus);
        if (flow.Runs(RuleTopics.Frozen)) fields.Add(FieldPaths.AccountFrozen);
        return fields;
    }

    /// <summary>"personal.idNumber" (<see cref="FieldPaths.IdNumber"/>) → "field-personal-idNumber": the element id of a field's input.</summary>
    public static string ElementId(string field) => "field-" + field.Replace('.', '-');
}

/// <summary>Names of the cascading values that change how the shared step components behave.</summary>
public static class WizardModes
{
    /// <summary>A bool: true when an agent runs the wizard on a caller's behalf (<c>/agent/guide</c>).</summary>
    public const string GuidedCall = "GuidedCall";
}
