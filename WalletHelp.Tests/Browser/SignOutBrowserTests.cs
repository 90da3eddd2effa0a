using WalletHelp.Tests.TestSupport;

namespace WalletHelp.Tests.Browser;

/// <summary>Defect 1: signing out from the menu answered 500 (redirect to "~//") and left the user signed in.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SignOutBrowserTests(BrowserFixture browser)
{
    private const string IdentityCookie = ".AspNetCore.Identity.Application";

    [Fact]
    public async Task SignOut_FromTheMenu_EndsTheSessionAndProtectedPagesAskToSignInAgain()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/Account/Login?ReturnUrl=%2Fagent");
        await page.FillAsync("#Input\\.Email", WalletHelpFactory.AgentEmail);
        await page.FillAsync("#Input\\.Password", WalletHelpFactory.AgentPassword);
        await page.ClickAsync("[data-testid='login-submit']");
        await page.WaitForURLAsync("**/agent");
        Assert.Contains(await page.Context.CookiesAsync(), c => c.Name == IdentityCookie);

        var signOut = await page.RunAndWaitForResponseAsync(() => page.ClickAsync("[data-testid='sign-out']"),
            r => r.Url.EndsWith("/Account/Logout", StringComparison.Ordinal));
        await page.WaitForLoadStateAsync();

        Assert.Equal(302, signOut.Status);
        Assert.Equal(browser.BaseUrl + "/", page.Url);
        Assert.DoesNotContain(await page.Context.CookiesAsync(), c => c.Name == IdentityCookie);
        await page.Locator("[data-testid='sign-in']").WaitForAsync();

        await page.GotoAsync("/agent");
        await page.WaitForURLAsync("**/Account/Login**");
        Assert.Contains("ReturnUrl=%2Fagent", page.Url, StringComparison.Ordinal);
    }
}
