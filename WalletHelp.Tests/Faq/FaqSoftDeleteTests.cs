using Microsoft.EntityFrameworkCore;
using WalletHelp.Web.Data.Faq;
using WalletHelp.Web.Services.Faq;

namespace WalletHelp.Tests.Faq;

/// <summary>
/// Deleting an article is soft; every read hides it (explicit <c>!IsDeleted</c> conditions: the compiled model has no
/// query filter), and its slug stays taken.
/// </summary>
public sealed class FaqSoftDeleteTests : IDisposable
{
    private readonly FaqTestDatabase database = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DeletedArticle_IsGoneFromEveryRead_ButKeepsItsSlugAndHistory()
    {
        int categoryId;
        string categorySlug;
        await using (var db = await database.Factory.CreateDbContextAsync(Ct))
        {
            var category = await db.FaqCategories.OrderBy(c => c.SortOrder).FirstAsync(Ct);
            (categoryId, categorySlug) = (category.Id, category.Slug);
        }
        var saved = (await database.Admin.SaveAsync(new FaqEditModel
        {
            Slug = "test-okapi", CategoryId = categoryId, TitleZh = "霍加狓文章", BodyZh = "霍加狓正文", Tags = "霍加狓",
        }, FaqSaveAction.Publish, "tester", Ct)).Saved!;
        Assert.NotNull(await database.Reader.GetAsync("test-okapi", "zh-CN", Ct));
        Assert.Contains(await database.Reader.SearchAsync("霍加狓", "zh-CN", cancellationToken: Ct), h => h.Slug == "test-okapi");
        // Votes before the delete: enough to make it the most helpful article while it lives.
        for (var i = 0; i < 50; i++)
        {
            Assert.True(await database.Reader.VoteAsync(saved.Id, helpful: true, null, "zh-CN", Ct));
        }
        Assert.Equal("test-okapi", (await database.Reader.MostHelpfulAsync("zh-CN", 1, Ct))[0].Slug);
        var revisions = await database.Admin.RevisionsAsync(saved.Id, Ct);
        Assert.NotEmpty(revisions);
        var neighbour = (await database.Reader.ListAsync("zh-CN", null, Ct)).First(a => a.Slug != "test-okapi" && a.CategorySlug == categorySlug);

        Assert.Equal(FaqSaveOutcome.Saved, (await database.Admin.DeleteAsync(saved.Id, saved.Version, "tester", Ct)).Outcome);

        // Readers (pages, /api/v1/faq, the sitemap: all through FaqService).
        Assert.Null(await database.Reader.GetAsync("test-okapi", "zh-CN", Ct));
        Assert.DoesNotContain(await database.Reader.ListAsync("zh-CN", null, Ct), a => a.Slug == "test-okapi");
        Assert.DoesNotContain((await database.Reader.GetCategoriesAsync("zh-CN", Ct)).SelectMany(c => c.Articles), a => a.Slug == "test-okapi");
        Assert.DoesNotContain(await database.Reader.MostHelpfulAsync("zh-CN", 5, Ct), a => a.Slug == "test-okapi");
        Assert.DoesNotContain(await database.Reader.RelatedAsync(neighbour.Id, "zh-CN", 50, Ct), a => a.Slug == "test-okapi");
        Assert.Empty(await database.Reader.RelatedAsync(saved.Id, "zh-CN", 50, Ct));
        Assert.DoesNotContain(await database.Reader.SearchAsync("霍加狓", "zh-CN", cancellationToken: Ct), h => h.Slug == "test-okapi");
        Assert.False(await database.Reader.VoteAsync(saved.Id, helpful: true, null, "zh-CN", Ct));
        // A rebuilt search index leaves it out too.
        await using (var db = await database.Factory.CreateDbContextAsync(Ct))
        {
            await FaqIndexing.RebuildAsync(db, Ct);
        }
        Assert.DoesNotContain(await database.Reader.SearchAsync("霍加狓", "zh-CN", cancellationToken: Ct), h => h.Slug == "test-okapi");
        // Admin: list, edit, history, diff, restore, a second delete and a save to it.
        Assert.Empty(await database.Admin.RevisionsAsync(saved.Id, Ct));
        Assert.Empty(await database.Admin.DiffAsync(revisions[^1].Id, revisions[0].Id, Ct));
        Assert.Equal(FaqSaveOutcome.NotFound, (await database.Admin.RestoreAsync(revisions[0].Id, saved.Version + 1, "tester", Ct)).Outcome);
        Assert.Equal(FaqSaveOutcome.NotFound, (await database.Admin.DeleteAsync(saved.Id, saved.Version + 1, "tester", Ct)).Outcome);
        var edit = saved.Clone();
        edit.Version = saved.Version + 1;
        Assert.Equal(FaqSaveOutcome.NotFound, (await database.Admin.SaveAsync(edit, FaqSaveAction.Publish, "tester", Ct)).Outcome);
        Assert.Null(await database.Admin.GetAsync(saved.Id, Ct));
        Assert.DoesNotContain(await database.Admin.ListAsync(null, FaqLanguageFilter.All, Ct), a => a.Slug == "test-okapi");
        // The slug is still held (a clear answer, not a unique-index exception), and the revisions are kept.
        var again = await database.Admin.SaveAsync(new FaqEditModel
        {
            Slug = "test-okapi", CategoryId = categoryId, TitleZh = "新文章", BodyZh = "正文",
        }, FaqSaveAction.Publish, "tester", Ct);
        Assert.Equal(FaqSaveOutcome.Invalid, again.Outcome);
        Assert.Equal("Faq.Admin.Error.SlugTaken", again.ErrorKey);
        await using (var db = await database.Factory.CreateDbContextAsync(Ct))
        {
            Assert.True(await db.FaqArticles.AnyAsync(a => a.Slug == "test-okapi" && a.IsDeleted, Ct));
            Assert.NotEmpty(await db.FaqArticleRevisions.Where(r => r.ArticleId == saved.Id).ToListAsync(Ct));
            Assert.Equal(50, await db.FaqArticleVotes.CountAsync(v => v.ArticleId == saved.Id, Ct));
        }
    }

    [Fact]
    public async Task DeletedSeedArticle_IsNotSeededAgain()
    {
        var first = (await database.Reader.ListAsync("zh-CN", null, Ct))[0];
        var model = (await database.Admin.GetAsync(first.Id, Ct))!;
        await database.Admin.DeleteAsync(model.Id, model.Version, "tester", Ct);

        await new FaqSeeder(database.Factory, TimeProvider.System, database.Synonyms).SeedAsync(Ct);

        Assert.DoesNotContain(await database.Reader.ListAsync("zh-CN", null, Ct), a => a.Slug == first.Slug);
    }

    public void Dispose() => database.Dispose();
}
