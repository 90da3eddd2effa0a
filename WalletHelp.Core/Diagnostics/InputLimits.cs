namespace WalletHelp.Core.Diagnostics;

/// <summary>
/// The server-side length limits of a diagnosis input — one rule set for the API, the wizard and the service that
/// stores results (API.md: text fields at most 200 characters, the rejection message at most 1,000).
/// </summary>
public static class InputLimits
{
    public const int MaxText = 200;
    public const int MaxRejectionMessage = 1000;

    /// <summary>Every text field over its limit, by JSON path, with the limit; empty when the input fits.</summary>
    public static IReadOnlyList<(string Field, int Max)> Exceeded(DiagnosisInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var over = new List<(string, int)>();
        void Check(string? value, string field, int max = MaxText)
        {
            if (value is { Length: var n } && n > max) over.Add((field, max));
        }
        Check(input.Personal?.Name, "personal.name");
        Check(input.Personal?.IdNumber, "personal.idNumber");
        Check(input.Personal?.Phone, "personal.phone");
        Check(input.Bank?.CardNumber, "bank.cardNumber");
        Check(input.Bank?.BankName, "bank.bankName");
        Check(input.Bank?.HolderName, "bank.holderName");
        Check(input.Bank?.ReservedPhone, "bank.reservedPhone");
        Check(input.Bank?.Branch, "bank.branch");
        Check(input.Application?.RejectionMessage, "application.rejectionMessage", MaxRejectionMessage);
        return over;
    }
}
