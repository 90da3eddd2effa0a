using System.Globalization;
using Microsoft.Playwright;
using WalletHelp.Tests.TestSupport;

namespace WalletHelp.Tests.Browser;

/// <summary>Journey 5: an admin schedules maintenance; the status page and every retry diagnosis reflect it.</summary>
[Collection(BrowserCollection.Name)]
public sealed class MaintenanceBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task Maintenance_ScheduledByAdmin_ShowsOnStatusAndRetryWaitsUntilItsEnd()
    {
        // Own app: an active window would turn other tests' retries into "wait".
        await using var app = new WalletHelpFactory().UseRealPort();
        var baseUrl = BrowserFixture.Start(app);
        var page = await browser.NewPageAsync(baseUrl: baseUrl);

        await page.GotoAsync("/Account/Login");
        await page.FillAsync("#Input\\.Email", WalletHelpFactory.AdminEmail);
        await page.FillAsync("#Input\\.Password", WalletHelpFactory.AdminPassword);
        await page.ClickAsync("[data-testid='login-submit']");
        await page.WaitForInteractiveAsync();

        await page.GotoInteractiveAsync("/admin/status");
        var beijing = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8));
        var end = beijing.AddHours(3);
        await page.FillAsync("input[data-testid='maintenance-title'], [data-testid='maintenance-title'] input", "钱包系统升级");
        await page.FillAsync("input[data-testid='maintenance-starts'], [data-testid='maintenance-starts'] input", beijing.AddMinutes(-10).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture));
        await page.FillAsync("input[data-testid='maintenance-ends'], [data-testid='maintenance-ends'] input", end.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture));
        await page.ClickAsync("[data-testid='maintenance-add']");
        await page.Locator("[data-testid='admin-maintenance']").WaitForAsync();

        await page.GotoInteractiveAsync("/status");
        var status = await page.TextContentAsync("[data-testid='status-maintenance']");
        Assert.Contains("钱包系统升级", status);
        Assert.Contains(end.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), status);

        var response = await page.Context.APIRequest.PostAsync("/api/v1/diagnoses", new APIRequestContextOptions
        {
            Headers = new Dictionary<string, string> { ["Content-Type"] = "application/json" },
            Data = """{ "symptom": "try-again-later" }""",
        });
        var reference = (await response.JsonAsync())!.Value.GetProperty("reference").GetString();
        await page.GotoInteractiveAsync($"/diagnoses/{reference}");

        Assert.Equal("wait", await page.GetAttributeAsync("[data-testid='outcome-banner']", "data-outcome"));
        Assert.Contains(end.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), await page.TextContentAsync("[data-testid='outcome-banner']"));
        Assert.True(await page.Locator("[data-testid='finding-AP-MAINTENANCE']").IsVisibleAsync());
        await page.ScreenshotAsync("maintenance-wait");
        await page.Context.CloseAsync();
    }
}
