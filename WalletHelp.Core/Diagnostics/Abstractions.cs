using System.Globalization;

namespace WalletHelp.Core.Diagnostics;

/// <summary>The one diagnosis code path shared by the API and the wizards.</summary>
public interface IDiagnosisEngine
{
    /// <summary>Normalises the input, runs every applicable rule and decides the outcome. Never throws for bad input.</summary>
    DiagnosticReport Diagnose(DiagnosisInput input, ServiceSchedule schedule);

    /// <summary>The same with a given parameter set (the admin's "try it" panel compares a draft with the current set).</summary>
    DiagnosticReport Diagnose(DiagnosisInput input, ServiceSchedule schedule, RuleParameters parameters);
}

/// <summary>Localized title, explanation, remedies and FAQ slugs for findings.</summary>
public interface IFindingTexts
{
    LocalizedFinding Localize(Finding finding, CultureInfo culture);
}
