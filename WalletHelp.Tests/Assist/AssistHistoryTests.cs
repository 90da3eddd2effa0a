using Microsoft.Extensions.DependencyInjection;
using WalletHelp.Core.Diagnostics;
using WalletHelp.Tests.TestSupport;
using WalletHelp.Web.Services.Assist;
using WalletHelp.Web.Services.Audit;
using WalletHelp.Web.Services.Diagnoses;

namespace WalletHelp.Tests.Assist;

/// <summary>The case page's list of live-assist sessions, rebuilt from the audit log of the real app (SQLite file).</summary>
public sealed class AssistHistoryTests(WalletHelpFactory factory) : IClassFixture<WalletHelpFactory>
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    private AssistService Assist => factory.Services.GetRequiredService<AssistService>();

    private static readonly AuditActor User = AuditActor.Named("anonymous");
    private static readonly AuditActor Alice = new("alice-id", "alice@test.local", "127.0.0.1");
    private static readonly AuditActor Bob = new("bob-id", "bob@test.local", "127.0.0.1");

    private static AssistSnapshot Snapshot(string? reference) =>
        new("application-rejected", reference is null ? AssistSnapshot.WizardPage : AssistSnapshot.ResultPage, "personal", 1, 3, [], [], [],
            reference, reference is null ? null : "fix-and-retry");

    private async Task<string> StartAndJoinAsync(string owner, AuditActor agent)
    {
        var start = await Assist.StartAsync(owner, User);
        await Assist.ShareAsync(start.SessionId, Snapshot(null));
        var claim = await Assist.ClaimAsync(start.Code, new AssistAgent(agent.UserId!, agent.Name, AssistAgent.Lead), agent);
        Assert.Equal(AssistClaimStatus.Joined, claim.Status);
        return start.SessionId;
    }

    [Fact]
    public async Task SessionsLinkedToTheReference_AreListedWithAgentsAndCounts_OthersAreNot()
    {
        var view = await factory.Services.GetRequiredService<DiagnosisService>().RunAsync(
            new DiagnosisInput { Symptom = Symptom.ApplicationRejected }, "zh-CN", new Requester(null, "b", false), Ct);

        // Session 1: Alice hints and points before the caller has a reference, hands over to Bob, who hints after it.
        var first = await StartAndJoinAsync("browser-history-1", Alice);
        Assert.True(await Assist.HintAsync(first, Alice, "看一下身份证最后一位", null));
        Assert.True(await Assist.HintAsync(first, Alice, "这里", FieldPaths.IdNumber));
        Assert.True(await Assist.SuggestAsync(first, Alice, "bank"));
        var handOver = await Assist.InviteAsync(first, Alice, AssistAgent.Lead);
        Assert.Equal(AssistClaimStatus.Joined, (await Assist.ClaimAsync(handOver!.Code, new AssistAgent("bob-id", "bob@test.local", AssistAgent.Lead), Bob)).Status);
        await Assist.ShareAsync(first, Snapshot(view.Reference));
        Assert.True(await Assist.HintAsync(first, Bob, "请按结果页的步骤操作", null));
        await Assist.EndAsync(first, User);

        // A session that never reached this diagnosis is not part of the case.
        var other = await StartAndJoinAsync("browser-history-2", Alice);
        Assert.True(await Assist.HintAsync(other, Alice, "别的案子", null));

        var sessions = await factory.Services.GetRequiredService<AssistHistory>().ForAsync(view.Reference, Ct);

        var session = Assert.Single(sessions);
        Assert.Equal(["alice@test.local", "bob@test.local"], session.Agents);
        Assert.Equal(2, session.Hints);
        Assert.Equal(1, session.Pointers);
        Assert.Equal(1, session.StepsSuggested);
        Assert.Equal(1, session.HandOvers);
        Assert.Equal(0, session.Invitations);
        Assert.True(session.EndedByUser);
        Assert.True(session.StartedAt <= session.LastAt);

        // A second session for the same reference later: listed too, newest first.
        var second = await StartAndJoinAsync("browser-history-3", Bob);
        await Assist.ShareAsync(second, Snapshot(view.Reference));
        Assert.True(await Assist.HintAsync(second, Bob, "再试一次", null));
        sessions = await factory.Services.GetRequiredService<AssistHistory>().ForAsync(view.Reference, Ct);
        Assert.Equal(2, sessions.Count);
        Assert.Equal(["bob@test.local"], sessions[0].Agents);
        Assert.Equal(1, sessions[0].Hints);
        Assert.False(sessions[0].EndedByUser);
        Assert.Equal(2, sessions[1].Hints);

        Assert.Empty(await factory.Services.GetRequiredService<AssistHistory>().ForAsync("WH-ZZZZ-ZZZZ", Ct));
    }
}
