using System.Diagnostics.CodeAnalysis;

namespace WalletHelp.Core.Reference;

/// <summary>The major Chinese card issuers and the names people use for them.</summary>
public sealed class BankDirectory
{
    private readonly Dictionary<string, Bank> byCode;
    private readonly Dictionary<string, Bank> byName;
    private readonly Dictionary<string, Bank>.AlternateLookup<ReadOnlySpan<char>> byExactSpan;
    private readonly Dictionary<string, Bank>.AlternateLookup<ReadOnlySpan<char>> byNameSpan;
    // Mention terms grouped by their (ASCII-lower-cased) first character, longest first.
    private readonly Dictionary<char, (string Term, Bank Bank)[]> mentionsByFirstChar;

    public BankDirectory(IEnumerable<Bank> banks)
    {
        ArgumentNullException.ThrowIfNull(banks);
        Banks = [.. banks];
        byCode = new Dictionary<string, Bank>(StringComparer.OrdinalIgnoreCase);
        byName = new Dictionary<string, Bank>(StringComparer.OrdinalIgnoreCase);
        var mentions = new List<(string Term, Bank Bank)>();
        foreach (var bank in Banks)
        {
            byCode[bank.Code] = bank;
            foreach (var name in Names(bank))
            {
                byName.TryAdd(name, bank);
                var compact = RemoveWhitespace(name);
                if (compact.Length != name.Length) byName.TryAdd(compact, bank);
            }
            mentions.Add((bank.ChineseName, bank));
            mentions.Add((bank.EnglishName, bank));
            foreach (var alias in bank.MentionAliases) mentions.Add((alias, bank));
        }
        byNameSpan = byName.GetAlternateLookup<ReadOnlySpan<char>>();
        // Chinese names have no case: an ordinal lookup first avoids case-insensitive hashing of non-ASCII text.
        byExactSpan = new Dictionary<string, Bank>(byName, StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        mentionsByFirstChar = mentions
            .GroupBy(m => FoldAscii(m.Term[0]))
            .ToDictionary(g => g.Key, g => g.OrderByDescending(m => m.Term.Length).ToArray());
    }

    /// <summary>
    /// The built-in directory: the major issuers with the names people use for them, then every other issuer the shipped
    /// BIN data names.
    /// </summary>
    public static BankDirectory Default { get; } = new(BuiltInBanks.All.Concat(
        BinDataFile.Banks.Where(b => !BuiltInBanks.All.Any(k => string.Equals(k.Code, b.Code, StringComparison.OrdinalIgnoreCase)))));

    public IReadOnlyList<Bank> Banks { get; }

    public Bank? FindByCode(string? code) =>
        code is not null && byCode.TryGetValue(code, out var bank) ? bank : null;

    /// <summary>
    /// Matches what a person typed as a bank name: the code, the Chinese or English name or an alias (case-insensitive,
    /// whitespace ignored), else the longest bank name mentioned inside the text ("中国农业银行股份有限公司" → ABC).
    /// </summary>
    public bool TryMatch(string? text, [NotNullWhen(true)] out Bank? bank)
    {
        bank = null;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var trimmed = text.AsSpan().Trim();
        if (byExactSpan.TryGetValue(trimmed, out bank) || byNameSpan.TryGetValue(trimmed, out bank)) return true;
        Span<char> compact = trimmed.Length <= 128 ? stackalloc char[trimmed.Length] : new char[trimmed.Length];
        var length = 0;
        foreach (var c in trimmed)
        {
            if (!char.IsWhiteSpace(c)) compact[length++] = c;
        }
        if (length != trimmed.Length && byNameSpan.TryGetValue(compact[..length], out bank)) return true;
        bank = FindMentioned(trimmed);
        return bank is not null;
    }

    /// <summary>The bank whose name or distinctive alias is the longest one mentioned in free text (e.g. a branch name).</summary>
    public Bank? FindMentioned(ReadOnlySpan<char> text)
    {
        Bank? best = null;
        var bestLength = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (!mentionsByFirstChar.TryGetValue(FoldAscii(text[i]), out var candidates)) continue;
            var rest = text[i..];
            foreach (var (term, bank) in candidates)
            {
                if (term.Length <= bestLength) break;
                if (rest.StartsWith(term, char.IsAscii(term[0]) ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal))
                {
                    best = bank;
                    bestLength = term.Length;
                    break;
                }
            }
        }
        return best;
    }

    private static IEnumerable<string> Names(Bank bank)
    {
        yield return bank.Code;
        yield return bank.ChineseName;
        yield return bank.EnglishName;
        foreach (var alias in bank.Aliases) yield return alias;
        foreach (var alias in bank.MentionAliases) yield return alias;
    }

    private static char FoldAscii(char c) => c is >= 'A' and <= 'Z' ? (char)(c + 32) : c;

    private static string RemoveWhitespace(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
}

internal static class BuiltInBanks
{
    public static IReadOnlyList<Bank> All { get; } =
    [
        new("ICBC", "中国工商银行", "Industrial and Commercial Bank of China", ["工商银行", "工行", "ICBC China"], ["工商银行", "工行"]),
        new("ABC", "中国农业银行", "Agricultural Bank of China", ["农业银行", "农行", "Agricultural Bank"], ["农业银行", "农行"]),
        new("BOC", "中国银行", "Bank of China", ["中行", "BOC China"], ["中行"]),
        new("CCB", "中国建设银行", "China Construction Bank", ["建设银行", "建行", "Construction Bank"], ["建设银行", "建行"]),
        new("BOCOM", "交通银行", "Bank of Communications", ["交行", "BCM", "COMM"], ["交行"]),
        new("PSBC", "中国邮政储蓄银行", "Postal Savings Bank of China", ["邮政储蓄", "邮政", "Postal Savings Bank"], ["邮政储蓄银行", "邮储银行", "邮储"]),
        new("CMB", "招商银行", "China Merchants Bank", ["招商", "Merchants Bank"], ["招行"]),
        new("CITIC", "中信银行", "China CITIC Bank", ["中信", "CITIC Bank"], []),
        new("CEB", "中国光大银行", "China Everbright Bank", ["光大", "Everbright Bank"], ["光大银行"]),
        new("CMBC", "中国民生银行", "China Minsheng Bank", ["民生", "Minsheng Bank"], ["民生银行"]),
        new("SPDB", "上海浦东发展银行", "Shanghai Pudong Development Bank", ["浦发", "SPD Bank"], ["浦发银行", "浦东发展银行"]),
        new("CIB", "兴业银行", "Industrial Bank", ["兴业", "Industrial Bank Co"], []),
        new("PAB", "平安银行", "Ping An Bank", ["平安", "PingAn Bank", "PingAn"], []),
        new("HXB", "华夏银行", "Hua Xia Bank", ["华夏", "Huaxia Bank", "Huaxia"], []),
        new("GDB", "广发银行", "China Guangfa Bank", ["广发", "CGB", "Guangfa Bank", "广东发展银行"], ["广东发展银行"]),
        new("BOB", "北京银行", "Bank of Beijing", ["BCCB", "北京银行股份有限公司"], []),
        new("BOSC", "上海银行", "Bank of Shanghai", ["BOS"], []),
    ];
}
