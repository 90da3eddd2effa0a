namespace WalletHelp.Core.Diagnostics;

/// <summary>
/// The lower-case kebab strings used for enums on the wire and in storage (API.md).
/// Parsing is strict: unknown strings are rejected, never guessed.
/// </summary>
public static class Codes
{
    private static readonly Dictionary<Symptom, string> SymptomToCode = new()
    {
        [Symptom.ApplicationRejected] = "application-rejected",
        [Symptom.IdentityVerificationFailed] = "identity-verification-failed",
        [Symptom.CannotLogIn] = "cannot-log-in",
        [Symptom.TransactionFailed] = "transaction-failed",
        [Symptom.BalanceQueryFailed] = "balance-query-failed",
        [Symptom.TryAgainLater] = "try-again-later",
        [Symptom.SystemMaintenance] = "system-maintenance",
        [Symptom.AccountFrozen] = "account-frozen",
    };

    private static readonly Dictionary<string, Symptom> CodeToSymptom =
        SymptomToCode.ToDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);

    public static IReadOnlyList<Symptom> AllSymptoms { get; } = Enum.GetValues<Symptom>();

    public static string ToCode(this Symptom symptom) => SymptomToCode[symptom];

    public static bool TryParseSymptom(string? code, out Symptom symptom) =>
        CodeToSymptom.TryGetValue(code ?? string.Empty, out symptom);

    public static string ToCode(this Outcome outcome) => outcome switch
    {
        Outcome.ContactSupport => "contact-support",
        Outcome.Wait => "wait",
        Outcome.FixAndRetry => "fix-and-retry",
        _ => "ready",
    };

    public static string ToCode(this Severity severity) => severity switch
    {
        Severity.Blocking => "blocking",
        Severity.Warning => "warning",
        _ => "info",
    };

    /// <summary>Kebab form of any enum value name (TopUp → top-up).</summary>
    public static string ToKebab<TEnum>(TEnum value) where TEnum : struct, Enum
    {
        var name = value.ToString();
        var chars = new System.Text.StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c) && i > 0) chars.Append('-');
            chars.Append(char.ToLowerInvariant(c));
        }
        return chars.ToString();
    }

    /// <summary>Strict parse of a kebab string into an enum value.</summary>
    public static bool TryParseKebab<TEnum>(string? text, out TEnum value) where TEnum : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<TEnum>())
        {
            if (string.Equals(ToKebab(candidate), text, StringComparison.Ordinal))
            {
                value = candidate;
                return true;
            }
        }
        value = default;
        return false;
    }
}
