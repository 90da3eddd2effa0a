using System.Globalization;
using WalletHelp.Core.Diagnostics;
using WalletHelp.Core.Localization;
using WalletHelp.Tests.TestSupport;

namespace WalletHelp.Tests.Core;

public class CatalogTests
{
    /// <summary>One row of docs/rules.md's tables.</summary>
    public sealed record DocRow(int Order, string Code, string Severity, bool SelfService, bool Wait);

    /// <summary>The rows of docs/rules.md, in document order (the repository's own catalogue).</summary>
    public static readonly IReadOnlyList<DocRow> DocRows = ReadDocRows();

    /// <summary>The code column of docs/rules.md.</summary>
    public static readonly string[] CatalogueCodes = [.. DocRows.Select(r => r.Code)];

    private static readonly FindingTexts Texts = new();

    public static TheoryData<string> Codes => new(CatalogueCodes);

    private static List<DocRow> ReadDocRows()
    {
        var rows = new List<DocRow>();
        foreach (var line in File.ReadLines(RepoPaths.Of("docs", "rules.md")))
        {
            // | order | code | topic | severity | self-service | wait | related FAQ | fires when |
            var cells = line.Split('|', StringSplitOptions.TrimEntries);
            if (cells.Length < 9 || !int.TryParse(cells[1], CultureInfo.InvariantCulture, out var order)) continue;
            rows.Add(new DocRow(order, cells[2], cells[4], cells[5] == "yes", cells[6] == "yes"));
        }
        return rows;
    }

