using System.Text;
using Microsoft.Playwright;
using WalletHelp.Tests.TestSupport;

namespace WalletHelp.Tests.Browser;

/// <summary>An admin imports a BIN CSV: checks it (dry run), imports it, sees it used, rolls it back.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AdminBinsBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task BinImport_AdminUploadsCsv_DryRunThenImportThenRollback()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.FillAsync("#Input\\.Email", WalletHelpFactory.AdminEmail);
        await page.FillAsync("#Input\\.Password", WalletHelpFactory.AdminPassword);
        await page.ClickAsync("[data-testid='login-submit']");
        await page.WaitForInteractiveAsync();
        await page.GotoInteractiveAsync("/admin/bins");

        const string csv = "bin,bank,type,length,bankName,bankNameEn\n7000004,QQRCB,DC,19,青青农商银行,Qingqing Rural Bank\n7000005,QQRCB,ZZ,19\n";
        await page.SetInputFilesAsync("[data-testid='bins-file']", new FilePayload
        {
            Name = "qingqing.csv",
            MimeType = "text/csv",
            Buffer = Encoding.UTF8.GetBytes(csv),
        });
        await page.Locator("[data-testid='bins-file-name']").WaitForAsync();
        await page.ClickAsync("[data-testid='bins-dry-run']");

        var report = page.Locator("[data-testid='bins-report']");
        await report.WaitForAsync();
        Assert.Equal("true", await report.GetAttributeAsync("data-dry-run"));
        Assert.Equal("1", await page.GetAttributeAsync("[data-testid='bins-added']", "data-count"));
        Assert.Equal("1", await page.GetAttributeAsync("[data-testid='bins-rejected']", "data-count"));
        Assert.Equal("type", await page.GetAttributeAsync("[data-testid='bins-rejection']", "data-kind"));
        Assert.Contains("ZZ", await page.TextContentAsync("[data-testid='bins-rejection']"));
        // Nothing written by the check.
        Assert.Equal(404, (await page.Context.APIRequest.GetAsync("/api/v1/reference/bins/70000041")).Status);
        await page.ScreenshotAsync("admin-bins-dry-run");

        await page.ClickAsync("[data-testid='bins-import']");
        await page.Locator("[data-testid='bins-report'][data-dry-run='false']").WaitForAsync();
        var row = page.Locator("[data-testid='bins-history-row'][data-rolled-back='false']").First;
        await row.WaitForAsync();
        Assert.Contains("qingqing.csv", await row.TextContentAsync());

        var lookup = await page.Context.APIRequest.GetAsync("/api/v1/reference/bins/70000041");
        Assert.Equal(200, lookup.Status);
        Assert.Equal("青青农商银行", (await lookup.JsonAsync())!.Value.GetProperty("bankName").GetString());

        await page.FillAsync("#bins-search", "青青");
        await page.Locator("[data-testid='bins-row'][data-prefix='7000004']").WaitForAsync();

        await row.Locator("[data-testid='bins-rollback']").ClickAsync();
        await page.Locator("[data-testid='bins-history-row'][data-rolled-back='true']").First.WaitForAsync();
        Assert.Equal(404, (await page.Context.APIRequest.GetAsync("/api/v1/reference/bins/70000041")).Status);
        await page.Context.CloseAsync();
    }
}
