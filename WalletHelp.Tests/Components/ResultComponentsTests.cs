using Bunit;
using Microsoft.Extensions.DependencyInjection;
using WalletHelp.Core;
using WalletHelp.Core.Diagnostics;
using WalletHelp.Tests.TestSupport;
using WalletHelp.Web.Components.Pages.Diagnoses;
using WalletHelp.Web.Services.Diagnoses;

namespace WalletHelp.Tests.Components;

public class ResultComponentsTests : BunitTestBase
{
    public ResultComponentsTests() => Services.AddWalletHelpCore();

    private static DiagnosisView View(Outcome outcome, DateTimeOffset? retryAfter = null, params Finding[] findings) =>
        new("WH-7KQ2-9MX4", DateTimeOffset.Parse("2026-11-25T09:12:03Z", System.Globalization.CultureInfo.InvariantCulture),
            Symptom.ApplicationRejected, outcome, retryAfter, RuleCatalog.Version, findings, "zh-CN", "open", null, null, [], null);

    [Theory]
    [InlineData(Outcome.Ready, "ready", "可以重新申请了")]
    [InlineData(Outcome.FixAndRetry, "fix-and-retry", "请先修改以下信息")]
    [InlineData(Outcome.Wait, "wait", "请稍后再试")]
    [InlineData(Outcome.ContactSupport, "contact-support", "请联系客服")]
    public void OutcomeBanner_EachOutcome_ShowsItsTitleAndCode(Outcome outcome, string code, string title)
    {
        var cut = Render<OutcomeBanner>(p => p.Add(x => x.View, View(outcome)));

        var banner = cut.Find("[data-testid='outcome-banner']");
        Assert.Equal(code, banner.GetAttribute("data-outcome"));
        Assert.Contains(title, banner.TextContent);
    }

