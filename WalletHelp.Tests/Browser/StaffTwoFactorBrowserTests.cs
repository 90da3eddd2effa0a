using System.Text.RegularExpressions;
using Microsoft.Playwright;
using WalletHelp.Tests.TestSupport;

namespace WalletHelp.Tests.Browser;

/// <summary>Staff must enrol an authenticator app before any staff page opens (own app: RequireStaffTwoFactor=true).</summary>
[Collection(BrowserCollection.Name)]
public sealed class StaffTwoFactorBrowserTests(BrowserFixture browser) : IAsyncLifetime
{
    private readonly WalletHelpFactory factory = new WalletHelpFactory()
        .With("WalletHelp:Security:RequireStaffTwoFactor", "true")
        .UseRealPort();

    private string baseUrl = "";

    public ValueTask InitializeAsync()
    {
        baseUrl = BrowserFixture.Start(factory);
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await factory.DisposeAsync();

    [Fact]
    public async Task Agent_IsSentToEnrol_EnrolsWithComputedCode_ThenSignsInWithTheCode()
    {
        var page = await browser.NewPageAsync(baseUrl: baseUrl);
        await page.GotoAsync("/Account/Login");
        await page.FillAsync("#Input\\.Email", WalletHelpFactory.AgentEmail);
        await page.FillAsync("#Input\\.Password", WalletHelpFactory.AgentPassword);
        await page.ClickAsync("[data-testid='login-submit']");

        // Signing in lands agents on /agent, which sends them to enrol first.
        await page.WaitForURLAsync(new Regex("/Account/Manage/EnableAuthenticator\\?required=true$"));
        await page.Locator("[data-testid='enrol-required']").WaitForAsync();
        Assert.Equal(1, await page.Locator("[data-testid='authenticator-qr'] svg").CountAsync());
        await page.ScreenshotAsync("staff-2fa-enrol");

        var key = (await page.TextContentAsync("[data-testid='authenticator-key']"))!.Trim();
        await page.FillAsync("#Input\\.Code", Totp.Code(key, DateTimeOffset.UtcNow));
        await page.ClickAsync("[data-testid='enrol-submit']");

        // Recovery codes are shown once, then the console opens.
        await page.Locator(".recovery-code").First.WaitForAsync();
        Assert.Equal(10, await page.Locator(".recovery-code").CountAsync());
        await page.ClickAsync("[data-testid='enrol-continue']");
        await page.WaitForURLAsync("**/agent");
        await page.Locator("[data-testid='agent-reference']").WaitForAsync();

        // Signs out with the menu's button as a person would; the session cookie is gone and signing in again asks
        // for the code.
        var signOut = await page.RunAndWaitForResponseAsync(() => page.ClickAsync("[data-testid='sign-out']"),
            r => r.Url.EndsWith("/Account/Logout", StringComparison.Ordinal));
        Assert.Equal(302, signOut.Status);
        await page.Locator("[data-testid='sign-in']").WaitForAsync();
        Assert.DoesNotContain(await page.Context.CookiesAsync(), c => c.Name == ".AspNetCore.Identity.Application");
        await page.GotoAsync("/agent");
        await page.WaitForURLAsync(new Regex("/Account/Login"));
        await page.FillAsync("#Input\\.Email", WalletHelpFactory.AgentEmail);
        await page.FillAsync("#Input\\.Password", WalletHelpFactory.AgentPassword);
        await page.ClickAsync("[data-testid='login-submit']");
        await page.WaitForURLAsync(new Regex("/Account/LoginWith2fa"));
        // The next time step's code: accepted (Identity allows ±2 steps) and never the one used to enrol.
        await page.FillAsync("#Input\\.TwoFactorCode", Totp.Code(key, DateTimeOffset.UtcNow, stepOffset: 1));
        await page.ClickAsync("[data-testid='login-2fa-submit']");
        await page.WaitForURLAsync("**/agent");
        await page.Locator("[data-testid='agent-reference']").WaitForAsync();
        await page.Context.CloseAsync();
    }
}
