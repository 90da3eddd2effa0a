using Microsoft.Playwright;
using WalletHelp.Tests.TestSupport;

namespace WalletHelp.Tests.Browser;

/// <summary>Journey 2, agent side: the agent opens the user's reference and sees the same findings, masked data only.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AgentBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task AgentConsole_OpensReference_SeesFindingsMaskedInputAndKeepsNotesMasked()
    {
        var user = await browser.NewPageAsync();
        await user.GotoInteractiveAsync("/");
        var response = await user.Context.APIRequest.PostAsync("/api/v1/diagnoses", new APIRequestContextOptions
        {
            Headers = new Dictionary<string, string> { ["Content-Type"] = "application/json" },
            Data = """
                { "symptom": "application-rejected",
                  "personal": { "name": "张三", "idNumber": "11010519491231002X", "phone": "13800138000" },
                  "application": { "rejectionMessage": "风控审核未通过" } }
                """,
        });
        var reference = (await response.JsonAsync())!.Value.GetProperty("reference").GetString()!;
        await user.Context.CloseAsync();

        var agent = await browser.NewPageAsync();
        await agent.GotoAsync("/Account/Login?ReturnUrl=%2Fagent");
        await agent.FillAsync("#Input\\.Email", WalletHelpFactory.AgentEmail);
        await agent.FillAsync("#Input\\.Password", WalletHelpFactory.AgentPassword);
        await agent.ClickAsync("[data-testid='login-submit']");
        await agent.WaitForURLAsync("**/agent");
        await agent.WaitForInteractiveAsync();

        // Read out on the phone: lower case with spaces still opens the case.
        await agent.FillAsync("input[data-testid='agent-reference'], [data-testid='agent-reference'] input", reference.ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal));
        await agent.ClickAsync("[data-testid='agent-open']");
        await agent.WaitForURLAsync($"**/agent/cases/{reference}");
        await agent.Locator("[data-testid='finding-AP-RISK-HOLD']").WaitForAsync();

        Assert.Equal("contact-support", await agent.GetAttributeAsync("[data-testid='outcome-banner']", "data-outcome"));
        Assert.Equal("110105********002X", (await agent.TextContentAsync("[data-testid='input-personal.idNumber']"))?.Trim());
        Assert.DoesNotContain("11010519491231002X", await agent.ContentAsync());

        await agent.FillAsync("textarea[data-testid='case-note'], [data-testid='case-note'] textarea", "User read out 11010519491231002X; asked for documents");
        await agent.ClickAsync("[data-testid='case-save-note']");
        await agent.Locator("[data-testid='case-notes'] li").WaitForAsync();
        var notes = await agent.TextContentAsync("[data-testid='case-notes']");
        Assert.Contains("110105********002X", notes);
        Assert.DoesNotContain("11010519491231002X", notes);

        // Resolving needs a reason from the list (issue 12); the optional words are scrubbed like notes.
        await agent.ClickAsync("[data-testid='case-resolve']");
        await agent.ClickAsync("[data-testid='case-confirm']");
        await agent.Locator("[data-testid='case-reason-missing']").WaitForAsync();
        await agent.SelectOptionAsync("[data-testid='case-reason-select']", "explained");
        await agent.FillAsync("[data-testid='case-reason-text']", "told the user to bring ID 11010519491231002X to the counter");
        await agent.ClickAsync("[data-testid='case-confirm']");
        await Assertions.Expect(agent.Locator("[data-testid='case-status']")).ToHaveTextAsync("已解决");
        await Assertions.Expect(agent.Locator("[data-testid='case-reason']")).ToContainTextAsync("已解释，无需修改");
        Assert.DoesNotContain("11010519491231002X", await agent.InnerTextAsync("[data-testid='case-panel']"));
        await Assertions.Expect(agent.Locator("[data-testid='case-history'] li")).ToHaveCountAsync(1);
        Assert.Contains("agent@test.local", await agent.InnerTextAsync("[data-testid='case-history']"));

        await agent.ScreenshotAsync("agent-case");

        // The console lists it under "resolved" and finds it by a part of its reference.
        await agent.ClickAsync("text=返回工作台");
        await agent.WaitForURLAsync("**/agent");
        await agent.WaitForInteractiveAsync();
        await agent.SelectOptionAsync("[data-testid='filter-status']", "resolved");
        await Assertions.Expect(agent.Locator($"[data-testid='case-row-reference']:text('{reference}')")).ToBeVisibleAsync();
        await agent.FillAsync("[data-testid='filter-reference']", reference[3..7].ToLowerInvariant());
        await Assertions.Expect(agent.Locator("[data-testid='case-row-reference']")).ToHaveCountAsync(1);
        await agent.SelectOptionAsync("[data-testid='filter-status']", "waiting-on-user");
        await agent.Locator("[data-testid='agent-empty']").WaitForAsync();
        await agent.ScreenshotAsync("agent-console-filtered");
        await agent.Context.CloseAsync();
    }
}
