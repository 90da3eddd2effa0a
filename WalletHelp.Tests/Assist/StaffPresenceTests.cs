using Microsoft.Extensions.DependencyInjection;
using WalletHelp.Tests.TestSupport;
using WalletHelp.Web.Services.Assist;
using WalletHelp.Web.Services.Audit;

namespace WalletHelp.Tests.Assist;

/// <summary>Hand-over by picking an online colleague: who is online, and the invitation reaching only that colleague.</summary>
public sealed class StaffPresenceTests(WalletHelpFactory factory) : IClassFixture<WalletHelpFactory>
{
    [Fact]
    public void Presence_CountsOpenPagesPerPerson_ListsOthersOnly()
    {
        var presence = new StaffPresence();
        var changes = 0;
        presence.Changed += () => changes++;

        var alice1 = presence.Enter("alice-id", "alice");
        var alice2 = presence.Enter("alice-id", "alice");
        var bob = presence.Enter("bob-id", "bob");
        Assert.Equal([new OnlineColleague("bob-id", "bob")], presence.Others("alice-id"));
        Assert.Equal(["alice", "bob"], presence.Others(null).Select(c => c.Name));

        alice1.Dispose();
        alice1.Dispose();
        Assert.Contains(presence.Others("bob-id"), c => c.UserId == "alice-id");
        alice2.Dispose();
        Assert.Empty(presence.Others("bob-id"));
        bob.Dispose();
        Assert.Empty(presence.Others(null));
        Assert.Equal(6, changes);
    }

    [Fact]
    public async Task InviteColleague_SendsTheCodeToThatColleagueOnly_WhoTakesOver()
    {
        var assist = factory.Services.GetRequiredService<AssistService>();
        var alice = new AuditActor("alice-id", "alice@test.local", "127.0.0.1");
        var start = await assist.StartAsync("browser-presence", AuditActor.Named("anonymous"));
        await assist.ClaimAsync(start.Code, new AssistAgent("alice-id", "alice", AssistAgent.Lead), alice);

        var toBob = new TaskCompletionSource<InvitationMessage>();
        var toCarol = new List<InvitationMessage>();
        using var bob = assist.SubscribeStaff("bob-id", m => { toBob.TrySetResult(m); return Task.CompletedTask; });
        using var carol = assist.SubscribeStaff("carol-id", m => { toCarol.Add(m); return Task.CompletedTask; });

        var invite = await assist.InviteColleagueAsync(start.SessionId, alice, AssistAgent.Lead, new OnlineColleague("bob-id", "bob"));
        var offer = await toBob.Task.WaitAsync(TimeSpan.FromSeconds(5), Xunit.TestContext.Current.CancellationToken);

        Assert.NotNull(invite);
        Assert.Equal(invite.Code, offer.Code);
        Assert.Equal(AssistAgent.Lead, offer.Role);
        Assert.Equal("alice", offer.From);
        Assert.Empty(toCarol);
        var bobActor = new AuditActor("bob-id", "bob@test.local", "127.0.0.1");
        var claim = await assist.ClaimAsync(offer.Code!, new AssistAgent("bob-id", "bob", AssistAgent.Lead), bobActor);
        Assert.Equal(AssistClaimStatus.Joined, claim.Status);
        Assert.Equal(AssistAgent.Lead, assist.Sessions.RoleOf(start.SessionId, "bob-id"));
        Assert.Null(assist.Sessions.RoleOf(start.SessionId, "alice-id"));

        // Only the lead may send: Alice has stepped out.
        Assert.Null(await assist.InviteColleagueAsync(start.SessionId, alice, AssistAgent.Watcher, new OnlineColleague("carol-id", "carol")));
    }
}