    [Fact]
    public void RulesDoc_ListsTheCatalogue()
    {
        Assert.Equal(55, DocRows.Count);
        Assert.Equal(DocRows.Count, CatalogueCodes.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void RuleCatalog_Codes_MatchTheCatalogueInOrder() =>
        Assert.Equal(CatalogueCodes, RuleCatalog.Codes);

    [Fact]
    public void RuleCatalog_Metadata_MatchesRulesDoc()
    {
        foreach (var row in DocRows)
        {
            var rule = RuleCatalog.Find(row.Code);
            Assert.NotNull(rule);
            Assert.Equal(row, new DocRow(rule.Order, rule.Code, rule.Severity.ToCode(), rule.SelfService, rule.IsWaitReason));
        }
    }

    [Fact]
    public void RuleCatalog_WaitReasons_AreBlockingAndSelfService() =>
        Assert.All(RuleCatalog.Rules.Where(r => r.IsWaitReason), r => Assert.True(r is { Severity: Severity.Blocking, SelfService: true }, r.Code));

    [Fact]
    public void RuleCatalog_EveryCode_HasExactlyOneRuleClass()
    {
        var ruleTypes = typeof(IRule).Assembly.GetTypes()
            .Where(t => typeof(IRule).IsAssignableFrom(t) && t is { IsClass: true, IsAbstract: false })
            .ToList();
        var codes = ruleTypes.Select(t => ((IRule)Activator.CreateInstance(t)!).Code).ToList();

        Assert.Equal(CatalogueCodes.Order(StringComparer.Ordinal), codes.Order(StringComparer.Ordinal));
        Assert.All(ruleTypes, t => Assert.True(t.IsSealed, $"{t.Name} should be sealed"));
    }

    [Fact]
    public void RuleCatalog_Rules_ContainsEveryRuleClassOnceWithApReadyLast()
    {
        var registered = RuleCatalog.Rules.Select(r => r.GetType()).ToList();
        var all = typeof(IRule).Assembly.GetTypes().Where(t => typeof(IRule).IsAssignableFrom(t) && t is { IsClass: true, IsAbstract: false }).ToList();

        Assert.Equal(all.Count, registered.Distinct().Count());
        Assert.Equal(all.Count, registered.Count);
        Assert.Equal("AP-READY", RuleCatalog.Rules[^1].Code);
        var lastBankOrPersonal = RuleCatalog.Rules.ToList().FindLastIndex(r => r.Code.StartsWith("PI-", StringComparison.Ordinal) || r.Code.StartsWith("BK-", StringComparison.Ordinal));
        var prereq = RuleCatalog.Rules.ToList().FindIndex(r => r.Code == "AP-PREREQ");
        Assert.True(prereq > lastBankOrPersonal);
        Assert.Equal(RuleCatalog.Rules.Count, RuleCatalog.Rules.Select(r => r.Order).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void FindingTexts_EveryCode_HasTitleExplanationAndRemediesInBothLanguages(string code)
    {
        foreach (var english in new[] { true, false })
        {
            var (title, explanation, remedies) = Texts.GetTemplates(code, english);
            Assert.False(string.IsNullOrWhiteSpace(title), $"{code} title ({(english ? "en" : "zh-CN")})");
            Assert.False(string.IsNullOrWhiteSpace(explanation), $"{code} explanation ({(english ? "en" : "zh-CN")})");
            Assert.NotEmpty(remedies);
        }
        Assert.NotEmpty(RuleCatalog.FaqFor(code));
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void FindingTexts_EveryCodeFiredByItsTableCase_HasNoUnsubstitutedPlaceholder(string code)
    {
        var @case = RuleTableTests.All().First(c => c.Code == code && c.Fires);
        var report = Builders.Diagnose(@case.Input, @case.Schedule, @case.Now);
        var finding = report.Get(code);

        foreach (var culture in new[] { "zh-CN", "en", "en-US" })
        {
            var text = Texts.Localize(finding, CultureInfo.GetCultureInfo(culture));
            var all = string.Join("\n", [text.Title, text.Explanation, .. text.Remedies]);
            Assert.DoesNotContain("{", all, StringComparison.Ordinal);
        }
        foreach (var english in new[] { true, false })
        {
            var (title, explanation, remedies) = Texts.GetTemplates(code, english);
            foreach (var template in new[] { title!, explanation! }.Concat(remedies))
            {
                foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(template, @"\{(\w+)\}"))
                    Assert.True(finding.Args?.ContainsKey(m.Groups[1].Value) == true, $"{code}: no arg for {m.Value}");
            }
        }
    }

    [Fact]
    public void Localize_UnknownCulture_FallsBackToChinese()
    {
        var finding = new Finding("AP-READY", Severity.Info, null, true);

        var french = Texts.Localize(finding, CultureInfo.GetCultureInfo("fr-FR"));
        var chinese = Texts.Localize(finding, CultureInfo.GetCultureInfo("zh-CN"));
        var english = Texts.Localize(finding, CultureInfo.GetCultureInfo("en-GB"));

        Assert.Equal(chinese.Title, french.Title);
        Assert.NotEqual(chinese.Title, english.Title);
        Assert.Equal(3, english.Remedies.Count);
    }

    [Fact]
    public void Localize_IdChecksum_NamesExpectedAndActualCharacter()
    {
        var finding = new Finding("PI-ID-CHECKSUM", Severity.Blocking, "personal.idNumber", true,
            new Dictionary<string, string> { ["expected"] = "7", ["actual"] = "3", ["position"] = "18" });

        Assert.Contains("第 18 位应为 7，而不是 3", Texts.Localize(finding, CultureInfo.GetCultureInfo("zh-CN")).Explanation, StringComparison.Ordinal);
        Assert.Contains("The 18th character should be 7, not 3", Texts.Localize(finding, CultureInfo.GetCultureInfo("en")).Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Localize_Maintenance_SaysWhenItEndsInChinaTime()
    {
        var finding = new Finding("AP-MAINTENANCE", Severity.Blocking, null, true,
            new Dictionary<string, string> { ["endsAt"] = "2026-11-25T04:30:00Z" });

        Assert.Contains("2026-11-25 12:30", Texts.Localize(finding, CultureInfo.GetCultureInfo("zh-CN")).Explanation, StringComparison.Ordinal);
        Assert.Contains("2026-11-25 12:30 (China time)", Texts.Localize(finding, CultureInfo.GetCultureInfo("en")).Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Localize_BankMismatch_ShowsBankNamesInTheLanguage()
    {
        var finding = new Finding("BK-BANK-MISMATCH", Severity.Blocking, "bank.bankName", true,
            new Dictionary<string, string> { ["namedBank"] = "ICBC", ["cardBank"] = "ABC" });

        Assert.Contains("中国农业银行", Texts.Localize(finding, CultureInfo.GetCultureInfo("zh-CN")).Explanation, StringComparison.Ordinal);
        Assert.Contains("Agricultural Bank of China", Texts.Localize(finding, CultureInfo.GetCultureInfo("en")).Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Localize_WalletClass_UsesChineseNumeralsInChinese()
    {
        var finding = new Finding("TX-LIMIT-SINGLE", Severity.Blocking, "transaction.amount", true,
            new Dictionary<string, string> { ["amount"] = "5001", ["limit"] = "5000", ["walletClass"] = "3" });

        Assert.Contains("三类钱包", Texts.Localize(finding, CultureInfo.GetCultureInfo("zh-CN")).Explanation, StringComparison.Ordinal);
        Assert.Contains("class 3 wallet", Texts.Localize(finding, CultureInfo.GetCultureInfo("en")).Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Localize_RiskHold_ListsDocumentsToPrepare()
    {
        var text = Texts.Localize(new Finding("AP-RISK-HOLD", Severity.Blocking, null, false), CultureInfo.GetCultureInfo("en"));

        var remedies = string.Join(" ", text.Remedies);
        Assert.Contains("ID card (original)", remedies, StringComparison.Ordinal);
        Assert.Contains("source of funds", remedies, StringComparison.Ordinal);
        Assert.Contains("risk-review-documents", text.Faq);
    }

    [Fact]
    public void Localize_UnknownCode_ReturnsCodeAsTitleWithoutThrowing()
    {
        var text = Texts.Localize(new Finding("XX-NEW", Severity.Info, null, true), CultureInfo.GetCultureInfo("en"));

        Assert.Equal("XX-NEW", text.Title);
    }

    [Fact]
    public void FindingTexts_ResourceKeys_OnlyForKnownCodes()
    {
        var resources = new System.Resources.ResourceManager(FindingTexts.ResourceBaseName, typeof(FindingTexts).Assembly);
        foreach (var culture in new[] { CultureInfo.InvariantCulture, CultureInfo.GetCultureInfo("zh-CN") })
        {
            var set = resources.GetResourceSet(culture, true, false)!;
            foreach (System.Collections.DictionaryEntry entry in set)
            {
                var key = (string)entry.Key;
                if (key.StartsWith("Value.", StringComparison.Ordinal)) continue;
                Assert.Contains(key[..key.IndexOf('.', StringComparison.Ordinal)], CatalogueCodes);
            }
        }
    }
}
