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
    public static string ToKebab<TEnum>(TEnum value) where TEnum : struct, Enum =>
        KebabNames<TEnum>.ByValue.TryGetValue(value, out var name) ? name : Kebab(value.ToString());

    /// <summary>Strict parse of a kebab string into an enum value.</summary>
    public static bool TryParseKebab<TEnum>(string? text, out TEnum value) where TEnum : struct, Enum
    {
        if (text is not null && KebabNames<TEnum>.ByName.TryGetValue(text, out value))
        {
            return true;
        }
        value = default;
        return false;
    }

    private static string Kebab(string name)
    {
        var chars = new System.Text.StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c) && i > 0) chars.Append('-');
            chars.Append(char.ToLowerInvariant(c));
        }
        return chars.ToString();
    }

    /// <summary>
    /// Every defined value's kebab name, computed once per enum type (the API and the stored results convert on every
    /// request). Where two values share a name (aliases), parsing gives the first in <see cref="Enum.GetValues{TEnum}"/>
    /// order, as the loop it replaces did.
    /// </summary>
    private static class KebabNames<TEnum> where TEnum : struct, Enum
    {
        private static readonly (System.Collections.Frozen.FrozenDictionary<TEnum, string> ByValue, System.Collections.Frozen.FrozenDictionary<string, TEnum> ByName) Names = Build();

        public static System.Collections.Frozen.FrozenDictionary<TEnum, string> ByValue => Names.ByValue;

        public static System.Collections.Frozen.FrozenDictionary<string, TEnum> ByName => Names.ByName;

        private static (System.Collections.Frozen.FrozenDictionary<TEnum, string> ByValue, System.Collections.Frozen.FrozenDictionary<string, TEnum> ByName) Build()
        {
            var byValue = new Dictionary<TEnum, string>();
            var byName = new Dictionary<string, TEnum>(StringComparer.Ordinal);
            foreach (var candidate in Enum.GetValues<TEnum>())
            {
                var name = Kebab(candidate.ToString());
                byValue.TryAdd(candidate, name);
                byName.TryAdd(name, candidate);
            }
            return (System.Collections.Frozen.FrozenDictionary.ToFrozenDictionary(byValue),
                System.Collections.Frozen.FrozenDictionary.ToFrozenDictionary(byName, StringComparer.Ordinal));
        }
    }
}