    [Fact]
    public void OutcomeBanner_Wait_SaysUntilWhenInBeijingTime()
    {
        var cut = Render<OutcomeBanner>(p => p.Add(x => x.View,
            View(Outcome.Wait, DateTimeOffset.Parse("2026-11-25T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture))));

        Assert.Contains("2026-11-25 18:00", cut.Markup);
        Assert.Contains("北京时间", cut.Markup);
    }

    [Fact]
    public void FindingList_MixedSeverities_GroupsBlockingThenWarningThenInfo()
    {
        var texts = Services.GetRequiredService<IFindingTexts>();
        Finding[] findings =
        [
            new("PI-PHONE-PREFIX", Severity.Info, "personal.phone", true),
            new("PI-ID-CHECKSUM", Severity.Blocking, "personal.idNumber", true,
                new Dictionary<string, string> { ["expected"] = "X", ["actual"] = "3", ["position"] = "18" }),
            new("PI-INFO-CHANGED", Severity.Warning, "personal.recentlyChangedIdentity", true),
        ];
        var view = View(Outcome.FixAndRetry, null, findings);
        var cut = Render<FindingList>(p => p
            .Add(x => x.View, view)
            .Add(x => x.Findings, [.. findings.Select(f => texts.Localize(f, System.Globalization.CultureInfo.CurrentUICulture))]));

        var groups = cut.FindAll("section[data-testid^='group-']").Select(s => s.GetAttribute("data-testid")).ToList();
        Assert.Equal(["group-blocking", "group-warning", "group-info"], groups);
        var checksum = cut.Find("[data-testid='finding-PI-ID-CHECKSUM']");
        Assert.Contains("X", checksum.TextContent);
        Assert.Contains("/diagnose/application-rejected?edit=personal.idNumber", checksum.InnerHtml);
        Assert.NotEmpty(checksum.QuerySelectorAll("[data-testid='finding-remedies'] li"));
    }

    [Fact]
    public void FindingList_OperatorOnlyFinding_OffersNoEditLink()
    {
        var texts = Services.GetRequiredService<IFindingTexts>();
        Finding[] findings = [new("AP-RISK-HOLD", Severity.Blocking, "application.rejectionMessage", false)];
        var cut = Render<FindingList>(p => p
            .Add(x => x.View, View(Outcome.ContactSupport, null, findings))
            .Add(x => x.Findings, [.. findings.Select(f => texts.Localize(f, System.Globalization.CultureInfo.CurrentUICulture))]));

        var finding = cut.Find("[data-testid='finding-AP-RISK-HOLD']");
        Assert.Empty(finding.QuerySelectorAll("[data-testid='edit-answer']"));
        Assert.Contains("只能由运营机构或银行处理", finding.TextContent);
    }

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en")]
    public void ContactOptions_OperatorOnlyFindings_ListWhatToHaveReadyNotTheirSteps(string language)
    {
        var culture = System.Globalization.CultureInfo.GetCultureInfo(language);
        var texts = Services.GetRequiredService<IFindingTexts>();
        LocalizedFinding[] findings =
        [
            texts.Localize(new Finding("AP-RISK-HOLD", Severity.Blocking, "application.rejectionMessage", false), culture),
            texts.Localize(new Finding("BK-CARD-STATUS", Severity.Blocking, "bank.cardStatus", false,
                new Dictionary<string, string> { ["status"] = "frozen" }), culture),
            texts.Localize(new Finding("SY-FROZEN", Severity.Blocking, "application.accountFrozen", false), culture),
            texts.Localize(new Finding("BK-CARD-MISSING", Severity.Blocking, "bank.cardNumber", true), culture),
        ];
        System.Globalization.CultureInfo.CurrentUICulture = culture; // the base class restores it
        var cut = Render<ContactOptions>(p => p.Add(x => x.View, View(Outcome.ContactSupport)).Add(x => x.Findings, findings));

        var items = cut.FindAll("[data-testid='prepare-list'] li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Contains(items, item => item.Contains("WH-7KQ2-9MX4", StringComparison.Ordinal));
        // The operator-only findings' own documents: the risk review's proof of income and explanation, the freeze notice.
        var extra = cut.FindAll("[data-testid='prepare-item']").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal([.. findings[0].Prepare, .. findings[2].Prepare], extra);
        Assert.Equal(3, extra.Count);
        Assert.Contains(language == "en" ? "payslip" : "工资单", extra[0], StringComparison.Ordinal);
        // No action step of any finding is repeated as something to "have ready".
        foreach (var step in findings.SelectMany(f => f.Remedies))
        {
            Assert.DoesNotContain(step, items);
        }
        Assert.Equal(items.Count, items.Distinct().Count());
    }

    [Fact]
    public void ContactOptions_OnlySelfServiceFindings_ListsOnlyTheBasics()
    {
        var texts = Services.GetRequiredService<IFindingTexts>();
        var missing = texts.Localize(new Finding("BK-CARD-MISSING", Severity.Blocking, "bank.cardNumber", true), System.Globalization.CultureInfo.CurrentUICulture);
        var cut = Render<ContactOptions>(p => p.Add(x => x.View, View(Outcome.FixAndRetry)).Add(x => x.Findings, [missing]));

        Assert.Equal(4, cut.FindAll("[data-testid='prepare-list'] li").Count);
        Assert.Empty(cut.FindAll("[data-testid='prepare-item']"));
    }

    private IReadOnlyList<LocalizedFinding> Localize(Outcome outcome, params Finding[] findings)
    {
        var texts = Services.GetRequiredService<IFindingTexts>();
        return [.. FindingOrder.Sort(findings, outcome).Select(f => texts.Localize(f, System.Globalization.CultureInfo.CurrentUICulture))];
    }

    [Fact]
    public void FindingList_ContactSupport_LeadsWithTheOperatorFindingAndOffersTheRestAsAlsoWorthChecking()
    {
        Finding[] findings =
        [
            new("BK-CARD-MISSING", Severity.Blocking, "bank.cardNumber", true),
            new("AP-RISK-HOLD", Severity.Blocking, "application.rejectionMessage", false),
        ];
        var cut = Render<FindingList>(p => p
            .Add(x => x.View, View(Outcome.ContactSupport, null, findings))
            .Add(x => x.Findings, Localize(Outcome.ContactSupport, findings)));

        var groups = cut.FindAll("section[data-testid^='group-']").Select(s => s.GetAttribute("data-testid")).ToList();
        Assert.Equal(["group-decisive", "group-also-worth-checking"], groups);
        Assert.Contains("为什么需要联系客服", cut.Find("[data-testid='group-decisive'] h3").TextContent);
        Assert.Contains("也值得检查", cut.Find("[data-testid='group-also-worth-checking'] h3").TextContent);
        Assert.NotNull(cut.Find("[data-testid='group-also-worth-checking'] [data-testid='finding-BK-CARD-MISSING']"));
        var ids = cut.FindAll("[data-testid^='finding-AP-'], [data-testid^='finding-BK-']").Select(e => e.GetAttribute("data-testid")).ToList();
        Assert.Equal(["finding-AP-RISK-HOLD", "finding-BK-CARD-MISSING"], ids);
    }

    [Fact]
    public void FindingList_Ready_ExpandsTheReapplySteps()
    {
        Finding[] findings = [new("PI-PHONE-PREFIX", Severity.Info, "personal.phone", true), new("AP-READY", Severity.Info, null, true)];
        var cut = Render<FindingList>(p => p
            .Add(x => x.View, View(Outcome.Ready, null, findings))
            .Add(x => x.Findings, Localize(Outcome.Ready, findings)));

        Assert.Contains("重新申请的步骤", cut.Find("[data-testid='group-decisive'] h3").TextContent);
        var steps = cut.FindAll("[data-testid='finding-AP-READY'] [data-testid='finding-remedies'] li");
        Assert.True(steps.Count >= 2, cut.Markup);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void FindingList_RuleCodes_OnlyForStaff(bool showCodes)
    {
        Finding[] findings = [new("BK-BANK-MISMATCH", Severity.Blocking, "bank.bankName", true, new Dictionary<string, string> { ["namedBank"] = "ICBC", ["cardBank"] = "ABC" })];
        var cut = Render<FindingList>(p => p
            .Add(x => x.View, View(Outcome.FixAndRetry, null, findings))
            .Add(x => x.Findings, Localize(Outcome.FixAndRetry, findings))
            .Add(x => x.ShowCodes, showCodes));

        Assert.Equal(showCodes, cut.Markup.Contains("BK-BANK-MISMATCH</code>", StringComparison.Ordinal));
        Assert.Equal(showCodes ? 1 : 0, cut.FindAll("[data-testid='finding-code']").Count);
    }

    [Fact]
    public void ReferenceCard_CopyAndPrint_AreOneClickWithoutACircuit()
    {
        var cut = Render<ReferenceCard>(p => p
            .Add(x => x.Reference, "WH-7KQ2-9MX4")
            .Add(x => x.CreatedAt, DateTimeOffset.Parse("2026-11-25T09:12:03Z", System.Globalization.CultureInfo.InvariantCulture))
            .Add(x => x.Symptom, Symptom.ApplicationRejected));

        // wwwroot/js/result.js copies data-wh-copy and shows data-wh-copied; data-wh-print prints.
        var copy = cut.Find("[data-testid='copy-reference']");
        Assert.Equal("WH-7KQ2-9MX4", copy.GetAttribute("data-wh-copy"));
        Assert.Equal("诊断编号已复制", copy.GetAttribute("data-wh-copied"));
        Assert.Equal("复制诊断编号", copy.GetAttribute("aria-label"));
        Assert.NotNull(cut.Find("[data-testid='print']").GetAttribute("data-wh-print"));
    }
}
