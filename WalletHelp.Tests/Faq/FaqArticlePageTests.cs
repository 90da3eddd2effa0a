using Bunit;
using Microsoft.EntityFrameworkCore;
using WalletHelp.Tests.TestSupport;
using WalletHelp.Web.Components.Pages.Faq;
using WalletHelp.Web.Data.Faq;

namespace WalletHelp.Tests.Faq;

public sealed class FaqArticlePageTests : BunitTestBase
{
    private readonly FaqTestDatabase database = new();

    public FaqArticlePageTests()
    {
        database.Register(Services);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        database.Dispose();
    }

    [Fact]
    public void ArticlePage_Published_RendersMarkdownAsHtml()
    {
        var cut = Render<FaqArticlePage>(p => p.Add(x => x.Slug, "wallet-security"));
        cut.WaitForElement("[data-testid='faq-body']");

        Assert.Equal("如何保护钱包安全？", cut.Find("[data-testid='faq-title']").TextContent);
        var body = cut.Find("[data-testid='faq-body']");
        Assert.NotEmpty(body.QuerySelectorAll("h2"));
        Assert.NotEmpty(body.QuerySelectorAll("li"));
        Assert.Empty(cut.FindAll("[data-testid='faq-fallback-notice']"));
        Assert.NotEmpty(cut.FindAll("[data-testid='faq-related'] a"));
    }

    [Fact]
    public void ArticlePage_Vote_IsAFormOfSubmitButtonsWithACommentBox()
    {
        // The page is static HTML: the vote is a form post (recorded and thanked in Web/ReaderPagesTests), "no" opens
        // the comment box by script (wwwroot/js/reader.js) and sends "no" with the comment.
        var cut = Render<FaqArticlePage>(p => p.Add(x => x.Slug, "credit-record"));
        var form = cut.WaitForElement("[data-testid='faq-vote-form']");

        Assert.Equal("post", form.GetAttribute("method"));
        Assert.NotNull(form.GetAttribute("data-wh-antiforgery"));
        var yes = cut.Find("[data-testid='faq-vote-yes']");
        Assert.Equal(("submit", "Vote.Helpful", "true"), (yes.GetAttribute("type"), yes.GetAttribute("name"), yes.GetAttribute("value")));
        var no = cut.Find("[data-testid='faq-vote-no']");
        Assert.Equal("faq-vote-comment", no.GetAttribute("data-wh-reveal"));
        Assert.NotNull(cut.Find("[data-testid='faq-vote-comment']").GetAttribute("hidden"));
        Assert.Equal("Vote.Comment", cut.Find("[data-testid='faq-vote-comment'] textarea").GetAttribute("name"));
        var send = cut.Find("[data-testid='faq-vote-send']");
        Assert.Equal(("submit", "Vote.Helpful", "false"), (send.GetAttribute("type"), send.GetAttribute("name"), send.GetAttribute("value")));
    }

    [Fact]
    public void ArticlePage_UnknownSlug_ShowsFriendlyNotFound()
    {
        var cut = Render<FaqArticlePage>(p => p.Add(x => x.Slug, "does-not-exist"));
        cut.WaitForElement("[data-testid='faq-not-found']");
        Assert.Empty(cut.FindAll("[data-testid='faq-article']"));
    }

    [Fact]
    public async Task ArticlePage_Draft_ShowsFriendlyNotFound()
    {
        await database.CreateAsync("page-draft", "草稿", "草稿正文", action: WalletHelp.Web.Services.Faq.FaqSaveAction.SaveDraft);
        var cut = Render<FaqArticlePage>(p => p.Add(x => x.Slug, "page-draft"));
        cut.WaitForElement("[data-testid='faq-not-found']");
    }
}

public sealed class FaqArticlePageEnglishTests() : BunitTestBase("en")
{
    private readonly FaqTestDatabase database = new();

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        database.Dispose();
    }

    [Fact]
    public async Task ArticlePage_EnglishMissing_ShowsChineseWithNotice()
    {
        database.Register(Services);
        await database.CreateAsync("zh-only", "只有中文的文章", "这是**中文**正文。");
        var cut = Render<FaqArticlePage>(p => p.Add(x => x.Slug, "zh-only"));

        cut.WaitForElement("[data-testid='faq-fallback-notice']");
        Assert.Contains("not yet available in English", cut.Find("[data-testid='faq-fallback-notice']").TextContent);
        Assert.Equal("只有中文的文章", cut.Find("[data-testid='faq-title']").TextContent);
        Assert.Equal("zh-CN", cut.Find("[data-testid='faq-article']").GetAttribute("lang"));
    }

    [Fact]
    public void ArticlePage_EnglishPresent_ShowsEnglishWithoutNotice()
    {
        database.Register(Services);
        var cut = Render<FaqArticlePage>(p => p.Add(x => x.Slug, "opening-time"));
        cut.WaitForElement("[data-testid='faq-title']");
        Assert.Equal("How long does opening a wallet take?", cut.Find("[data-testid='faq-title']").TextContent);
        Assert.Empty(cut.FindAll("[data-testid='faq-fallback-notice']"));
    }
}
