// Short local calls against a temp file; passing the test token to each would only add noise here.
#pragma warning disable xUnit1051
using Microsoft.EntityFrameworkCore;
using WalletHelp.Web.Data.Faq;
using WalletHelp.Web.Services.Faq;

namespace WalletHelp.Tests.Faq;

public sealed class FaqConcurrencyTests : IDisposable
{
    private readonly FaqTestDatabase database = new();

    public void Dispose() => database.Dispose();

    [Fact]
    public async Task Save_TwoEditorsFromSameVersion_ExactlyOneConflictAndNoTextLost()
    {
        var loaded = await database.CreateAsync("race", "原标题", "原正文");
        var alice = loaded.Clone();
        alice.BodyZh = "Alice 的正文";
        var bob = loaded.Clone();
        bob.BodyZh = "Bob 的正文";

        // Two services, two short-lived contexts, saving at the same time from the same loaded Version.
        var results = await Task.WhenAll(
            Task.Run(() => database.Admin.SaveAsync(alice, FaqSaveAction.SaveDraft, "alice")),
            Task.Run(() => database.Admin.SaveAsync(bob, FaqSaveAction.SaveDraft, "bob")));

        Assert.Single(results, r => r.Outcome == FaqSaveOutcome.Saved);
        var conflict = Assert.Single(results, r => r.Outcome == FaqSaveOutcome.Conflict);
        var winner = results.Single(r => r.Outcome == FaqSaveOutcome.Saved).Saved!;

        var stored = await database.Admin.GetAsync(loaded.Id);
        Assert.Equal(winner.BodyZh, stored!.BodyZh);
        Assert.Equal(loaded.Version + 1, stored.Version);
        // The loser's text comes back in the conflict, with theirs (the stored one) beside it.
        Assert.NotEqual(winner.BodyZh, conflict.Yours!.BodyZh);
        Assert.Contains(conflict.Yours.BodyZh, new[] { "Alice 的正文", "Bob 的正文" });
        Assert.Equal(stored.BodyZh, conflict.Theirs!.BodyZh);
        Assert.Equal(stored.Version, conflict.Theirs.Version);
        // Only the winner made a revision.
        Assert.Equal(2, (await database.Admin.RevisionsAsync(loaded.Id)).Count);
    }

    [Fact]
    public async Task Save_StaleVersionAfterOtherSave_IsRefusedThenKeepMineSucceeds()
    {
        var loaded = await database.CreateAsync("stale", "标题", "正文");
        var first = loaded.Clone();
        first.TitleZh = "第一位";
        Assert.Equal(FaqSaveOutcome.Saved, (await database.Admin.SaveAsync(first, FaqSaveAction.Publish, "one")).Outcome);

        var second = loaded.Clone();
        second.TitleZh = "第二位";
        var conflict = await database.Admin.SaveAsync(second, FaqSaveAction.Publish, "two");
        Assert.Equal(FaqSaveOutcome.Conflict, conflict.Outcome);
        Assert.Equal("第一位", (await database.Admin.GetAsync(loaded.Id))!.TitleZh);

        // "Keep mine": rebase on their version and save again, knowingly.
        var rebased = conflict.Yours!.Clone();
        rebased.Version = conflict.Theirs!.Version;
        Assert.Equal(FaqSaveOutcome.Saved, (await database.Admin.SaveAsync(rebased, FaqSaveAction.Publish, "two")).Outcome);
        Assert.Equal("第二位", (await database.Admin.GetAsync(loaded.Id))!.TitleZh);
    }

    [Fact]
    public async Task DbContext_TwoContextsUpdateSameArticle_SecondThrowsConcurrencyException()
    {
        var loaded = await database.CreateAsync("ef-race", "标题", "正文");
        await using var one = await database.Factory.CreateDbContextAsync(TestContext.Current.CancellationToken);
        await using var two = await database.Factory.CreateDbContextAsync(TestContext.Current.CancellationToken);
        var a = await one.Set<FaqArticle>().SingleAsync(x => x.Id == loaded.Id, TestContext.Current.CancellationToken);
        var b = await two.Set<FaqArticle>().SingleAsync(x => x.Id == loaded.Id, TestContext.Current.CancellationToken);
        a.BodyZh = "one";
        a.Version++;
        b.BodyZh = "two";
        b.Version++;
        await one.SaveChangesAsync(TestContext.Current.CancellationToken);
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => two.SaveChangesAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Restore_OlderRevision_CreatesNewRevisionWithOldText()
    {
        var v1 = await database.CreateAsync("restore-me", "旧标题", "旧正文");
        var edit = v1.Clone();
        edit.BodyZh = "新正文";
        var v2 = (await database.Admin.SaveAsync(edit, FaqSaveAction.Publish, "editor")).Saved!;
        var oldest = (await database.Admin.RevisionsAsync(v1.Id)).Last();

        var restored = await database.Admin.RestoreAsync(oldest.Id, v2.Version, "editor");

        Assert.Equal(FaqSaveOutcome.Saved, restored.Outcome);
        Assert.Equal("旧正文", restored.Saved!.BodyZh);
        var revisions = await database.Admin.RevisionsAsync(v1.Id);
        Assert.Equal(3, revisions.Count);
        Assert.Equal("restored v1", revisions[0].Note);
        var diff = await database.Admin.DiffAsync(oldest.Id, revisions[1].Id);
        var body = Assert.Single(diff, d => d.Changed);
        Assert.Equal("BodyZh", body.Field);
        Assert.Contains(body.Lines, l => l.Kind == FaqDiffKind.Removed && l.Text == "旧正文");
        Assert.Contains(body.Lines, l => l.Kind == FaqDiffKind.Added && l.Text == "新正文");
    }
}
