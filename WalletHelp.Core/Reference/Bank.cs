namespace WalletHelp.Core.Reference;

/// <summary>A card issuer.</summary>
/// <param name="Code">Stable short code (ICBC, ABC, …).</param>
/// <param name="Aliases">Other names people type (工行, "ICBC China", …), matched case-insensitively.</param>
/// <param name="MentionAliases">Aliases distinctive enough to find inside free text such as a branch name
/// (short everyday words like 平安 or 华夏 are left out: 平安里支行 is a place, not Ping An Bank).</param>
public sealed record Bank(
    string Code,
    string ChineseName,
    string EnglishName,
    IReadOnlyList<string> Aliases,
    IReadOnlyList<string> MentionAliases)
{
    public string NameFor(bool english) => english ? EnglishName : ChineseName;
}

/// <summary>Card type of a BIN entry: <c>DC</c> debit, <c>CC</c> credit, <c>SCC</c> semi-credit (准贷记卡), <c>PC</c> prepaid.</summary>
public enum BinCardType { Debit, Credit, SemiCredit, Prepaid }

/// <summary>One BIN (issuer identification) prefix.</summary>
/// <param name="Prefix">3–10 leading digits.</param>
/// <param name="BankCode">Issuer code (ICBC, NBBANK, …).</param>
/// <param name="Length">Card number length for this prefix (12–19).</param>
/// <param name="BankName">The issuer's Chinese name as the data gives it (null: take it from the bank directory).</param>
/// <param name="BankNameEn">The issuer's English name as the data gives it.</param>
public sealed record BinEntry(string Prefix, string BankCode, BinCardType CardType, int Length, string? BankName = null, string? BankNameEn = null)
{
    /// <summary>Credit and semi-credit cards; a prepaid card is not a credit card.</summary>
    public bool IsCredit => CardType is BinCardType.Credit or BinCardType.SemiCredit;

    public static string TypeCode(BinCardType type) => type switch
    {
        BinCardType.Debit => "DC",
        BinCardType.Credit => "CC",
        BinCardType.SemiCredit => "SCC",
        _ => "PC",
    };

    /// <summary>The API's name for a card type: debit, credit, semi-credit, prepaid.</summary>
    public static string TypeName(BinCardType type) => type switch
    {
        BinCardType.Debit => "debit",
        BinCardType.Credit => "credit",
        BinCardType.SemiCredit => "semi-credit",
        _ => "prepaid",
    };

    public static bool TryParseType(ReadOnlySpan<char> text, out BinCardType type)
    {
        if (text.Equals("DC", StringComparison.OrdinalIgnoreCase)) type = BinCardType.Debit;
        else if (text.Equals("CC", StringComparison.OrdinalIgnoreCase)) type = BinCardType.Credit;
        else if (text.Equals("SCC", StringComparison.OrdinalIgnoreCase)) type = BinCardType.SemiCredit;
        else if (text.Equals("PC", StringComparison.OrdinalIgnoreCase)) type = BinCardType.Prepaid;
        else
        {
            type = default;
            return false;
        }
        return true;
    }

    /// <summary>Same data (prefix, bank, type, length and names); used to tell changed from unchanged import lines.</summary>
    public bool SameAs(BinEntry other) =>
        other is not null && Prefix == other.Prefix && string.Equals(BankCode, other.BankCode, StringComparison.OrdinalIgnoreCase)
        && CardType == other.CardType && Length == other.Length
        && (BankName is null || other.BankName is null || BankName == other.BankName)
        && (BankNameEn is null || other.BankNameEn is null || BankNameEn == other.BankNameEn);
}
