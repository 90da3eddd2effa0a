namespace WalletHelp.Core.Diagnostics;

/// <summary>What normalising one number changed in what the person typed.</summary>
[Flags]
public enum NumberChanges
{
    None = 0,
    /// <summary>Leading or trailing whitespace removed.</summary>
    Trimmed = 1,
    /// <summary>Spaces inside the number removed (incl. the ideographic space U+3000).</summary>
    Spaces = 2,
    Dashes = 4,
    /// <summary>Full-width digits or letters converted to ASCII.</summary>
    FullWidth = 8,
    /// <summary>A +86 / 0086 / 86 country prefix removed (phones only).</summary>
    CountryPrefix = 16,
}

/// <summary>
/// The input after normalisation: numbers cleaned (see <see cref="InputNormalizer"/>), everything else as typed.
/// Names are not fixed here: the name rules report what is wrong with them.
/// </summary>
public sealed class NormalizedInput
{
    public required DiagnosisInput Original { get; init; }
    public Symptom Symptom => Original.Symptom;
    public int? WalletClass => Original.WalletClass;
    public PersonalInput? Personal => Original.Personal;
    public BankInput? Bank => Original.Bank;
    public ApplicationInput? Application => Original.Application;
    public TransactionInput? Transaction => Original.Transaction;

    /// <summary>ID number without spaces/dashes, full-width converted; case kept (PI-ID-LOWERCASE-X needs it). Empty when not given.</summary>
    public string IdNumber { get; init; } = string.Empty;
    public NumberChanges IdChanges { get; init; }

    /// <summary>Phone without prefix, spaces and dashes. Empty when not given.</summary>
    public string Phone { get; init; } = string.Empty;
    public NumberChanges PhoneChanges { get; init; }

    public string CardNumber { get; init; } = string.Empty;
    public NumberChanges CardChanges { get; init; }

    public string ReservedPhone { get; init; } = string.Empty;
    public NumberChanges ReservedPhoneChanges { get; init; }
}
