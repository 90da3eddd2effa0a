using Bunit;
using Microsoft.Extensions.DependencyInjection;
using WalletHelp.Core.Diagnostics;
using WalletHelp.Tests.Components.Diagnose;
using WalletHelp.Web.Components.Pages.Agent;
using WalletHelp.Web.Components.Pages.Diagnose;
using WalletHelp.Web.Services.Assist;
using WalletHelp.Web.Services.Audit;

namespace WalletHelp.Tests.Components;

/// <summary>The agent's live view and the user's assist panel, over the real app's assist services.</summary>
public sealed class AssistComponentsTests : WizardTestBase, IClassFixture<WizardHost>
{
    private const string FullId = "110105194912310023";

    public AssistComponentsTests(WizardHost host) : base(host)
    {
    }

    private AssistService Assist => Host.Services.GetRequiredService<AssistService>();

    private static AssistAgentView View(AssistPresence presence, string? endReason = null)
    {
        var state = new WizardState(Symptom.ApplicationRejected);
        state.SetPersonal(p => p with { IdNumber = FullId, Name = "张三" }, FieldPaths.IdNumber);
        state.TouchStep(state.CurrentStep);
        state.Findings = [new Finding("PI-ID-CHECKSUM", Severity.Blocking, FieldPaths.IdNumber, true,
            new Dictionary<string, string> { ["expected"] = "X", ["actual"] = "3", ["position"] = "18" })];
        var snapshot = WizardAssist.Snapshot(state);
        return new AssistAgentView("s1", presence, endReason, [new AssistAgent("u1", "agent", AssistAgent.Lead)], snapshot,
            [new AssistTimelineEntry(DateTimeOffset.UtcNow, AssistSnapshot.WizardPage, "personal")], [], null, null, 3);
    }

    [Fact]
    public void LiveView_ShowsStepMaskedIdAndTheUsersFindingText_NeverTheFullNumber()
    {
        var cut = Render<AssistLiveView>(p => p.Add(x => x.View, View(AssistPresence.Connected)));

        Assert.Equal("personal", cut.Find("[data-testid='assist-step']").GetAttribute("data-step"));
        Assert.Contains("第 1 步", cut.Find("[data-testid='assist-step']").TextContent);
        Assert.Equal("110105********0023", cut.Find("[data-testid='assist-value-personal-idNumber']").TextContent.Trim());
        var finding = cut.Find("[data-testid='assist-finding-PI-ID-CHECKSUM']").TextContent;
        Assert.Contains("身份证号校验位不正确", finding);
        Assert.Contains("第 18 位应为 X", finding);
        Assert.Contains("PI-ID-CHECKSUM", finding);
        Assert.Equal("connected", cut.Find("[data-testid='assist-presence']").GetAttribute("data-presence"));
        Assert.DoesNotContain(FullId, cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void LiveView_UserEndedOrLeft_SaysSo()
    {
        var ended = Render<AssistLiveView>(p => p.Add(x => x.View, View(AssistPresence.Ended, InMemoryAssistSessions.EndedByUser)));
        Assert.Contains("来电者已结束共享", ended.Find("[data-testid='assist-presence']").TextContent);

        var gone = Render<AssistLiveView>(p => p.Add(x => x.View, View(AssistPresence.Disconnected)));
        Assert.Contains("来电者已离开页面或连接中断", gone.Find("[data-testid='assist-presence']").TextContent);
    }

    [Fact]
    public async Task Panel_StartShowsCodeAndWhatTheAgentSees_AgentJoinsAndPoints_UserEnds()
    {
        var cut = Render<AssistPanel>(p => p
            .Add(x => x.Steps, WizardAssist.StepsFor(Symptom.ApplicationRejected))
            .Add(x => x.FieldShown, _ => false));
        Assert.Equal("off", cut.Find("[data-testid='assist-panel']").GetAttribute("data-state"));

        await cut.InvokeAsync(() => cut.Find("[data-testid='assist-start']").Click());
        await WaitUntilAsync(() => cut.FindAll("[data-testid='assist-code']").Count == 1);
        var code = cut.Find("[data-testid='assist-code']").GetAttribute("data-code")!;
        Assert.Matches("^[0-9]{6}$", code);
        var what = cut.Find("[data-testid='assist-what']").TextContent;
        Assert.Contains("遮挡形式", what);
        Assert.Contains("看不到完整的身份证号", what);
        Assert.Contains("随时停止共享", what);

        var agent = AuditActor.Named("agent@test.local") with { UserId = "agent-user" };
        var claim = await Assist.ClaimAsync(code, new AssistAgent("agent-user", "agent", AssistAgent.Lead), agent);
        Assert.Equal(AssistClaimStatus.Joined, claim.Status);
        await WaitUntilAsync(() => cut.FindAll("[data-testid='assist-connected']").Count == 1);
        Assert.Contains("agent", cut.Find("[data-testid='assist-connected']").TextContent);

        await Assist.HintAsync(claim.SessionId!, agent, "请核对卡号 6228480402564890018", FieldPaths.CardNumber);
        await WaitUntilAsync(() => cut.FindAll("[data-testid='assist-pointer-elsewhere']").Count == 1);
        var pointer = cut.Find("[data-testid='assist-pointer-elsewhere']").TextContent;
        Assert.Contains("银行卡号", pointer);
        // Hints are scrubbed like any free text.
        Assert.DoesNotContain("6228480402564890018", pointer, StringComparison.Ordinal);

        await Assist.SuggestAsync(claim.SessionId!, agent, "bank");
        await WaitUntilAsync(() => cut.FindAll("[data-testid='assist-go-step']").Count == 1);

        await cut.InvokeAsync(() => cut.Find("[data-testid='assist-end']").Click());
        await WaitUntilAsync(() => cut.FindAll("[data-testid='assist-ended']").Count == 1);
        Assert.Equal(AssistPresence.Ended, Assist.Sessions.AgentView(claim.SessionId!)!.Presence);
    }
}
