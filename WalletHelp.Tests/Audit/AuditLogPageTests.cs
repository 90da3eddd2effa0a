using Bunit;
using Microsoft.Extensions.DependencyInjection;
using WalletHelp.Tests.Faq;
using WalletHelp.Tests.TestSupport;
using WalletHelp.Web.Components.Pages.Admin;
using WalletHelp.Web.Components.Pages.Admin.Audit;
using WalletHelp.Web.Services.Audit;
using WalletHelp.Web.Services.Faq;

namespace WalletHelp.Tests.Audit;

/// <summary>/admin/audit over a real SQLite file; FAQ edits write their entries through the service.</summary>
public sealed class AuditLogPageTests : AdminPageTestBase
{
    [Fact]
    public async Task FaqEdits_AreListedNewestFirst_AndFilterByArea()
    {
        var article = await Database.CreateAsync("audit-a", "审计测试", "正文", action: FaqSaveAction.SaveDraft);
        var actor = new AuditActor("id-1", "editor@test.local", "192.0.2.7");
        var published = await Database.Admin.SaveAsync(article, FaqSaveAction.Publish, actor, Xunit.TestContext.Current.CancellationToken);
        Assert.Equal(FaqSaveOutcome.Saved, published.Outcome);
        // A stale save (old version) changes nothing and so records nothing.
        Assert.Equal(FaqSaveOutcome.Conflict, (await Database.Admin.SaveAsync(article, FaqSaveAction.Publish, actor, Xunit.TestContext.Current.CancellationToken)).Outcome);
        await Database.Audit.WriteAsync(AuditActor.Named("agent@test.local"), AuditActions.SignInSucceeded, cancellationToken: Xunit.TestContext.Current.CancellationToken);

        var cut = Render<AuditLogPage>();
        cut.WaitForElement("[data-testid='audit-table']");
        var rows = cut.FindAll("[data-testid='audit-row']");
        Assert.Equal(["sign-in.succeeded", "faq.published", "faq.saved"], rows.Select(r => r.GetAttribute("data-action")).ToArray());
        Assert.Contains("192.0.2.7", rows[1].TextContent);
        Assert.Contains("常见问题已发布", rows[1].TextContent);
        Assert.Contains("北京时间", cut.Markup);

        cut.Find("[data-testid='audit-actor'] input, input[data-testid='audit-actor']").Change("editor");
        cut.Find("form[data-testid='audit-filters']").Submit();
        // "tester" created the draft; only the publish was done by editor@….
        cut.WaitForAssertion(() => Assert.Equal("faq.published", Assert.Single(cut.FindAll("[data-testid='audit-row']")).GetAttribute("data-action")));

        cut.Find("input[data-testid='audit-from'], [data-testid='audit-from'] input").Change("2099-01-01");
        cut.Find("form[data-testid='audit-filters']").Submit();
        cut.WaitForElement("[data-testid='audit-empty']");
    }

    [Fact]
    public void AdminHome_LinksToEveryAdminPage()
    {
        var cut = Render<AdminHome>();
        var links = cut.FindAll("[data-testid='admin-home-link']").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/admin/faq", links);
        Assert.Contains("/admin/status", links);
        Assert.Contains("/admin/audit", links);
    }
}
