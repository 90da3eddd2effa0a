using System.Diagnostics;
using System.Text;
using Microsoft.Playwright;
using WalletHelp.Tests.TestSupport;

namespace WalletHelp.Tests.Browser;

/// <summary>Live assist with two browsers: the user's wizard and the agent's live view, over the real app.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AssistBrowserTests(BrowserFixture browser)
{
    private const string MistypedId = "110105194912310023";
    private const string MaskedId = "110105********0023";

    private static ILocator Field(IPage page, string path) => page.Locator($"[data-testid='field-{path.Replace('.', '-')}']");

    [Fact]
    public async Task UserAsksForHelp_AgentSeesTheStepAndTheFindingLive_PointsWithHint_UserEnds()
    {
        var user = await browser.NewPageAsync(width: 1000, height: 900);
        await user.GotoInteractiveAsync("/diagnose");
        await user.ClickAsync("[data-testid='symptom-application-rejected']");
        await user.Locator("[data-testid='wizard-state'][data-restored='true']").WaitForAsync(new() { State = WaitForSelectorState.Attached });

        await user.ClickAsync("[data-testid='assist-start']");
        var code = await user.Locator("[data-testid='assist-code']").GetAttributeAsync("data-code");
        Assert.Matches("^[0-9]{6}$", code);
        Assert.Contains("看不到完整的身份证号", await user.InnerTextAsync("[data-testid='assist-what']"));

        // The agent's browser: every websocket frame the agent's circuit receives is kept.
        var agent = await browser.NewPageAsync(width: 1100, height: 900);
        var frames = new List<byte[]>();
        agent.WebSocket += (_, socket) => socket.FrameReceived += (_, frame) =>
        {
            lock (frames) frames.Add(frame.Binary ?? Encoding.UTF8.GetBytes(frame.Text ?? ""));
        };
        await agent.GotoAsync("/Account/Login?ReturnUrl=%2Fagent%2Fassist");
        await agent.FillAsync("#Input\\.Email", WalletHelpFactory.AgentEmail);
        await agent.FillAsync("#Input\\.Password", WalletHelpFactory.AgentPassword);
        await agent.ClickAsync("[data-testid='login-submit']");
        await agent.WaitForURLAsync("**/agent/assist");
        await agent.WaitForInteractiveAsync();

        await agent.FillAsync("[data-testid='assist-code-input']", code![..3] + " " + code[3..]);
        await agent.ClickAsync("[data-testid='assist-join']");
        await Assertions.Expect(agent.Locator("[data-testid='assist-step']")).ToHaveAttributeAsync("data-step", "personal");
        await Assertions.Expect(user.Locator("[data-testid='assist-connected']")).ToContainTextAsync("agent");

        // The user mistypes the ID: the finding shows on the agent's screen within a second of typing.
        var finding = agent.Locator("[data-testid='assist-finding-PI-ID-CHECKSUM']");
        await Field(user, "personal.name").FillAsync("张三");
        var typed = Stopwatch.StartNew();
        await Field(user, "personal.idNumber").FillAsync(MistypedId);
        await finding.WaitForAsync(new() { Timeout = 5_000 });
        var elapsed = typed.ElapsedMilliseconds;
        Assert.True(elapsed < 1000, $"the agent saw the finding {elapsed} ms after typing");
        Assert.Contains("第 18 位应为 X", await finding.InnerTextAsync());
        Assert.Equal(MaskedId, (await agent.InnerTextAsync("[data-testid='assist-value-personal-idNumber']")).Trim());

        // The agent points at the field with a hint; the user's page shows it at the field.
        await agent.SelectOptionAsync("[data-testid='assist-point-field']", "personal.idNumber");
        await agent.FillAsync("[data-testid='assist-hint-text']", "请看身份证最后一位，应为 X");
        await agent.ClickAsync("[data-testid='assist-point']");
        var pointer = user.Locator("[data-testid='agent-pointer-personal-idNumber']");
        await Assertions.Expect(pointer).ToContainTextAsync("请看身份证最后一位，应为 X");
        await Assertions.Expect(user.Locator(".wh-field:has([data-testid='agent-pointer-personal-idNumber']) #field-personal-idNumber")).ToBeVisibleAsync();
        await Assertions.Expect(pointer).ToBeInViewportAsync();

        var userShot = await user.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "assist-user.png") });
        var agentShot = await agent.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "assist-agent.png") });
        await SideBySideAsync(userShot, agentShot, "assist-pair");

        // The user stops sharing; the agent's view says so.
        await user.ClickAsync("[data-testid='assist-end']");
        await Assertions.Expect(user.Locator("[data-testid='assist-ended']")).ToBeVisibleAsync();
        await Assertions.Expect(agent.Locator("[data-testid='assist-presence']")).ToHaveAttributeAsync("data-presence", "ended");
        Assert.Contains("来电者已结束共享", await agent.InnerTextAsync("[data-testid='assist-presence']"));

        // Never a full number on the agent's side: not in the page, not in any render batch on the wire.
        Assert.DoesNotContain(MistypedId, await agent.ContentAsync(), StringComparison.Ordinal);
        byte[][] received;
        lock (frames) received = [.. frames];
        Assert.Contains(received, f => Contains(f, Encoding.UTF8.GetBytes(MaskedId)));
        Assert.DoesNotContain(received, f => Contains(f, Encoding.UTF8.GetBytes(MistypedId)));
        Assert.DoesNotContain(received, f => Contains(f, Encoding.Unicode.GetBytes(MistypedId)));

        await user.Context.CloseAsync();
        await agent.Context.CloseAsync();
    }

    [Fact]
    public async Task UserReloads_SessionResumes_AgentSeesDisconnectThenBack()
    {
        var user = await browser.NewPageAsync();
        await user.GotoInteractiveAsync("/diagnose/application-rejected");
        await user.Locator("[data-testid='wizard-state'][data-restored='true']").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await user.ClickAsync("[data-testid='assist-start']");
        var code = await user.Locator("[data-testid='assist-code']").GetAttributeAsync("data-code");

        var agent = await browser.NewPageAsync();
        await agent.GotoAsync("/Account/Login?ReturnUrl=%2Fagent%2Fassist");
        await agent.FillAsync("#Input\\.Email", WalletHelpFactory.AgentEmail);
        await agent.FillAsync("#Input\\.Password", WalletHelpFactory.AgentPassword);
        await agent.ClickAsync("[data-testid='login-submit']");
        await agent.WaitForURLAsync("**/agent/assist");
        await agent.WaitForInteractiveAsync();
        await agent.FillAsync("[data-testid='assist-code-input']", code!);
        await agent.ClickAsync("[data-testid='assist-join']");
        await Assertions.Expect(agent.Locator("[data-testid='assist-presence']")).ToHaveAttributeAsync("data-presence", "connected");

        // The user's tab goes away: the agent is told. A new page in the same browser picks the session up again.
        var context = user.Context;
        await user.CloseAsync();
        await Assertions.Expect(agent.Locator("[data-testid='assist-presence']")).ToHaveAttributeAsync("data-presence", "disconnected",
            new() { Timeout = 15_000 });
        var again = await context.NewPageAsync();
        await again.GotoInteractiveAsync("/diagnose/application-rejected?step=1");
        await Assertions.Expect(again.Locator("[data-testid='assist-connected']")).ToContainTextAsync("agent");
        await Assertions.Expect(agent.Locator("[data-testid='assist-presence']")).ToHaveAttributeAsync("data-presence", "connected");

        await context.CloseAsync();
        await agent.Context.CloseAsync();
    }

    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;

    /// <summary>The user's and the agent's screens next to each other (for the README).</summary>
    private async Task SideBySideAsync(byte[] left, byte[] right, string name)
    {
        var page = await browser.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 2140, Height = 900 } });
        await page.SetContentAsync(
            "<html><body style='margin:0;display:flex;gap:20px;background:#888'>"
            + $"<img src='data:image/png;base64,{Convert.ToBase64String(left)}' style='width:1000px;align-self:flex-start'>"
            + $"<img src='data:image/png;base64,{Convert.ToBase64String(right)}' style='width:1100px;align-self:flex-start'>"
            + "</body></html>");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, name + ".png") });
        await page.CloseAsync();
    }
}
