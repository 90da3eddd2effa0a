using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WalletHelp.Tests.TestSupport;
using WalletHelp.Web.Data;
using WalletHelp.Web.Data.Faq;
using WalletHelp.Web.Services.Faq;

namespace WalletHelp.Tests.Faq;

/// <summary>Search over the real app's SQLite file (migration, FTS5 trigram table, seeded articles).</summary>
public sealed class FaqSearchTests(WalletHelpFactory factory) : IClassFixture<WalletHelpFactory>
{
    private async Task<FaqEditModel> CreateAsync(string slug, string titleZh, string bodyZh, string? titleEn = null, string? bodyEn = null,
        FaqSaveAction action = FaqSaveAction.Publish)
    {
        _ = factory.Server;
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        var category = await db.Set<FaqCategory>().OrderBy(c => c.SortOrder).FirstAsync(TestContext.Current.CancellationToken);
        var result = await scope.ServiceProvider.GetRequiredService<FaqAdminService>().SaveAsync(new FaqEditModel
        {
            Slug = slug, CategoryId = category.Id, TitleZh = titleZh, BodyZh = bodyZh, TitleEn = titleEn, BodyEn = bodyEn,
        }, action, "tester", TestContext.Current.CancellationToken);
        Assert.Equal(FaqSaveOutcome.Saved, result.Outcome);
        return result.Saved!;
    }

    private async Task<IReadOnlyList<FaqSearchHit>> SearchAsync(string query, string lang = "zh-CN")
    {
        _ = factory.Server;
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<FaqService>().SearchAsync(query, lang, cancellationToken: TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Search_SeededChineseSubstring_FindsArticle()
    {
        var hits = await SearchAsync("预留手机");
        Assert.Contains(hits, h => h.Slug == "bank-reserved-phone");
    }

    [Fact]
    public async Task Search_ChineseSubstringInsideWord_Matches()
    {
        await CreateAsync("test-qilin", "麒麟测试文章", "这里描述了青龙白虎麒麟钱包的开通流程。");
        var hits = await SearchAsync("白虎麒");
        Assert.Equal("test-qilin", Assert.Single(hits).Slug);
    }

    [Fact]
    public async Task Search_TwoChineseCharacters_UsesLikeFallback()
    {
        await CreateAsync("test-two-chars", "饕餮测试", "一个只有饕餮两个字能找到的段落。");
        var hits = await SearchAsync("饕餮");
        Assert.Equal("test-two-chars", Assert.Single(hits).Slug);
        Assert.Empty(await SearchAsync("餮饕"));
    }

    [Fact]
    public async Task Search_EnglishWord_IsCaseInsensitiveAndMatchesWholeWords()
    {
        await CreateAsync("test-zebracorn", "斑马测试", "中文正文", "Zebracorn guide", "The ZEBRACORN wallet opens quickly.");
        Assert.Equal("test-zebracorn", Assert.Single(await SearchAsync("zebracorn", "en")).Slug);
        Assert.Equal("test-zebracorn", Assert.Single(await SearchAsync("ZebraCorn guide", "en")).Slug);
        // Trigrams match inside words; English search deliberately does not.
        Assert.Empty(await SearchAsync("ebracorn", "en"));
    }

    [Fact]
    public async Task Search_TitleMatch_RanksAboveBodyMatch()
    {
        await CreateAsync("test-rank-body", "排序正文", "正文", "Ranking body", "This article mentions quokkarank in the body a few times: quokkarank, quokkarank.");
        await CreateAsync("test-rank-title", "排序标题", "正文", "Quokkarank in the title", "Only the title has the word.");
        var hits = await SearchAsync("quokkarank", "en");
        Assert.Equal(["test-rank-title", "test-rank-body"], hits.Select(h => h.Slug));
        Assert.True(hits[0].TitleMatch);
        Assert.False(hits[1].TitleMatch);
    }

    [Fact]
    public async Task Search_DraftAndDeleted_AreNeverShown()
    {
        await CreateAsync("test-draft", "袋熊草稿文章", "草稿正文 wombatdraft", action: FaqSaveAction.SaveDraft);
        Assert.Empty(await SearchAsync("袋熊草稿"));
        Assert.Empty(await SearchAsync("wombatdraft", "en"));

        var published = await CreateAsync("test-deleted", "鸭嘴兽文章", "鸭嘴兽正文");
        Assert.Single(await SearchAsync("鸭嘴兽"));
        using var scope = factory.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<FaqAdminService>().DeleteAsync(published.Id, published.Version, "tester", TestContext.Current.CancellationToken);
        Assert.Empty(await SearchAsync("鸭嘴兽"));

        var unpublished = await CreateAsync("test-unpublished", "穿山甲文章", "穿山甲正文");
        await scope.ServiceProvider.GetRequiredService<FaqAdminService>().SaveAsync(unpublished, FaqSaveAction.Unpublish, "tester", TestContext.Current.CancellationToken);
        Assert.Empty(await SearchAsync("穿山甲"));
    }

    [Fact]
    public async Task Search_SpecialCharacters_AreTreatedAsText()
    {
        Assert.Empty(await SearchAsync("\"quote\" OR NEAR(abc", "en"));
        Assert.Empty(await SearchAsync("%_\\", "en"));
    }

    [Fact]
    public async Task Search_LongQuery_IsLoggedCappedAt200()
    {
        var query = "身份" + new string('验', 300);
        await SearchAsync(query);
        Assert.True(await factory.Services.GetRequiredService<FaqSearchLog>().FlushAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken));
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        var logged = await db.Set<FaqSearchQuery>().Where(q => q.Query.StartsWith("身份验验")).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(200, Assert.Single(logged).Query.Length);
        Assert.Equal("zh-CN", logged[0].Language);
    }

    [Fact]
    public async Task Seeder_RunTwice_KeepsOneArticlePerSlug()
    {
        _ = factory.Server;
        using var scope = factory.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseSeeder>().SeedAsync(TestContext.Current.CancellationToken);
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        var slugs = await db.Set<FaqArticle>().Select(a => a.Slug).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(slugs.Count, slugs.Distinct().Count());
        foreach (var seed in FaqSeedContent.Articles)
        {
            Assert.Contains(seed.Slug, slugs);
        }
        Assert.True(FaqSeedContent.Articles.Count >= 15);
        Assert.InRange(FaqSeedContent.Categories.Count, 4, 5);
    }

    [Fact]
    public async Task Seeder_SearchIndexEmptied_RebuildsIt()
    {
        _ = factory.Server;
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        await db.Database.ExecuteSqlRawAsync("DELETE FROM FaqSearch; DELETE FROM FaqSearchGrams;", TestContext.Current.CancellationToken);
        // Raw SQL bypasses the eviction every FAQ change makes; without this, an earlier test's search of the same
        // words (this class shares one app) is answered from the search cache and the index looks intact.
        scope.ServiceProvider.GetRequiredService<FaqSearchCache>().Evict();
        Assert.Empty(await SearchAsync("预留手机"));

        await scope.ServiceProvider.GetRequiredService<DatabaseSeeder>().SeedAsync(TestContext.Current.CancellationToken);

        Assert.NotEmpty(await SearchAsync("预留手机"));
        Assert.NotEmpty(await SearchAsync("冻结"));
    }
}
