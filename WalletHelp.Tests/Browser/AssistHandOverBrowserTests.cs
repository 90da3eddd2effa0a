using Microsoft.Playwright;
using WalletHelp.Tests.TestSupport;

namespace WalletHelp.Tests.Browser;

/// <summary>Hand-over by picking a colleague who has the live-assist page open: no code read out between agents.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AssistHandOverBrowserTests(BrowserFixture browser)
{
    private async Task<IPage> StaffAsync(string email, string password)
    {
        var page = await browser.NewPageAsync(width: 1100);
        await page.GotoAsync("/Account/Login?ReturnUrl=%2Fagent%2Fassist");
        await page.FillAsync("#Input\\.Email", email);
        await page.FillAsync("#Input\\.Password", password);
        await page.ClickAsync("[data-testid='login-submit']");
        await page.WaitForURLAsync("**/agent/assist");
        await page.WaitForInteractiveAsync();
        return page;
    }

    [Fact]
    public async Task LeadPicksAnOnlineColleague_ColleagueAccepts_AndLeads()
    {
        var user = await browser.NewPageAsync();
        await user.GotoInteractiveAsync("/diagnose/application-rejected");
        await user.Locator("[data-testid='wizard-state'][data-restored='true']").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await user.ClickAsync("[data-testid='assist-start']");
        var code = await user.Locator("[data-testid='assist-code']").GetAttributeAsync("data-code");

        // The colleague (here the admin) has the live-assist page open; the agent joins the caller's session.
        var colleague = await StaffAsync(WalletHelpFactory.AdminEmail, WalletHelpFactory.AdminPassword);
        var lead = await StaffAsync(WalletHelpFactory.AgentEmail, WalletHelpFactory.AgentPassword);
        await lead.FillAsync("[data-testid='assist-code-input']", code!);
        await lead.ClickAsync("[data-testid='assist-join']");
        await Assertions.Expect(lead.Locator("[data-testid='assist-presence']")).ToHaveAttributeAsync("data-presence", "connected");

        await Assertions.Expect(lead.Locator("[data-testid='assist-colleague'] option")).ToContainTextAsync(["—", "admin"]);
        await lead.SelectOptionAsync("[data-testid='assist-colleague']", new SelectOptionValue { Label = "admin" });
        await lead.ClickAsync("[data-testid='assist-hand-over-to']");
        await Assertions.Expect(lead.Locator("[data-testid='assist-action-status']")).ToContainTextAsync("admin");

        var offer = colleague.Locator("[data-testid='assist-offer']");
        await Assertions.Expect(offer).ToContainTextAsync("agent");
        await Assertions.Expect(offer).ToHaveAttributeAsync("data-role", "lead");
        await colleague.ClickAsync("[data-testid='assist-offer-accept']");
        await Assertions.Expect(colleague.Locator("[data-testid='assist-actions'] [data-testid='assist-send-hint']")).ToBeVisibleAsync();
        await Assertions.Expect(lead.Locator("[data-testid='assist-handed-over']")).ToBeVisibleAsync();
        await Assertions.Expect(user.Locator("[data-testid='assist-connected']")).ToContainTextAsync("admin");

        await user.Context.CloseAsync();
        await lead.Context.CloseAsync();
        await colleague.Context.CloseAsync();
    }
}
