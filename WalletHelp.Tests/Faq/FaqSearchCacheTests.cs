using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WalletHelp.Tests.TestSupport;
using WalletHelp.Web.Data;
using WalletHelp.Web.Data.Faq;
using WalletHelp.Web.Infrastructure.ReaderPages;
using WalletHelp.Web.Services.Faq;

namespace WalletHelp.Tests.Faq;

/// <summary>The FAQ search answer cache: one search per popular question, emptied when the FAQ changes.</summary>
public sealed class FaqSearchCacheTests(WalletHelpFactory factory) : IClassFixture<WalletHelpFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static FaqSearchHit Hit(int id) => new(id, "a" + id, "t" + id, "", "c", DateTimeOffset.UnixEpoch, true);

    [Fact]
    public async Task SameSearch_IsAnsweredFromTheCache_OtherSearchesAreNot()
    {
        var cache = new FaqSearchCache();
        var calls = 0;
        Task<IReadOnlyList<FaqSearchHit>> Search() { calls++; return Task.FromResult<IReadOnlyList<FaqSearchHit>>([Hit(calls)]); }

        var first = await cache.GetOrSearchAsync("预留手机", "zh-CN", null, 50, Search);
        var again = await cache.GetOrSearchAsync("预留手机", "zh-CN", null, 50, Search);
        Assert.Equal(1, calls);
        Assert.Same(first, again);

        await cache.GetOrSearchAsync("预留手机", "en", null, 50, Search);
        await cache.GetOrSearchAsync("预留手机", "zh-CN", "bank", 50, Search);
        await cache.GetOrSearchAsync("预留手机", "zh-CN", null, 20, Search);
        await cache.GetOrSearchAsync("预留手机号", "zh-CN", null, 50, Search);
        Assert.Equal(5, calls);
    }

    [Fact]
    public async Task Evict_SearchesAgain_AndAnAnswerFoundDuringAnEvictionIsNotKept()
    {
        var cache = new FaqSearchCache();
        var calls = 0;
        Task<IReadOnlyList<FaqSearchHit>> Search() { calls++; return Task.FromResult<IReadOnlyList<FaqSearchHit>>([Hit(calls)]); }
        await cache.GetOrSearchAsync("q", "zh-CN", null, 50, Search);
        cache.Evict();
        var fresh = await cache.GetOrSearchAsync("q", "zh-CN", null, 50, Search);
        Assert.Equal(2, calls);
        Assert.Equal(2, fresh[0].ArticleId);

        // The FAQ changes while a search is running: its answer may predate the change, so the next request searches again.
        await cache.GetOrSearchAsync("racing", "zh-CN", null, 50, () =>
        {
            calls++;
            cache.Evict();
            return Task.FromResult<IReadOnlyList<FaqSearchHit>>([Hit(99)]);
        });
        await cache.GetOrSearchAsync("racing", "zh-CN", null, 50, Search);
        Assert.Equal(4, calls);
    }

    [Fact]
    public async Task ReaderCacheEviction_OfTheFaqTag_EmptiesTheSearchCache_OtherTagsDoNot()
    {
        var search = new FaqSearchCache();
        using var reader = new ReaderCache(new NullOutputCacheStore(), Microsoft.Extensions.Logging.Abstractions.NullLogger<ReaderCache>.Instance,
            taggedCaches: [search]);
        var calls = 0;
        Task<IReadOnlyList<FaqSearchHit>> Search() { calls++; return Task.FromResult<IReadOnlyList<FaqSearchHit>>([]); }
        await search.GetOrSearchAsync("q", "zh-CN", null, 50, Search);
        await reader.EvictAsync(ReaderCache.Status, Ct);
        await search.GetOrSearchAsync("q", "zh-CN", null, 50, Search);
        Assert.Equal(1, calls);
        await reader.EvictAsync(ReaderCache.Faq, Ct);
        await search.GetOrSearchAsync("q", "zh-CN", null, 50, Search);
        Assert.Equal(2, calls);
    }

    [Fact]
    public async Task PublishingAnArticle_ShowsInTheNextSearch_AndEveryCachedSearchIsStillLogged()
    {
        const string word = "琥珀色钱包盒";
        var url = "/api/v1/faq?lang=zh-CN&q=" + Uri.EscapeDataString(word);
        var client = factory.CreateClient();
        Assert.Equal(0, (await SearchAsync(client, url)).GetArrayLength());
        Assert.Equal(0, (await SearchAsync(client, url)).GetArrayLength());

        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
            var categoryId = await db.Set<FaqCategory>().Select(c => c.Id).FirstAsync(Ct);
            var saved = await scope.ServiceProvider.GetRequiredService<FaqAdminService>().SaveAsync(
                new FaqEditModel { Slug = "amber-wallet-box", CategoryId = categoryId, TitleZh = word + "打不开", BodyZh = "说明" },
                FaqSaveAction.Publish, "t", Ct);
            Assert.Equal(FaqSaveOutcome.Saved, saved.Outcome);
        }
        var hits = await SearchAsync(client, url);
        Assert.Equal("amber-wallet-box", Assert.Single(hits.EnumerateArray()).GetProperty("slug").GetString());

        Assert.True(await factory.Services.GetRequiredService<FaqSearchLog>().FlushAsync(TimeSpan.FromSeconds(30), Ct));
        using var check = factory.Services.CreateScope();
        var logged = await check.ServiceProvider.GetRequiredService<ApplicationDbContext>().FaqSearchQueries
            .Where(q => q.Query == word).Select(q => q.ResultCount).ToListAsync(Ct);
        Assert.Equal([0, 0, 1], logged.Order());
    }

    private static async Task<JsonElement> SearchAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }
}
