using System.Collections.Frozen;
using System.Globalization;
using System.Resources;
using System.Text;
using WalletHelp.Core.Diagnostics;
using WalletHelp.Core.Reference;

namespace WalletHelp.Core.Localization;

/// <summary>
/// Rule texts from <c>FindingTexts.resx</c> (English, neutral) and <c>FindingTexts.zh-CN.resx</c>: keys
/// <c>CODE.Title</c>, <c>CODE.Explanation</c>, <c>CODE.Remedy.1..n</c>, <c>CODE.Prepare.1..n</c> (optional), with <c>{arg}</c> placeholders filled from
/// <see cref="Finding.Args"/>. Chinese is the default; any <c>en*</c> culture gets English.
/// </summary>
public sealed class FindingTexts : IFindingTexts
{
    public const string ResourceBaseName = "WalletHelp.Core.Localization.FindingTexts";

    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo(Languages.Chinese);

    private readonly ResourceManager resources = new(ResourceBaseName, typeof(FindingTexts).Assembly);
    private readonly BankDirectory banks;
    private readonly FrozenDictionary<string, CodeTexts> english;
    private readonly FrozenDictionary<string, CodeTexts> chinese;

    public FindingTexts() : this(BankDirectory.Default)
    {
    }

    public FindingTexts(BankDirectory banks)
    {
        this.banks = banks ?? throw new ArgumentNullException(nameof(banks));
        english = Load(CultureInfo.InvariantCulture);
        chinese = Load(Chinese);
    }

    public LocalizedFinding Localize(Finding finding, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(finding);
        var inEnglish = Languages.IsEnglish(culture);
        var table = inEnglish ? english : chinese;
        var faq = RuleCatalog.FaqFor(finding.Code);
        if (!table.TryGetValue(finding.Code, out var texts))
        {
            // A code from a newer rule set, or a stored result: show the code rather than fail.
            return new LocalizedFinding(finding.Code, finding.Severity, finding.Field, finding.SelfService, finding.Code, string.Empty, [], faq);
        }
        var remedies = new string[texts.Remedies.Length];
        for (var i = 0; i < remedies.Length; i++) remedies[i] = Fill(texts.Remedies[i], finding.Args, inEnglish);
        var prepare = new string[texts.Prepare.Length];
        for (var i = 0; i < prepare.Length; i++) prepare[i] = Fill(texts.Prepare[i], finding.Args, inEnglish);
        return new LocalizedFinding(
            finding.Code,
            finding.Severity,
            finding.Field,
            finding.SelfService,
            Fill(texts.Title, finding.Args, inEnglish),
            Fill(texts.Explanation, finding.Args, inEnglish),
            remedies,
            faq)
        { Prepare = prepare };
    }

    /// <summary>Raw templates of one code in one language, without falling back to the other language (tests, admin pages).</summary>
    public (string? Title, string? Explanation, IReadOnlyList<string> Remedies) GetTemplates(string code, bool inEnglish)
    {
        var set = resources.GetResourceSet(inEnglish ? CultureInfo.InvariantCulture : Chinese, true, false);
        var remedies = new List<string>();
        for (var i = 1; set?.GetString($"{code}.Remedy.{i}") is { } remedy; i++) remedies.Add(remedy);
        return (set?.GetString($"{code}.Title"), set?.GetString($"{code}.Explanation"), remedies);
    }

    private FrozenDictionary<string, CodeTexts> Load(CultureInfo culture)
    {
        var map = new Dictionary<string, CodeTexts>(StringComparer.Ordinal);
        foreach (var code in RuleCatalog.Codes)
        {
            var title = resources.GetString($"{code}.Title", culture);
            if (title is null) continue;
            map[code] = new CodeTexts(title, resources.GetString($"{code}.Explanation", culture) ?? string.Empty,
                Numbered(code, "Remedy", culture), Numbered(code, "Prepare", culture));
        }
        return map.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private string Fill(string template, IReadOnlyDictionary<string, string>? args, bool inEnglish)
    {
        var open = template.IndexOf('{', StringComparison.Ordinal);
        if (open < 0) return template;
        var text = new StringBuilder(template.Length + 32);
        var from = 0;
        while (open >= 0)
        {
            var close = template.IndexOf('}', open + 1);
            if (close < 0) break;
            text.Append(template, from, open - from);
            var key = template.Substring(open + 1, close - open - 1);
            text.Append(args is not null && args.TryGetValue(key, out var value) ? Format(key, value, inEnglish) : "—");
            from = close + 1;
            open = template.IndexOf('{', from);
        }
        text.Append(template, from, template.Length - from);
        return text.ToString();
    }

    private string Format(string key, string value, bool inEnglish)
    {
        if (key.EndsWith("At", StringComparison.Ordinal)
            && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
        {
            var china = ChinaTime.Format(at);
            return inEnglish ? $"{china} (China time)" : $"{china}（北京时间）";
        }
        if (key.EndsWith("Bank", StringComparison.Ordinal))
            return banks.FindByCode(value)?.NameFor(inEnglish) ?? value;
        // Per-argument words first (e.g. Value.walletClass.3 → 三 in Chinese), then words for enum values (Value.dormant).
        if (value.Length is > 0 and <= 3
            && resources.GetString($"Value.{key}.{value}", inEnglish ? CultureInfo.InvariantCulture : Chinese) is { } keyed)
            return keyed;
        if (value.Length > 0 && IsEnumValue(value)
            && resources.GetString($"Value.{value}", inEnglish ? CultureInfo.InvariantCulture : Chinese) is { } word)
            return word;
        return value;
    }

    private static bool IsEnumValue(string value)
    {
        foreach (var c in value)
        {
            if (c is not ((>= 'a' and <= 'z') or '-')) return false;
        }
        return true;
    }

    private string[] Numbered(string code, string kind, CultureInfo culture)
    {
        var texts = new List<string>();
        for (var i = 1; resources.GetString($"{code}.{kind}.{i}", culture) is { } text; i++) texts.Add(text);
        return [.. texts];
    }

    private sealed record CodeTexts(string Title, string Explanation, string[] Remedies, string[] Prepare);
}
