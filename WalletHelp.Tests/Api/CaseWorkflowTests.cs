using Microsoft.Extensions.DependencyInjection;
using WalletHelp.Core.Diagnostics;
using WalletHelp.Tests.TestSupport;
using WalletHelp.Web.Data.Diagnoses;
using WalletHelp.Web.Services.Audit;
using WalletHelp.Web.Services.Diagnoses;

namespace WalletHelp.Tests.Api;

/// <summary>Case status with reasons, assignees, the change history and the agent console's filters (real SQLite file).</summary>
public sealed class CaseWorkflowTests(WalletHelpFactory factory) : IClassFixture<WalletHelpFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly Requester Staff = new(null, null, IsStaff: true);

    private DiagnosisService Service => factory.Services.GetRequiredService<DiagnosisService>();

    private static readonly AuditActor Alice = new("alice-id", "alice@test.local", "127.0.0.1");
    private static readonly AuditActor Bob = new("bob-id", "bob@test.local", "127.0.0.1");

    private Task<DiagnosisView> RunAsync(Symptom symptom = Symptom.ApplicationRejected, string id = "110105194912310023") =>
        Service.RunAsync(new DiagnosisInput { Symptom = symptom, Personal = new PersonalInput { Name = "张三", IdNumber = id } },
            "zh-CN", new Requester(null, "b", false), Ct);

    [Fact]
    public async Task ResolveAndEscalate_NeedAReasonFromTheList_EveryChangeIsKeptWithWhoAndWhen()
    {
        var view = await RunAsync();

        Assert.Equal(CaseChangeResult.Invalid, await Service.SetCaseStatusAsync(view.Reference, DiagnosisStatus.Resolved, null, null, Alice, Ct));
        Assert.Equal(CaseChangeResult.Invalid, await Service.SetCaseStatusAsync(view.Reference, DiagnosisStatus.Resolved, "risk-review", null, Alice, Ct));
        Assert.Equal(CaseChangeResult.Invalid, await Service.SetCaseStatusAsync(view.Reference, "closed", null, null, Alice, Ct));
        Assert.Equal(CaseChangeResult.NotFound, await Service.SetCaseStatusAsync("WH-ZZZZ-ZZZZ", DiagnosisStatus.WaitingOnUser, null, null, Alice, Ct));

        Assert.Equal(CaseChangeResult.Changed, await Service.SetCaseStatusAsync(view.Reference, DiagnosisStatus.WaitingOnUser, null, null, Alice, Ct));
        Assert.Equal(CaseChangeResult.Changed, await Service.SetCaseStatusAsync(view.Reference, DiagnosisStatus.Escalated, "identity-check",
            "证件号 11010519491231002X 需临柜核验", Bob, Ct));

        var stored = (await Service.FindForAsync(view.Reference, Staff, Ct))!;
        Assert.Equal(DiagnosisStatus.Escalated, stored.Status);
        Assert.Equal("identity-check", stored.StatusReason);
        Assert.Contains("110105********002X", stored.StatusNote);
        Assert.DoesNotContain("11010519491231002X", stored.StatusNote, StringComparison.Ordinal);
        Assert.Equal(["escalated", "waiting-on-user"], stored.CaseEvents.Select(e => e.To));
        Assert.Equal(["bob@test.local", "alice@test.local"], stored.CaseEvents.Select(e => e.Actor));
        Assert.Equal(DiagnosisStatus.WaitingOnUser, stored.CaseEvents[0].From);

        var audit = await factory.Services.GetRequiredService<IAuditLog>().QueryAsync(new AuditQuery(Action: AuditActions.CaseStatusChanged), Ct);
        Assert.Contains(audit.Items, e => e.Target == view.Reference && e.Actor == "bob@test.local" && e.Detail!.Contains("identity-check", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Assign_ToMeThenNobody_IsKeptAndAudited()
    {
        var view = await RunAsync();

        Assert.True(await Service.AssignAsync(view.Reference, Alice, toActor: true, Ct));
        Assert.Equal("alice@test.local", (await Service.FindForAsync(view.Reference, Staff, Ct))!.AssigneeName);
        Assert.True(await Service.AssignAsync(view.Reference, Alice, toActor: false, Ct));

        var stored = (await Service.FindForAsync(view.Reference, Staff, Ct))!;
        Assert.Null(stored.AssigneeUserId);
        Assert.Equal([null, "alice@test.local"], stored.CaseEvents.Select(e => e.To));
        var audit = await factory.Services.GetRequiredService<IAuditLog>().QueryAsync(new AuditQuery(Action: AuditActions.CaseAssigned), Ct);
        Assert.Equal(2, audit.Items.Count(e => e.Target == view.Reference));
    }

    [Fact]
    public async Task ListCases_FiltersByStatusMineSymptomOutcomeDateAndReference()
    {
        var mine = await RunAsync(Symptom.CannotLogIn);
        var other = await RunAsync(Symptom.CannotLogIn, "11010519491231002X");
        await Service.AssignAsync(mine.Reference, Alice, true, Ct);
        await Service.SetCaseStatusAsync(mine.Reference, DiagnosisStatus.WaitingOnUser, null, null, Alice, Ct);

        var waitingMine = await Service.ListCasesAsync(new CaseQuery(Status: DiagnosisStatus.WaitingOnUser, AssigneeUserId: "alice-id"), Ct);
        Assert.Equal([mine.Reference], waitingMine.Select(c => c.Reference));
        Assert.Equal("alice@test.local", waitingMine[0].AssigneeName);

        var symptom = await Service.ListCasesAsync(new CaseQuery(Symptom: "cannot-log-in"), Ct);
        Assert.Contains(symptom, c => c.Reference == other.Reference);
        Assert.All(symptom, c => Assert.Equal(Symptom.CannotLogIn, c.Symptom));

        var outcome = await Service.ListCasesAsync(new CaseQuery(Outcome: other.Outcome.ToCode()), Ct);
        Assert.All(outcome, c => Assert.Equal(other.Outcome, c.Outcome));

        // Read out over the phone: lower case, no dashes, a part of it.
        var part = mine.Reference[3..7].ToLowerInvariant();
        Assert.Contains(await Service.ListCasesAsync(new CaseQuery(Reference: part), Ct), c => c.Reference == mine.Reference);
        Assert.Equal([mine.Reference], (await Service.ListCasesAsync(new CaseQuery(Reference: mine.Reference.Replace("-", " ", StringComparison.Ordinal)), Ct)).Select(c => c.Reference));

        var today = WalletHelp.Core.ChinaTime.Today(DateTimeOffset.UtcNow);
        Assert.Contains(await Service.ListCasesAsync(new CaseQuery(From: today, To: today), Ct), c => c.Reference == mine.Reference);
        Assert.Empty(await Service.ListCasesAsync(new CaseQuery(From: today.AddDays(1)), Ct));
        Assert.DoesNotContain(await Service.ListCasesAsync(new CaseQuery(To: today.AddDays(-1)), Ct), c => c.Reference == mine.Reference);
    }
}
