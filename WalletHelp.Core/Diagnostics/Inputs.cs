namespace WalletHelp.Core.Diagnostics;

/// <summary>Everything a diagnosis may look at. Every section is optional except the symptom.</summary>
public sealed record DiagnosisInput
{
    public required Symptom Symptom { get; init; }
    /// <summary>Wallet class 1–4, if the person knows it.</summary>
    public int? WalletClass { get; init; }
    public PersonalInput? Personal { get; init; }
    public BankInput? Bank { get; init; }
    public ApplicationInput? Application { get; init; }
    public TransactionInput? Transaction { get; init; }
}

public sealed record PersonalInput
{
    public string? Name { get; init; }
    public string? IdNumber { get; init; }
    public string? Phone { get; init; }
    public DateOnly? BirthDate { get; init; }
    public Gender? Gender { get; init; }
    /// <summary>The ID card's expiry date; null when not given or when <see cref="IdLongTerm"/>.</summary>
    public DateOnly? IdExpiry { get; init; }
    /// <summary>The card says 长期 (long-term): it never expires.</summary>
    public bool IdLongTerm { get; init; }
    public bool? PhoneIsOwnRealName { get; init; }
    public bool? RecentlyChangedIdentity { get; init; }
}

public sealed record BankInput
{
    public string? CardNumber { get; init; }
    /// <summary>Chinese name, English name, alias or bank code.</summary>
    public string? BankName { get; init; }
    public CardType? CardType { get; init; }
    public string? HolderName { get; init; }
    public string? ReservedPhone { get; init; }
    public string? Branch { get; init; }
    public CardStatus? CardStatus { get; init; }
    /// <summary>Bank account class 1–3 (一类/二类/三类户).</summary>
    public int? AccountClass { get; init; }
}

public sealed record ApplicationInput
{
    public int? AttemptsLast24h { get; init; }
    public DateTimeOffset? LastAttemptAt { get; init; }
    public string? RejectionMessage { get; init; }
    public NetworkCheck? NetworkCheck { get; init; }
    public IdentityStatus? IdentityStatus { get; init; }
    public bool? AccountFrozen { get; init; }
}

public sealed record TransactionInput
{
    public TransactionKind? Kind { get; init; }
    public decimal? Amount { get; init; }
    public decimal? TodayTotal { get; init; }
    public decimal? Balance { get; init; }
}
