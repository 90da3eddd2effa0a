using Bunit;
using Microsoft.Extensions.DependencyInjection;
using WalletHelp.Tests.TestSupport;
using WalletHelp.Web.Components.Pages.Admin.Faq;
using WalletHelp.Web.Services.Faq;

namespace WalletHelp.Tests.Faq;

/// <summary>Issue 10 item 11: search understands everyday wording (synonyms, then a partial-match ranking).</summary>
public sealed class FaqSynonymTests : AdminPageTestBase
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    private Task<IReadOnlyList<FaqSearchHit>> SearchAsync(string query, string lang = "zh-CN") =>
        Database.Reader.SearchAsync(query, lang, cancellationToken: Ct);

    private static readonly IReadOnlyList<IReadOnlyList<string>> Seed = [.. FaqSynonymSeed.Groups.Select(g => (IReadOnlyList<string>)g)];

    [Theory]
    [InlineData("绑卡失败", "银行卡绑定失败")]
    [InlineData("收不到验证码", "收不到短信验证码")]
    [InlineData("sms code", "verification code")]
    [InlineData("SMS code not arriving", "verification code not arriving")]
    public void Alternatives_EverydayWording_IncludesTheArticlesWording(string query, string expected) =>
        Assert.Contains(expected, FaqQueryExpander.Alternatives(query, Seed), StringComparer.OrdinalIgnoreCase);

    [Fact]
    public void Alternatives_LatinTermInsideAWord_IsNotASynonym() =>
        Assert.Empty(FaqQueryExpander.Alternatives("smsx", Seed));

    [Fact]
    public void Concepts_GroupsAndRemainingWords()
    {
        var concepts = FaqQueryExpander.Concepts("绑卡 zzzqqq", Seed);
        Assert.Equal(2, concepts.Count);
        Assert.Contains("银行卡绑定", concepts[0]);
        Assert.Equal(["zzzqqq"], concepts[1]);
    }

    [Theory]
    [InlineData("绑卡失败", "zh-CN", "card-binding")]
    [InlineData("收不到验证码", "zh-CN", "personal-information")]
    [InlineData("sms code", "en", "personal-information")]
    [InlineData("text message not received", "en", "personal-information")]
    public async Task Search_EverydayWording_FindsTheArticle(string query, string lang, string slug)
    {
        var hits = await SearchAsync(query, lang);
        Assert.Contains(hits, h => h.Slug == slug);
    }

    [Fact]
    public async Task Search_NotEveryTermMatches_RanksThePartialMatches()
    {
        var hits = await SearchAsync("银行卡绑定 zzzqqq");
        Assert.NotEmpty(hits);
        Assert.Equal("card-binding", hits[0].Slug);
    }

    [Fact]
    public async Task Search_NothingAtAll_StaysEmpty() => Assert.Empty(await SearchAsync("zzzqqq"));

    [Fact]
    public async Task Synonyms_AddedByAnAdmin_AreUsedAtOnce()
    {
        Assert.Empty(await SearchAsync("魔法绑定词"));
        Assert.Equal(FaqSynonymError.None, await Database.Synonyms.SaveAsync(0, "魔法绑定词，银行卡绑定", "admin", Ct));
        Assert.Contains(await SearchAsync("魔法绑定词"), h => h.Slug == "card-binding");
    }

    [Fact]
    public async Task AdminPage_ListsSeededGroupsRejectsOneWordAndAddsAGroup()
    {
        var cut = Render<FaqSynonymsAdmin>();
        cut.WaitForElement("[data-testid='synonym-row']");
        Assert.Contains(cut.FindAll("[data-testid='synonym-row'] input"), i => (i.GetAttribute("value") ?? "").Contains("银行卡绑定", StringComparison.Ordinal));

        cut.Find("[data-testid='synonym-new-terms'] input, input[data-testid='synonym-new-terms']").Change("只有一个词");
        await cut.Find("[data-testid='synonym-add']").ClickAsync(new());
        cut.WaitForAssertion(() => Assert.Contains("至少需要两个", cut.Find("[data-testid='synonym-error']").TextContent));

        var before = cut.FindAll("[data-testid='synonym-row']").Count;
        cut.Find("[data-testid='synonym-new-terms'] input, input[data-testid='synonym-new-terms']").Change("挂失, 丢失");
        await cut.Find("[data-testid='synonym-add']").ClickAsync(new());
        cut.WaitForAssertion(() => Assert.Equal(before + 1, cut.FindAll("[data-testid='synonym-row']").Count));
        Assert.Empty(cut.FindAll("[data-testid='synonym-error']"));
    }
}
