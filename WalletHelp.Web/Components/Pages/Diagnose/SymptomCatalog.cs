using MudBlazor;
using WalletHelp.Core.Diagnostics;

namespace WalletHelp.Web.Components.Pages.Diagnose;

/// <summary>How triage presents each symptom, and the FAQ articles to offer before any finding exists.</summary>
public static class SymptomCatalog
{
    public static string Icon(Symptom symptom) => symptom switch
    {
        Symptom.ApplicationRejected => Icons.Material.Filled.AssignmentLate,
        Symptom.IdentityVerificationFailed => Icons.Material.Filled.PersonSearch,
        Symptom.CannotLogIn => Icons.Material.Filled.Login,
        Symptom.TransactionFailed => Icons.Material.Filled.CreditCardOff,
        Symptom.BalanceQueryFailed => Icons.Material.Filled.AccountBalanceWallet,
        Symptom.TryAgainLater => Icons.Material.Filled.HourglassTop,
        Symptom.SystemMaintenance => Icons.Material.Filled.Construction,
        _ => Icons.Material.Filled.Lock,
    };

    public static IReadOnlyList<string> DefaultFaq(Symptom symptom) => symptom switch
    {
        Symptom.ApplicationRejected => ["personal-information", "id-number-check-digit", "card-binding", "maintenance-and-retry"],
        Symptom.IdentityVerificationFailed => ["identity-verification", "personal-information", "bank-reserved-phone"],
        Symptom.CannotLogIn => ["wallet-security", "network-problems", "contact-customer-service"],
        Symptom.TransactionFailed => ["wallet-classes-limits", "identity-verification", "network-problems"],
        Symptom.BalanceQueryFailed => ["identity-verification", "risk-review-documents", "network-problems"],
        Symptom.TryAgainLater => ["maintenance-and-retry", "network-problems", "opening-time"],
        Symptom.SystemMaintenance => ["maintenance-and-retry", "opening-time"],
        _ => ["risk-review-documents", "contact-customer-service", "wallet-security"],
    };
}
