using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using WalletHelp.Core.Diagnostics;
using WalletHelp.Web.Services.Assist;

namespace WalletHelp.Tests.Assist;

/// <summary>Codes (expiry, single use, rate limits) and session rules of the in-memory live-assist store.</summary>
public sealed class AssistSessionsTests
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 26, 2, 0, 0, TimeSpan.Zero));
    private readonly AssistOptions options = new();

    private InMemoryAssistSessions Store() => new(clock, Options.Create(options));

    private static AssistAgent Agent(string id = "agent-1") => new(id, id, AssistAgent.Lead);

    [Fact]
    public void Start_GivesSixDigitCodeValidThirtyMinutes()
    {
        var start = Store().Start("browser:a");

        Assert.Matches("^[0-9]{6}$", start.Code);
        Assert.Equal(clock.GetUtcNow() + TimeSpan.FromMinutes(30), start.ExpiresAt);
    }

    [Fact]
    public void Claim_WithinThirtyMinutes_Joins_AfterThat_Expired()
    {
        var store = Store();
        var first = store.Start("browser:a");
        var second = store.Start("browser:b");

        clock.Advance(TimeSpan.FromMinutes(29));
        Assert.Equal(AssistClaimStatus.Joined, store.Claim(first.Code, Agent()).Status);

        clock.Advance(TimeSpan.FromMinutes(1));
        var late = store.Claim(second.Code, Agent("agent-2"));
        Assert.NotEqual(AssistClaimStatus.Joined, late.Status);
        Assert.Null(store.ActiveFor("browser:b"));
    }

    [Fact]
    public void Claim_SameCodeTwice_SecondIsRefusedAsUsed()
    {
        var store = Store();
        var start = store.Start("browser:a");

        var first = store.Claim(start.Code, Agent("agent-1"));
        var second = store.Claim(start.Code, Agent("agent-2"));

        Assert.Equal(AssistClaimStatus.Joined, first.Status);
        Assert.Equal(start.SessionId, first.SessionId);
        Assert.Equal(AssistClaimStatus.Used, second.Status);
        Assert.Null(second.SessionId);
        Assert.Equal(["agent-1"], store.AgentView(start.SessionId)!.Agents.Select(a => a.UserId));
    }

    [Fact]
    public void Claim_CodeWithSpacesOrReadOutGrouped_Works_WrongCode_Invalid()
    {
        var store = Store();
        var start = store.Start("browser:a");

        Assert.Equal(AssistClaimStatus.Invalid, store.Claim(Wrong(start.Code), Agent()).Status);
        Assert.Equal(AssistClaimStatus.Joined, store.Claim(start.Code[..3] + " " + start.Code[3..], Agent()).Status);
    }

    [Fact]
    public void Start_AgainForSameBrowser_EndsThePreviousSession_OneActiveOnly()
    {
        var store = Store();
        var first = store.Start("browser:a");
        var second = store.Start("browser:a");

        Assert.Equal(second.SessionId, store.ActiveFor("browser:a"));
        Assert.Equal(AssistPresence.Ended, store.AgentView(first.SessionId)!.Presence);
        Assert.NotEqual(AssistClaimStatus.Joined, store.Claim(first.Code, Agent()).Status);
    }

    [Fact]
    public void Start_MoreThanFiveTimesInTenMinutes_IsRateLimited_ThenAllowedAgain()
    {
        var store = Store();
        for (var i = 0; i < options.StartsPerWindow; i++) store.Start("browser:a");

        var limited = Assert.Throws<AssistRateLimitedException>(() => store.Start("browser:a"));
        Assert.InRange(limited.RetryAfterSeconds, 1, 600);
        // Another browser has its own budget.
        store.Start("browser:b");

        clock.Advance(options.StartWindow);
        store.Start("browser:a");
    }

    [Fact]
    public void Claim_TooManyTriesBySameAgent_IsRateLimited_EvenWithTheRightCode()
    {
        var store = Store();
        var start = store.Start("browser:a");
        for (var i = 0; i < options.ClaimsPerWindow; i++)
        {
            Assert.Equal(AssistClaimStatus.Invalid, store.Claim(Wrong(start.Code), Agent()).Status);
        }

        var limited = store.Claim(start.Code, Agent());

        Assert.Equal(AssistClaimStatus.RateLimited, limited.Status);
        Assert.True(limited.RetryAfter > TimeSpan.Zero);
        // The code was not spent by the refused try: another agent can still use it.
        Assert.Equal(AssistClaimStatus.Joined, store.Claim(start.Code, Agent("agent-2")).Status);
    }

    [Fact]
    public void HandOver_ColleagueLeads_PreviousLeadStepsOut_WatcherCannotHint()
    {
        var store = Store();
        var start = store.Start("browser:a");
        store.Claim(start.Code, Agent("agent-1"));
        var watch = store.Invite(start.SessionId, "agent-1", AssistAgent.Watcher)!;
        store.Claim(watch.Code, Agent("agent-2"));

        Assert.Equal(AssistAgent.Watcher, store.RoleOf(start.SessionId, "agent-2"));
        Assert.Null(store.AddHint(start.SessionId, "agent-2", "hello", null));
        Assert.Null(store.Invite(start.SessionId, "agent-2", AssistAgent.Lead));

        var handOver = store.Invite(start.SessionId, "agent-1", AssistAgent.Lead)!;
        Assert.Equal(AssistClaimStatus.Joined, store.Claim(handOver.Code, Agent("agent-3")).Status);

        Assert.Null(store.RoleOf(start.SessionId, "agent-1"));
        Assert.Equal(AssistAgent.Lead, store.RoleOf(start.SessionId, "agent-3"));
        Assert.Equal(AssistAgent.Watcher, store.RoleOf(start.SessionId, "agent-2"));
        Assert.Equal(["agent-2", "agent-3"], store.UserView(start.SessionId)!.Agents.Order());
    }

    [Fact]
    public void Presence_UserCircuitGoesAndComesBack_DisconnectedThenConnected_EndByUserEndsIt()
    {
        var store = Store();
        var start = store.Start("browser:a");
        store.SetPresence(start.SessionId, true);
        store.Claim(start.Code, Agent());
        Assert.Equal(AssistPresence.Connected, store.AgentView(start.SessionId)!.Presence);

        store.SetPresence(start.SessionId, false);
        Assert.Equal(AssistPresence.Disconnected, store.AgentView(start.SessionId)!.Presence);
        store.SetPresence(start.SessionId, true);
        Assert.Equal(AssistPresence.Connected, store.AgentView(start.SessionId)!.Presence);

        store.End(start.SessionId, InMemoryAssistSessions.EndedByUser);
        var ended = store.AgentView(start.SessionId)!;
        Assert.Equal(AssistPresence.Ended, ended.Presence);
        Assert.Equal(InMemoryAssistSessions.EndedByUser, ended.EndReason);
        Assert.Null(store.AddHint(start.SessionId, "agent-1", "too late", null));
    }

    [Fact]
    public void Session_UserAwayLongerThanIdleLifetime_Ends()
    {
        var store = Store();
        var start = store.Start("browser:a");
        store.SetPresence(start.SessionId, true);
        store.Claim(start.Code, Agent());
        store.SetPresence(start.SessionId, false);

        clock.Advance(options.IdleLifetime);

        Assert.Null(store.ActiveFor("browser:a"));
        Assert.Equal(AssistPresence.Ended, store.AgentView(start.SessionId)!.Presence);
    }

    [Fact]
    public void SetSnapshot_StepChanges_AreTheTimeline()
    {
        var store = Store();
        var start = store.Start("browser:a");
        store.SetSnapshot(start.SessionId, Snapshot("personal"));
        store.SetSnapshot(start.SessionId, Snapshot("personal"));
        clock.Advance(TimeSpan.FromSeconds(40));
        store.SetSnapshot(start.SessionId, Snapshot("bank"));

        var timeline = store.AgentView(start.SessionId)!.Timeline;
        Assert.Equal(["personal", "bank"], timeline.Select(t => t.StepKey));
        Assert.Equal(TimeSpan.FromSeconds(40), timeline[1].At - timeline[0].At);
    }

    [Fact]
    public async Task Channel_DeliversToTheSubscribedSessionOnly_AsACopy()
    {
        var channel = new InProcessAssistChannel(NullLogger<InProcessAssistChannel>.Instance);
        var store = Store();
        var a = store.Start("browser:a");
        var b = store.Start("browser:b");
        store.SetSnapshot(a.SessionId, Snapshot("personal"));
        var gotA = new TaskCompletionSource<AssistAgentView>();
        var gotB = new List<AssistMessage>();
        using var subA = channel.Subscribe(AssistTopics.Agents(a.SessionId), m =>
        {
            gotA.TrySetResult(((AgentViewMessage)m).View);
            return Task.CompletedTask;
        });
        using var subB = channel.Subscribe(AssistTopics.Agents(b.SessionId), m =>
        {
            lock (gotB) gotB.Add(m);
            return Task.CompletedTask;
        });
        using var userA = channel.Subscribe(AssistTopics.User(a.SessionId), m =>
        {
            lock (gotB) gotB.Add(m);
            return Task.CompletedTask;
        });
        var sent = store.AgentView(a.SessionId)!;

        await channel.PublishAsync(AssistTopics.Agents(a.SessionId), new AgentViewMessage(sent), TestContext.Current.CancellationToken);
        var received = await gotA.Task.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
        await Task.Delay(200, TestContext.Current.CancellationToken);

        Assert.Equal(a.SessionId, received.SessionId);
        Assert.Equal("personal", received.Snapshot!.StepKey);
        Assert.NotSame(sent, received);
        Assert.NotSame(sent.Snapshot, received.Snapshot);
        lock (gotB) Assert.Empty(gotB);
    }

    [Fact]
    public async Task Channel_Unsubscribed_GetsNothing_OrderIsKept()
    {
        var channel = new InProcessAssistChannel(NullLogger<InProcessAssistChannel>.Instance);
        var seen = new List<long>();
        var done = new TaskCompletionSource();
        var sub = channel.Subscribe("t", m =>
        {
            var version = ((UserViewMessage)m).View.Version;
            lock (seen) seen.Add(version);
            if (version == 50) done.TrySetResult();
            return Task.CompletedTask;
        });
        for (var i = 1; i <= 50; i++)
        {
            await channel.PublishAsync("t", new UserViewMessage(new AssistUserView("s", null, default, false, [], [], null, null, i)),
                TestContext.Current.CancellationToken);
        }
        await done.Task.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
        sub.Dispose();
        await channel.PublishAsync("t", new UserViewMessage(new AssistUserView("s", null, default, false, [], [], null, null, 51)),
            TestContext.Current.CancellationToken);
        await Task.Delay(200, TestContext.Current.CancellationToken);

        lock (seen) Assert.Equal(Enumerable.Range(1, 50).Select(i => (long)i), seen);
        Assert.Equal(0, channel.SubscriberCount("t"));
    }

    [Fact]
    public void Messages_RoundTripThroughJson_AsARedisChannelWouldCarryThem()
    {
        var store = Store();
        var start = store.Start("browser:a");
        store.Claim(start.Code, Agent());
        store.SetSnapshot(start.SessionId, Snapshot("bank"));
        store.AddHint(start.SessionId, "agent-1", "看这里", FieldPaths.CardNumber);
        AssistMessage message = new AgentViewMessage(store.AgentView(start.SessionId)!);

        var json = JsonSerializer.Serialize(message, InProcessAssistChannel.Json);
        var back = (AgentViewMessage)JsonSerializer.Deserialize<AssistMessage>(json, InProcessAssistChannel.Json)!;

        Assert.Contains("\"type\":\"agent-view\"", json, StringComparison.Ordinal);
        Assert.Equal("bank", back.View.Snapshot!.StepKey);
        Assert.Equal(FieldPaths.CardNumber, back.View.Hints.Single().Field);
        Assert.Equal("6228 **** **** ***0 018", back.View.Snapshot.Fields.Single().Value);
    }

    private static string Wrong(string code) => code == "000000" ? "000001" : "000000";

    private static AssistSnapshot Snapshot(string step) => new("application-rejected", AssistSnapshot.WizardPage, step, 1, 3,
        [new AssistStep("personal", [FieldPaths.IdNumber]), new AssistStep("bank", [FieldPaths.CardNumber])],
        [new AssistField(FieldPaths.CardNumber, "text", "6228 **** **** ***0 018")], []);
}
