using Microsoft.EntityFrameworkCore;
using WalletHelp.Web.Data.Faq;
using WalletHelp.Web.Services.Faq;

namespace WalletHelp.Tests.Faq;

/// <summary>Deleting an article is soft; the model's query filter hides it everywhere, and its slug stays taken.</summary>
public sealed class FaqSoftDeleteTests : IDisposable
{
    private readonly FaqTestDatabase database = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DeletedArticle_IsGoneFromEveryRead_ButKeepsItsSlugAndHistory()
    {
        int categoryId;
        await using (var db = await database.Factory.CreateDbContextAsync(Ct))
        {
            categoryId = (await db.FaqCategories.OrderBy(c => c.SortOrder).FirstAsync(Ct)).Id;
        }
        var saved = (await database.Admin.SaveAsync(new FaqEditModel
        {
            Slug = "test-okapi", CategoryId = categoryId, TitleZh = "霍加狓文章", BodyZh = "霍加狓正文", Tags = "霍加狓",
        }, FaqSaveAction.Publish, "tester", Ct)).Saved!;
        Assert.NotNull(await database.Reader.GetAsync("test-okapi", "zh-CN", Ct));

        Assert.Equal(FaqSaveOutcome.Saved, (await database.Admin.DeleteAsync(saved.Id, saved.Version, "tester", Ct)).Outcome);

        Assert.Null(await database.Reader.GetAsync("test-okapi", "zh-CN", Ct));
        Assert.DoesNotContain(await database.Reader.ListAsync("zh-CN", null, Ct), a => a.Slug == "test-okapi");
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
            Assert.True(await db.FaqArticles.IgnoreQueryFilters().AnyAsync(a => a.Slug == "test-okapi" && a.IsDeleted, Ct));
            Assert.Empty(await db.FaqArticleRevisions.Where(r => r.ArticleId == saved.Id).ToListAsync(Ct));
            Assert.NotEmpty(await db.FaqArticleRevisions.IgnoreQueryFilters().Where(r => r.ArticleId == saved.Id).ToListAsync(Ct));
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
