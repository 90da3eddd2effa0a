using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WalletHelp.Tests.TestSupport;
using WalletHelp.Web.Data;
using WalletHelp.Web.Data.Faq;
using WalletHelp.Web.Services.Faq;

namespace WalletHelp.Tests.Faq;

public sealed class FaqApiTests(WalletHelpFactory factory) : IClassFixture<WalletHelpFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<JsonElement> GetJsonAsync(string url)
    {
        var response = await factory.CreateClient().GetAsync(url, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    [Fact]
    public async Task GetFaq_WithQuery_ReturnsPublishedHitsBestFirst()
    {
        var hits = await GetJsonAsync("/api/v1/faq?q=" + Uri.EscapeDataString("身份证") + "&lang=zh-CN");
        Assert.True(hits.GetArrayLength() > 0);
        var first = hits[0];
        foreach (var field in new[] { "slug", "title", "snippet", "category", "updatedAt" })
        {
            Assert.True(first.TryGetProperty(field, out _), $"missing {field}");
        }
        Assert.Contains("身份证", first.GetProperty("title").GetString());
    }

    [Fact]
    public async Task GetFaq_EnglishQuery_ReturnsEnglishTitles()
    {
        var hits = await GetJsonAsync("/api/v1/faq?q=CREDIT&lang=en");
        Assert.Equal("credit-record", hits[0].GetProperty("slug").GetString());
        Assert.Equal("Does a failed application affect my credit record?", hits[0].GetProperty("title").GetString());
    }

    [Fact]
    public async Task GetFaq_WithoutQuery_ListsAllPublishedByCategoryAndOrder()
    {
        var all = await GetJsonAsync("/api/v1/faq?lang=en");
        Assert.True(all.GetArrayLength() >= 15);
        var categories = all.EnumerateArray().Select(a => a.GetProperty("category").GetString()).ToList();
        Assert.Equal(["opening", "bank-cards", "service", "security", "using-wallet"], categories.Distinct());
        Assert.Equal("identity-verification", all[0].GetProperty("slug").GetString());

        var bank = await GetJsonAsync("/api/v1/faq?category=bank-cards");
        Assert.All(bank.EnumerateArray(), a => Assert.Equal("bank-cards", a.GetProperty("category").GetString()));
    }

    [Fact]
    public async Task GetFaqSlug_Published_ReturnsSanitisedHtmlAndMarkdown()
    {
        var article = await GetJsonAsync("/api/v1/faq/wallet-security?lang=en");
        Assert.Equal("Keeping your wallet secure", article.GetProperty("title").GetString());
        Assert.Contains("<h2", article.GetProperty("bodyHtml").GetString());
        Assert.Contains("## Use strong passwords", article.GetProperty("bodyMarkdown").GetString());
        Assert.False(article.GetProperty("isFallback").GetBoolean());
    }

    [Fact]
    public async Task GetFaqSlug_Unknown_Is404ProblemDetails()
    {
        var response = await factory.CreateClient().GetAsync("/api/v1/faq/no-such-article", Ct);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task GetFaqSlug_DraftOrChineseOnly_Is404OrFallsBack()
    {
        _ = factory.Server;
        using var scope = factory.Services.CreateScope();
        var admin = scope.ServiceProvider.GetRequiredService<FaqAdminService>();
        var categoryId = await scope.ServiceProvider.GetRequiredService<ApplicationDbContext>().Set<FaqCategory>().Select(c => c.Id).FirstAsync(Ct);
        await admin.SaveAsync(new FaqEditModel { Slug = "api-draft", CategoryId = categoryId, TitleZh = "草稿", BodyZh = "草稿正文" }, FaqSaveAction.SaveDraft, "t", Ct);
        await admin.SaveAsync(new FaqEditModel { Slug = "api-zh-only", CategoryId = categoryId, TitleZh = "只有中文", BodyZh = "只有**中文**正文" }, FaqSaveAction.Publish, "t", Ct);

        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateClient().GetAsync("/api/v1/faq/api-draft", Ct)).StatusCode);

        var fallback = await GetJsonAsync("/api/v1/faq/api-zh-only?lang=en");
        Assert.True(fallback.GetProperty("isFallback").GetBoolean());
        Assert.Equal("zh-CN", fallback.GetProperty("language").GetString());
        Assert.Equal("只有中文", fallback.GetProperty("title").GetString());
        Assert.Contains("<strong>中文</strong>", fallback.GetProperty("bodyHtml").GetString());
    }
}
