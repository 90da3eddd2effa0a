using Microsoft.Extensions.Localization;
using WalletHelp.Core.Diagnostics;

namespace WalletHelp.Web.Components.Shared;

/// <summary>
/// A stored or masked answer in words of the page language: true/false as yes/no, option codes (card status,
/// network check, …) as the wizard's own option labels. Masked numbers, dates and free text are shown as they are.
/// </summary>
public static class FieldValueText
{
    public static string Describe(IStringLocalizer localizer, string field, string value)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        if (value is "true" or "false") return localizer[value == "true" ? "Wizard.Yes" : "Wizard.No"];
        var key = field switch
        {
            FieldPaths.Gender => $"Wizard.Gender.{value}",
            FieldPaths.CardType => $"Wizard.CardType.{value.ToUpperInvariant()}",
            FieldPaths.CardStatus => $"Wizard.CardStatus.{value}",
            FieldPaths.AccountClass => $"Wizard.AccountClass.{value}",
            FieldPaths.WalletClass => $"Wizard.WalletClass.{value}",
            FieldPaths.IdentityStatus => $"Wizard.IdentityStatus.{value}",
            FieldPaths.NetworkCheck => $"Wizard.Network.{value}",
            FieldPaths.TransactionKind => $"Wizard.TxKind.{value}",
            FieldPaths.IdExpiry when value == "long-term" => "Wizard.Field.personal.idLongTerm.Label",
            _ => null,
        };
        if (key is null) return value;
        var text = localizer[key];
        return text.ResourceNotFound ? value : text.Value;
    }
}
