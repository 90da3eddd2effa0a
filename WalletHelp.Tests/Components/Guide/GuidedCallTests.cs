using System.Text;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using WalletHelp.Core.Diagnostics;
using WalletHelp.Tests.Components.Diagnose;
using WalletHelp.Web.Components.Pages.Agent.Guide;
using WalletHelp.Web.Components.Pages.Diagnose;
using WalletHelp.Web.Services.Audit;
using WalletHelp.Web.Services.Diagnoses;

namespace WalletHelp.Tests.Components.Guide;

/// <summary>The guided call's script panel, reference read-out and page, over the real app's services (SQLite file).</summary>
public sealed class GuidedCallTests : WizardTestBase, IClassFixture<WizardHost>
{
    private const string FullId = "11010519491231002X";
    private const string WrongId = "110105194912310023";
    private const string FullCard = "6228480402564890018";

    public GuidedCallTests(WizardHost host) : base(host)
    {
        AddAuthorization().SetAuthorized("agent@test.local").SetRoles("Agent")
            .SetClaims(new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.NameIdentifier, "agent-id"));
    }

    private static WizardState Personal()
    {
        var state = new WizardState(Symptom.ApplicationRejected);
        Assert.Equal(WizardSteps.Personal, state.CurrentStep.Key);
        return state;
    }

    [Fact]
    public void Script_InChinese_OneQuestionPerFieldOfTheStep_ChoicesToRead_NoEnglish()
    {
        var state = Personal();
        var cut = Render<GuideScript>(p => p.Add(x => x.State, state));

        Assert.Equal("personal", cut.Find("[data-testid='guide-script']").GetAttribute("data-step"));
        Assert.Contains("个人信息", cut.Find("[data-testid='guide-script-intro']").TextContent);
        var lines = cut.FindAll("li[data-testid^='guide-line-']").Select(l => l.GetAttribute("data-testid")).ToList();
        Assert.Equal(state.CurrentStep.Fields.Select(f => "guide-line-" + f.Replace('.', '-')), lines);
        var id = cut.Find("[data-testid='guide-line-personal-idNumber']");
        Assert.Contains("一共 18 位", id.QuerySelector("[data-testid='guide-say-zh']")!.TextContent);
        Assert.Equal("zh-CN", id.QuerySelector("[data-testid='guide-say-zh']")!.GetAttribute("lang"));
        Assert.Empty(cut.FindAll("[data-testid='guide-say-en']"));
        var gender = cut.Find("[data-testid='guide-line-personal-gender'] [data-testid='guide-options']").TextContent;
        Assert.Contains("男", gender);
        Assert.Contains("女", gender);
        Assert.Empty(cut.FindAll("[data-testid='guide-line-personal-idNumber'] [data-testid='guide-options']"));
    }

    [Fact]
    public void Script_InTheEnglishUi_ShowsTheChineseLineAndTheEnglishOne()
    {
        UseCulture("en");
        var state = Personal();
        var cut = Render<GuideScript>(p => p.Add(x => x.State, state));

        var id = cut.Find("[data-testid='guide-line-personal-idNumber']");
        Assert.Contains("一共 18 位", id.QuerySelector("[data-testid='guide-say-zh']")!.TextContent);
        var english = id.QuerySelector("[data-testid='guide-say-en']")!;
        Assert.Equal("en", english.GetAttribute("lang"));
        Assert.Contains("18 characters", english.TextContent);
        Assert.Contains("Read to the caller", cut.Markup);
        Assert.Contains("Male", cut.Find("[data-testid='guide-line-personal-gender'] [data-testid='guide-options']").TextContent);
    }

    [Fact]
    public void Script_TellsTheCallerTheLiveFindingsOfAnsweredFields()
    {
        var state = Personal();
        state.SetPersonal(p => p with { Name = "张三", IdNumber = WrongId }, FieldPaths.IdNumber);
        state.Findings = Host.Services.GetRequiredService<IDiagnosisEngine>().Diagnose(state.Input, ServiceSchedule.Empty).Findings;
        var cut = Render<GuideScript>(p => p.Add(x => x.State, state));

        var tell = cut.Find("[data-testid='guide-tell-PI-ID-CHECKSUM']").TextContent;
        Assert.Contains("身份证号校验位不正确", tell);
        Assert.Contains("guide-line-asked", cut.Find("[data-testid='guide-line-personal-idNumber']").ClassName);
        Assert.DoesNotContain("guide-line-asked", cut.Find("[data-testid='guide-line-personal-phone']").ClassName ?? "");
    }

    [Fact]
    public void ReadOut_GroupsTheReference_DigitsInTheUiLanguage_LettersBySpellingWord()
    {
        var cut = Render<ReadOutReference>(p => p.Add(x => x.Reference, "WH-7K3M-Q10P"));

        Assert.Equal("WH-7K3M-Q10P", cut.Find("[data-testid='guide-reference']").TextContent.Trim());
        var groups = cut.FindAll(".wh-readout-group");
        Assert.Equal(3, groups.Count);
        Assert.Equal(["7", "K", "3", "M"], groups[1].QuerySelectorAll(".wh-readout-glyph").Select(g => g.TextContent));
        Assert.Equal(["七", "Kilo", "三", "Mike"], groups[1].QuerySelectorAll(".wh-readout-say").Select(g => g.TextContent));
        Assert.Equal(["Quebec", "幺", "零", "Papa"], groups[2].QuerySelectorAll(".wh-readout-say").Select(g => g.TextContent));
    }

    [Fact]
    public async Task Page_AgentRunsTheWizardForACaller_ReferenceToReadOut_MaskedOnly_NothingInSessionStorage()
    {
        var cut = Render<GuidedCall>();
        Assert.Equal("symptom", cut.Find("[data-testid='guide-state']").GetAttribute("data-phase"));
        await cut.InvokeAsync(() => cut.Find("[data-testid='guide-symptom-application-rejected']").Click());
        Assert.Equal("wizard", cut.Find("[data-testid='guide-state']").GetAttribute("data-phase"));
        Assert.Equal("personal", cut.Find("[data-testid='guide-script']").GetAttribute("data-step"));

        cut.Find("[data-testid='field-personal-name']").Input("张三");
        cut.Find("[data-testid='field-personal-idNumber']").Input(WrongId);
        // The same live finding as the caller would get, on the field and in the script.
        await WaitUntilAsync(() => cut.FindAll("[data-testid='findings-personal-idNumber'] [data-testid='field-finding-PI-ID-CHECKSUM']").Count == 1);
        Assert.Single(cut.FindAll("[data-testid='guide-tell-PI-ID-CHECKSUM']"));
        cut.Find("[data-testid='field-personal-idNumber']").Input(FullId);
        await WaitUntilAsync(() => cut.FindAll("[data-testid='guide-tell-PI-ID-CHECKSUM']").Count == 0);

        while (cut.FindAll("[data-testid='guide-submit']").Count == 0)
        {
            if (cut.FindAll("[data-testid='field-bank-cardNumber']").Count == 1)
            {
                cut.Find("[data-testid='field-bank-cardNumber']").Input(FullCard);
            }
            if (cut.FindAll("[data-testid='field-application-networkCheck-slow']").Count == 1)
            {
                // Asked, not measured: the agent's own connection says nothing about the caller's.
                Assert.Empty(cut.FindAll("[data-testid='network-recheck']"));
                cut.Find("[data-testid='field-application-networkCheck-slow']").Change("slow");
            }
            await cut.InvokeAsync(() => cut.Find("[data-testid='guide-next']").Click());
        }
        await cut.InvokeAsync(() => cut.Find("[data-testid='guide-submit']").Click());
        await WaitUntilAsync(() => cut.FindAll("[data-testid='guide-done']").Count == 1);

        var reference = cut.Find("[data-testid='guide-reference']").GetAttribute("data-reference")!;
        Assert.Matches("^WH-[0-9A-Z]{4}-[0-9A-Z]{4}$", reference);
        Assert.Contains(reference, cut.Find("[data-testid='guide-say-reference']").TextContent);
        Assert.Equal($"/agent/cases/{reference}", cut.Find("[data-testid='guide-open-case']").GetAttribute("href"));
        // The answers are gone from the page with the call; nothing went to the browser's session storage.
        Assert.DoesNotContain(FullId, cut.Markup, StringComparison.Ordinal);
        Assert.Empty(Store.Saved);

        var view = (await Host.Services.GetRequiredService<DiagnosisService>()
            .FindForAsync(reference, new Requester(null, null, IsStaff: true), Xunit.TestContext.Current.CancellationToken))!;
        Assert.Equal("agent@test.local", view.CreatorName);
        Assert.Null(view.OwnerUserId);
        var masked = view.MaskedInput!.Value.GetRawText();
        Assert.Contains("110105********002X", masked);
        Assert.DoesNotContain(FullId, masked, StringComparison.Ordinal);
        Assert.DoesNotContain(FullCard, masked, StringComparison.Ordinal);
        var database = Host.Factory.ReadDatabaseBytes();
        Assert.True(database.AsSpan().IndexOf(Encoding.UTF8.GetBytes(FullId)) < 0);
        Assert.True(database.AsSpan().IndexOf(Encoding.UTF8.GetBytes(FullCard)) < 0);

        var audit = await Host.Services.GetRequiredService<IAuditLog>().QueryAsync(new AuditQuery(Action: "guide"), Xunit.TestContext.Current.CancellationToken);
        Assert.Contains(audit.Items, e => e.Action == AuditActions.GuideCompleted && e.Target == reference && e.Actor == "agent@test.local");
        Assert.Contains(audit.Items, e => e.Action == AuditActions.GuideStarted && e.Detail == "application-rejected");
    }

    [Fact]
    public async Task Page_EndWithoutSaving_DropsTheAnswers_AndSaysSo()
    {
        var cut = Render<GuidedCall>();
        await cut.InvokeAsync(() => cut.Find("[data-testid='guide-symptom-application-rejected']").Click());
        cut.Find("[data-testid='field-personal-idNumber']").Input(FullId);
        await cut.InvokeAsync(() => cut.Find("[data-testid='guide-cancel']").Click());

        Assert.Equal("symptom", cut.Find("[data-testid='guide-state']").GetAttribute("data-phase"));
        Assert.Single(cut.FindAll("[data-testid='guide-cancelled']"));
        Assert.Null(cut.Instance.State);
        Assert.DoesNotContain(FullId, cut.Markup, StringComparison.Ordinal);
    }
}
