using WalletHelp.Core.Diagnostics;
using WalletHelp.Web.Services.Assist;

namespace WalletHelp.Web.Components.Pages.Diagnose;

/// <summary>The wizard as the agents may see it: built here, in the user's circuit, from masked values only.</summary>
public static class WizardAssist
{
    public static AssistSnapshot Snapshot(WizardState state) => Snapshot(state, state?.Findings ?? []);

    /// <summary>The snapshot with <paramref name="findings"/> (the rules' answer to the input as it is now).</summary>
    public static AssistSnapshot Snapshot(WizardState state, IReadOnlyList<Finding> findings)
    {
        ArgumentNullException.ThrowIfNull(state);
        var steps = state.Steps.Select(s => new AssistStep(s.Key, [.. s.Fields])).ToList();
        var masked = AssistMasking.Mask(state.Input);
        // The findings the person sees: those of fields they have been to (no red before typing).
        var shown = findings.Where(f => f.Field is not null && state.IsTouched(f.Field));
        return new AssistSnapshot(
            state.Input.Symptom.ToCode(),
            AssistSnapshot.WizardPage,
            state.CurrentStep.Key,
            state.StepIndex + 1,
            state.Steps.Count,
            steps,
            AssistMasking.Fields(masked, state.Steps.SelectMany(s => s.Fields)),
            AssistMasking.Findings(shown));
    }

    /// <summary>The steps a symptom's wizard has (for the result page's snapshot and "go to this step").</summary>
    public static IReadOnlyList<AssistStep> StepsFor(Symptom symptom) =>
        [.. WizardSteps.For(SymptomFlow.For(symptom)).Select(s => new AssistStep(s.Key, [.. s.Fields]))];
}
