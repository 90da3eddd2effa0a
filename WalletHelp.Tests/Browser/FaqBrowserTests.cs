using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using WalletHelp.Tests.TestSupport;
using WalletHelp.Web.Data;
using WalletHelp.Web.Data.Faq;
using WalletHelp.Web.Services.Faq;

namespace WalletHelp.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed partial class FaqBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task ArticlePage_InjectedScriptInPublishedArticle_DoesNotRun()
    {
        using (var scope = browser.Factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
            var categoryId = await db.Set<FaqCategory>().Select(c => c.Id).FirstAsync(TestContext.Current.CancellationToken);
            var result = await scope.ServiceProvider.GetRequiredService<FaqAdminService>().SaveAsync(new FaqEditModel
            {
                Slug = "xss-probe", CategoryId = categoryId, TitleZh = "注入测试",
                BodyZh = """
                    正文开始

                    <script>window.__pwned = 'script';</script>

                    <img src="/nope.png" onerror="window.__pwned = 'onerror'">

                    <iframe src="javascript:parent.__pwned = 'iframe'"></iframe>

                    [点我](javascript:window.__pwned='link')

                    正文结束
                    """,
            }, FaqSaveAction.Publish, "tester", TestContext.Current.CancellationToken);
            Assert.Equal(FaqSaveOutcome.Saved, result.Outcome);
        }

        var page = await browser.NewPageAsync();
        await page.GotoInteractiveAsync("/faq/xss-probe");
        await page.Locator("[data-testid='faq-body']").WaitForAsync();
        var link = page.Locator("[data-testid='faq-body'] a", new PageLocatorOptions { HasText = "点我" });
        if (await link.CountAsync() > 0)
        {
            await link.ClickAsync();
        }
        await page.WaitForTimeoutAsync(300);

        Assert.True(await page.EvaluateAsync<bool>("() => typeof window.__pwned === 'undefined'"), "an injected script ran");
        Assert.Equal(0, await page.Locator("[data-testid='faq-body'] script, [data-testid='faq-body'] iframe, [data-testid='faq-body'] [onerror]").CountAsync());
        Assert.Contains("正文结束", await page.InnerTextAsync("[data-testid='faq-body']"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task AdminJourney_EditPreviewPublishSearchRestore_Works()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.FillAsync("#Input\\.Email", WalletHelpFactory.AdminEmail);
        await page.FillAsync("#Input\\.Password", WalletHelpFactory.AdminPassword);
        await page.ClickAsync("[data-testid='login-submit']");
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.Ordinal));

        // The list: find the article and open the editor.
        await page.GotoInteractiveAsync("/admin/faq");
        await page.ClickAsync("[data-testid='faq-admin-row'][data-slug='network-problems'] [data-testid='faq-admin-edit']");
        await page.WaitForURLAsync(AdminEditorUrl());
        var editorUrl = new Uri(page.Url).AbsolutePath;
        await page.Locator("[data-testid='editor-body-zh'] textarea").WaitForAsync();

        // Chinese: type, see the preview follow.
        const string chinese = "## 独角兽测试小节\n\n先**检查路由器**，再重新提交申请。";
        await page.FillAsync("[data-testid='editor-body-zh'] textarea", chinese);
        await Assertions.Expect(page.Locator("[data-testid='editor-preview-zh'] h2").First).ToHaveTextAsync("独角兽测试小节");
        await Assertions.Expect(page.Locator("[data-testid='editor-preview-zh'] strong").First).ToHaveTextAsync("检查路由器");

        // English tab.
        await page.GetByRole(AriaRole.Tab, new PageGetByRoleOptions { Name = "英文" }).ClickAsync();
        await page.Locator("[data-testid='editor-body-en'] textarea").WaitForAsync();
        await page.FillAsync("[data-testid='editor-title-en'] input", "Unicornjourney network guide");
        await page.FillAsync("[data-testid='editor-body-en'] textarea", "Check the **unicornjourney** router first.");
        await Assertions.Expect(page.Locator("[data-testid='editor-preview-en'] strong").First).ToHaveTextAsync("unicornjourney");
        await page.ScreenshotAsync("faq-editor-preview");

        await page.ClickAsync("[data-testid='editor-publish']");
        await Assertions.Expect(page.Locator("[data-testid='editor-version']")).ToContainTextAsync("2");

        // Public search shows the new text at once, highlighted.
        var reader = await browser.NewPageAsync();
        await reader.GotoInteractiveAsync("/faq");
        await reader.FillAsync("[data-testid='faq-search'] input", "独角兽测试");
        var hit = reader.Locator("[data-testid='faq-result'][data-slug='network-problems']");
        await hit.WaitForAsync();
        await Assertions.Expect(hit.Locator("mark").First).ToHaveTextAsync("独角兽测试");
        await reader.ScreenshotAsync("faq-search-highlight");
        await reader.FillAsync("[data-testid='faq-search'] input", "没有这种内容的查询词");
        await reader.Locator("[data-testid='faq-empty']").WaitForAsync();

        // History: the diff shows the change; restore the seeded revision.
        await page.GotoInteractiveAsync(editorUrl + "/history");
        await Assertions.Expect(page.Locator("[data-testid='diff-added']").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid='diff']")).ToContainTextAsync("独角兽测试小节");
        await page.ScreenshotAsync("faq-history-diff");
        await page.ClickAsync("[data-testid='history-row'][data-version='1'] [data-testid='history-restore']");
        // Restoring publishes: the page asks first and says so (issue 10, item 9).
        var confirm = page.Locator(".mud-dialog");
        await Assertions.Expect(confirm).ToContainTextAsync("立即显示");
        await confirm.Locator("button", new() { HasText = "恢复版本 1" }).ClickAsync();
        await page.Locator("[data-testid='history-row'][data-version='3']").WaitForAsync();

        await reader.GotoInteractiveAsync("/faq/network-problems");
        await Assertions.Expect(reader.Locator("[data-testid='faq-body']")).ToContainTextAsync("自查步骤");
        await Assertions.Expect(reader.Locator("[data-testid='faq-body']")).Not.ToContainTextAsync("独角兽");
        await reader.Context.CloseAsync();
        await page.Context.CloseAsync();
    }

    [GeneratedRegex(@"/admin/faq/\d+$")]
    private static partial Regex AdminEditorUrl();
}
