using Bunit;
using Microsoft.Extensions.DependencyInjection;
using WalletHelp.Tests.TestSupport;
using WalletHelp.Web.Components.Pages.Admin.Faq;
using WalletHelp.Web.Services.Faq;

namespace WalletHelp.Tests.Faq;

public sealed class FaqEditorTests : AdminPageTestBase
{
    private IRenderedComponent<FaqEditor> RenderEditor(int id)
    {
        var cut = Render<FaqEditor>(p => p.Add(x => x.Id, id));
        cut.WaitForElement("[data-testid='editor-body-zh'] textarea");
        return cut;
    }

    [Fact]
    public async Task Editor_TypingMarkdown_UpdatesPreview()
    {
        var article = await Database.CreateAsync("editor-preview", "预览标题", "原来的正文");
        var cut = RenderEditor(article.Id);
        Assert.Contains("原来的正文", cut.Find("[data-testid='editor-preview-zh']").TextContent);

        cut.Find("[data-testid='editor-body-zh'] textarea").Input("## 新的小节\n\n**重点**内容\n\n<script>alert(1)</script>");

        cut.WaitForAssertion(() =>
        {
            var preview = cut.Find("[data-testid='editor-preview-zh']");
            Assert.Contains("<h2", preview.InnerHtml);
            Assert.Contains("<strong>重点</strong>", preview.InnerHtml);
            Assert.DoesNotContain("<script", preview.InnerHtml);
        });
    }

    [Fact]
    public async Task Editor_EnglishTab_ShowsEnglishFieldsAndPreview()
    {
        var article = await Database.CreateAsync("editor-tabs", "中文标题", "中文正文", "English title", "English *body*");
        var cut = RenderEditor(article.Id);
        Assert.Empty(cut.FindAll("[data-testid='editor-preview-en']"));

        cut.FindAll("[role='tab']").Single(t => t.TextContent.Contains("英文")).Click();

        cut.WaitForAssertion(() => Assert.Contains("<em>body</em>", cut.Find("[data-testid='editor-preview-en']").InnerHtml));
        cut.Find("[data-testid='editor-title-en'] input").Input("Updated English title");
        cut.WaitForAssertion(() => Assert.Contains("Updated English title", cut.Find("[data-testid='editor-preview-en']").TextContent));
    }

    [Fact]
    public async Task Editor_SaveAfterSomeoneElseSaved_ShowsConflictWithBothTexts()
    {
        var article = await Database.CreateAsync("editor-conflict", "冲突标题", "原正文");
        var cut = RenderEditor(article.Id);

        // Another admin saves first.
        var theirs = article.Clone();
        theirs.BodyZh = "别人先保存的正文";
        Assert.Equal(FaqSaveOutcome.Saved, (await Database.Admin.SaveAsync(theirs, FaqSaveAction.Publish, "other@test.local", Xunit.TestContext.Current.CancellationToken)).Outcome);

        cut.Find("[data-testid='editor-body-zh'] textarea").Input("我自己的正文");
        cut.Find("[data-testid='editor-save']").Click();

        cut.WaitForElement("[data-testid='editor-conflict']");
        Assert.Contains("other@test.local", cut.Find("[data-testid='editor-conflict']").TextContent);
        Assert.Contains("别人先保存的正文", cut.Find("[data-testid='conflict-theirs']").TextContent);
        Assert.Contains("我自己的正文", cut.Find("[data-testid='conflict-yours']").TextContent);
        Assert.Equal("别人先保存的正文", (await Database.Admin.GetAsync(article.Id, Xunit.TestContext.Current.CancellationToken))!.BodyZh);

        // Keep mine, then save: now it replaces theirs knowingly.
        cut.Find("[data-testid='conflict-keep-mine']").Click();
        cut.Find("[data-testid='editor-save']").Click();
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid='editor-conflict']")));
        Assert.Equal("我自己的正文", (await Database.Admin.GetAsync(article.Id, Xunit.TestContext.Current.CancellationToken))!.BodyZh);
    }

    [Fact]
    public async Task Editor_LoadTheirs_ReplacesEditorButKeepsMyTextVisible()
    {
        var article = await Database.CreateAsync("editor-load-theirs", "标题", "原正文");
        var cut = RenderEditor(article.Id);
        var theirs = article.Clone();
        theirs.BodyZh = "对方的正文";
        await Database.Admin.SaveAsync(theirs, FaqSaveAction.Publish, "other", Xunit.TestContext.Current.CancellationToken);

        cut.Find("[data-testid='editor-body-zh'] textarea").Input("我的正文");
        cut.Find("[data-testid='editor-publish']").Click();
        cut.WaitForElement("[data-testid='conflict-load-theirs']").Click();

        cut.WaitForAssertion(() => Assert.Contains("对方的正文", cut.Find("[data-testid='editor-preview-zh']").TextContent));
        Assert.Contains("我的正文", cut.Find("[data-testid='conflict-yours']").TextContent);
    }
}
