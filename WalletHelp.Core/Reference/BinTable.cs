using System.Diagnostics.CodeAnalysis;

namespace WalletHelp.Core.Reference;

/// <summary>BIN prefixes with longest-prefix lookup: one dictionary per prefix length, keyed by the prefix's numeric value.</summary>
public sealed class BinTable
{
    public const int MinPrefixLength = 4;
    public const int MaxPrefixLength = 10;

    private readonly Dictionary<long, BinEntry>?[] byLength = new Dictionary<long, BinEntry>?[MaxPrefixLength + 1];

    /// <summary>Builds a table; a later entry with the same prefix replaces an earlier one.</summary>
    public BinTable(IEnumerable<BinEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        foreach (var entry in entries)
        {
            if (!IsValidPrefix(entry.Prefix))
                throw new ArgumentException($"BIN prefix '{entry.Prefix}' must be {MinPrefixLength}–{MaxPrefixLength} digits.", nameof(entries));
            var map = byLength[entry.Prefix.Length] ??= [];
            map[ParseDigits(entry.Prefix)] = entry;
        }
        Entries = [.. byLength.Where(m => m is not null).SelectMany(m => m!.Values).OrderBy(e => e.Prefix, StringComparer.Ordinal)];
    }

    /// <summary>The built-in table of major Chinese issuers.</summary>
    public static BinTable Default { get; } = new(BuiltInBins.All);

    public IReadOnlyList<BinEntry> Entries { get; }

    public int Count => Entries.Count;

    /// <summary>A new table: this one with <paramref name="imported"/> added, imported entries winning on the same prefix.</summary>
    public BinTable Merge(IEnumerable<BinEntry> imported) => new(Entries.Concat(imported));

    /// <summary>The entry with the longest prefix matching the card number's leading digits.</summary>
    public bool TryMatch(ReadOnlySpan<char> cardNumber, [NotNullWhen(true)] out BinEntry? entry)
    {
        var max = Math.Min(cardNumber.Length, MaxPrefixLength);
        var digits = 0;
        while (digits < max && char.IsAsciiDigit(cardNumber[digits])) digits++;
        for (var length = digits; length >= MinPrefixLength; length--)
        {
            var map = byLength[length];
            if (map is not null && map.TryGetValue(ParseDigits(cardNumber[..length]), out entry)) return true;
        }
        entry = null;
        return false;
    }

    internal static bool IsValidPrefix(string? prefix)
    {
        if (prefix is null || prefix.Length < MinPrefixLength || prefix.Length > MaxPrefixLength) return false;
        foreach (var c in prefix)
        {
            if (!char.IsAsciiDigit(c)) return false;
        }
        return true;
    }

    private static long ParseDigits(ReadOnlySpan<char> digits)
    {
        long value = 0;
        foreach (var c in digits) value = value * 10 + (c - '0');
        return value;
    }
}

/// <summary>
/// Common debit and credit BINs of the major Chinese issuers (compiled from public BIN lists; operators differ and
/// banks add prefixes over time, which is why admins can import a larger CSV).
/// </summary>
internal static class BuiltInBins
{
    private const BinCardType DC = BinCardType.Debit;
    private const BinCardType CC = BinCardType.Credit;
    private const BinCardType SCC = BinCardType.SemiCredit;

    public static IReadOnlyList<BinEntry> All { get; } =
    [
        // ICBC 中国工商银行
        new("622202", "ICBC", DC, 19), new("622208", "ICBC", DC, 19), new("621226", "ICBC", DC, 19),
        new("621225", "ICBC", DC, 19), new("622200", "ICBC", DC, 19), new("621558", "ICBC", DC, 19),
        new("621559", "ICBC", DC, 19), new("427020", "ICBC", CC, 16), new("530990", "ICBC", CC, 16),
        new("622230", "ICBC", CC, 16), new("622235", "ICBC", CC, 16), new("622210", "ICBC", SCC, 16),
        // ABC 中国农业银行
        new("622848", "ABC", DC, 19), new("622845", "ABC", DC, 19), new("622841", "ABC", DC, 19),
        new("622836", "ABC", CC, 16), new("622837", "ABC", CC, 16), new("548478", "ABC", CC, 16),
        // BOC 中国银行
        new("621661", "BOC", DC, 19), new("621663", "BOC", DC, 19), new("456351", "BOC", DC, 19),
        new("601382", "BOC", DC, 19), new("621785", "BOC", DC, 19), new("622760", "BOC", CC, 16),
        new("409666", "BOC", CC, 16),
        // CCB 中国建设银行
        new("621700", "CCB", DC, 19), new("436742", "CCB", DC, 19), new("622700", "CCB", DC, 19),
        new("622280", "CCB", DC, 19), new("436728", "CCB", CC, 16), new("552801", "CCB", CC, 16),
        // BOCOM 交通银行
        new("622262", "BOCOM", DC, 19), new("622260", "BOCOM", DC, 19), new("405512", "BOCOM", DC, 17),
        new("601428", "BOCOM", DC, 17), new("622252", "BOCOM", CC, 16), new("458123", "BOCOM", CC, 16),
        // PSBC 中国邮政储蓄银行
        new("621799", "PSBC", DC, 19), new("622188", "PSBC", DC, 19), new("621098", "PSBC", DC, 19),
        new("622150", "PSBC", DC, 19), new("622151", "PSBC", DC, 19), new("622812", "PSBC", CC, 16),
        // CMB 招商银行
        new("621483", "CMB", DC, 16), new("410062", "CMB", DC, 16), new("622588", "CMB", DC, 16),
        new("622575", "CMB", CC, 16), new("622576", "CMB", CC, 16), new("439188", "CMB", CC, 16),
        // CITIC 中信银行
        new("622690", "CITIC", DC, 16), new("622696", "CITIC", DC, 16), new("433670", "CITIC", CC, 16),
        // CEB 中国光大银行
        new("622660", "CEB", DC, 16), new("406254", "CEB", CC, 16),
        // CMBC 中国民生银行
        new("622622", "CMBC", DC, 16), new("622615", "CMBC", DC, 16), new("415599", "CMBC", CC, 16),
        // SPDB 上海浦东发展银行
        new("622521", "SPDB", DC, 16), new("622522", "SPDB", DC, 16), new("456418", "SPDB", CC, 16),
        // CIB 兴业银行 (debit cards are 18 digits)
        new("622908", "CIB", DC, 18), new("622909", "CIB", DC, 18), new("451289", "CIB", CC, 16),
        // PAB 平安银行
        new("621626", "PAB", DC, 19), new("623058", "PAB", DC, 19), new("622155", "PAB", CC, 16),
        // HXB 华夏银行
        new("622630", "HXB", DC, 19), new("622631", "HXB", DC, 19), new("523959", "HXB", CC, 16),
        // GDB 广发银行
        new("622568", "GDB", DC, 19), new("622555", "GDB", CC, 16), new("406365", "GDB", CC, 16),
        // BOB 北京银行
        new("621468", "BOB", DC, 19), new("602969", "BOB", DC, 16), new("522001", "BOB", CC, 16),
        // BOSC 上海银行
        new("622892", "BOSC", DC, 19), new("402674", "BOSC", CC, 16),
    ];
}
