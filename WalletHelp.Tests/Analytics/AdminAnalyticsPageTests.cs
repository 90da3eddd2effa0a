using Bunit;
using Microsoft.Extensions.DependencyInjection;
using WalletHelp.Core;
using WalletHelp.Tests.Faq;
using WalletHelp.Tests.TestSupport;
using WalletHelp.Web.Components.Pages.Admin.Analytics;
using WalletHelp.Web.Services.Analytics;

namespace WalletHelp.Tests.Analytics;

/// <summary>/admin/analytics over a real SQLite file: tables with the figures, CSV links for the range, empty and error states.</summary>
public sealed class AdminAnalyticsPageTests : BunitTestBase
{
    private readonly FaqTestDatabase database = new();

    public AdminAnalyticsPageTests()
    {
        database.Register(Services);
        Services.AddSingleton<AnalyticsService>();
        AddAuthorization().SetAuthorized("admin@test.local").SetRoles("Admin");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        database.Dispose();
    }

    private static string Today => ChinaTime.Today(DateTimeOffset.UtcNow).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task ShowsTheLast30Days_WithTablesAndCsvLinksForTheRange()
    {
        var now = DateTimeOffset.UtcNow;
        await AnalyticsTestData.InsertAsync(database,
        [
            new(now, "cannot-log-in", "wait", ["AP-COOLDOWN"]),
            new(now, "cannot-log-in", "wait", ["AP-COOLDOWN", "PI-ID-CHECKSUM"]),
            new(now, "application-rejected", "ready", []),
        ]);
        await AnalyticsTestData.SearchAsync(database, "数字钱包打不开", 0, now, times: 2);

        var cut = Render<AdminAnalytics>();
        cut.WaitForElement("[data-testid='analytics-per-day-table']");

        Assert.Contains("3", cut.Find("[data-testid='analytics-total']").TextContent);
        var day = cut.Find($"[data-testid='analytics-day-row'][data-day='{Today}']");
        Assert.Contains("3", day.QuerySelectorAll("td").Last().TextContent);
        // Columns: contact support, fix and retry, wait, ready, total.
        Assert.Equal(["0", "0", "2", "1", "3"], day.QuerySelectorAll("td").Select(td => td.TextContent.Trim()));
        Assert.Contains("请稍后再试", cut.Find("[data-testid='analytics-per-day-table'] thead").TextContent);
        Assert.Contains("AP-COOLDOWN", cut.Find("[data-testid='analytics-finding-row'][data-symptom='cannot-log-in'][data-code='AP-COOLDOWN']").TextContent);
        Assert.Contains("数字钱包打不开", cut.Find("[data-testid='analytics-search-row']").TextContent);
        // Cases by status, named in the page language; no assist session yet: the empty state.
        var open = cut.Find("[data-testid='analytics-cases-row'][data-status='open']");
        Assert.Equal(["处理中", "3"], open.Children.Select(c => c.TextContent.Trim()));
        Assert.NotNull(cut.Find("[data-testid='analytics-assist-sessions'] [data-testid='analytics-empty']"));
        // Nothing recorded for these: an empty state instead of an empty table, and no CSV link.
        Assert.NotNull(cut.Find("[data-testid='analytics-funnel'] [data-testid='analytics-empty']"));
        Assert.Empty(cut.FindAll("[data-testid='analytics-funnel'] [data-testid='analytics-csv']"));
        var from = ChinaTime.Today(DateTimeOffset.UtcNow).AddDays(-29).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal($"/api/v1/analytics/diagnoses-per-day.csv?from={from}&to={Today}",
            cut.Find("[data-testid='analytics-diagnoses-per-day'] [data-testid='analytics-csv']").GetAttribute("href"));
    }

    [Fact]
    public void EndBeforeStart_SaysSo_AndNothingIsQueried()
    {
        var cut = Render<AdminAnalytics>();
        cut.WaitForElement("[data-testid='analytics-per-day'], [data-testid='analytics-diagnoses-per-day']");

        cut.Find("input[data-testid='analytics-from'], [data-testid='analytics-from'] input").Change("2026-11-05");
        cut.Find("input[data-testid='analytics-to'], [data-testid='analytics-to'] input").Change("2026-11-01");
        cut.Find("form[data-testid='analytics-range']").Submit();

        cut.WaitForAssertion(() => Assert.Contains("结束日期不能早于开始日期", cut.Find("[data-testid='analytics-error']").TextContent));
        Assert.Empty(cut.FindAll("[data-testid='analytics-per-day-table']"));
    }
}
