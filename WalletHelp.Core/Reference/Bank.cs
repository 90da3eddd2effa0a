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

/// <summary>Card type of a BIN entry: <c>DC</c> debit, <c>CC</c> credit, <c>SCC</c> semi-credit (准贷记卡).</summary>
public enum BinCardType { Debit, Credit, SemiCredit }

/// <summary>One BIN (issuer identification) prefix.</summary>
/// <param name="Prefix">4–10 leading digits.</param>
/// <param name="BankCode">Issuer code, normally one of <see cref="BankDirectory"/>'s codes.</param>
/// <param name="Length">Card number length for this prefix (12–19).</param>
public sealed record BinEntry(string Prefix, string BankCode, BinCardType CardType, int Length)
{
    public bool IsCredit => CardType != BinCardType.Debit;

    public static string TypeCode(BinCardType type) => type switch
    {
        BinCardType.Debit => "DC",
        BinCardType.Credit => "CC",
        _ => "SCC",
    };

    public static bool TryParseType(ReadOnlySpan<char> text, out BinCardType type)
    {
        if (text.Equals("DC", StringComparison.OrdinalIgnoreCase)) type = BinCardType.Debit;
        else if (text.Equals("CC", StringComparison.OrdinalIgnoreCase)) type = BinCardType.Credit;
        else if (text.Equals("SCC", StringComparison.OrdinalIgnoreCase)) type = BinCardType.SemiCredit;
        else
        {
            type = default;
            return false;
        }
        return true;
    }
}
