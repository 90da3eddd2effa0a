using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace WalletHelp.Tests.TestSupport;

/// <summary>
/// The real app on a real Kestrel port (fresh SQLite file) plus one headless Debian Chromium, shared by
/// every browser test in the run. Each test takes its own <see cref="NewPageAsync"/> (own cookies).
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? playwright;

    public WalletHelpFactory Factory { get; } = new WalletHelpFactory().UseRealPort();

    public IBrowser Browser { get; private set; } = null!;

    public string BaseUrl { get; private set; } = "";

    /// <summary>Where screenshots go: TestResults/screenshots at the repository root.</summary>
    public static string ScreenshotFolder
    {
        get
        {
            var folder = RepoPaths.Of("TestResults", "screenshots");
            Directory.CreateDirectory(folder);
            return folder;
        }
    }

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"Browser tests need Debian's Chromium at {ChromiumPath}: run 'apt-get install -y chromium fonts-noto-cjk' as root (./test.sh does this when run as root).");
        }

        BaseUrl = Start(Factory);

        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
            ],
        });
    }

    /// <summary>Starts an app of its own on a real port, for tests whose data (e.g. maintenance) must not leak into others.</summary>
    public static string Start(WalletHelpFactory factory)
    {
        factory.StartServer();
        var addresses = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        return addresses.Addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');
    }

    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900, string? locale = "zh-CN", string? baseUrl = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl ?? BaseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = locale,
        });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }
        playwright?.Dispose();
        await Factory.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}

public static class PageExtensions
{
    /// <summary>Waits until the page's components are live on the server circuit (clicks now work).</summary>
    public static Task WaitForInteractiveAsync(this IPage page) =>
        page.Locator("[data-testid='render-state'][data-interactive='true']").WaitForAsync(
            new LocatorWaitForOptions { State = WaitForSelectorState.Attached });

    /// <summary>
    /// Waits until the wizard's answers typed so far are in the tab's storage: first for the marker to say a change
    /// reached the circuit and waits for its save (<c>data-unsaved="true"</c>, for at least the save delay), then for
    /// the save that includes it. Counting saves alone is not enough: a save already on its way when the typing began
    /// bumps the count without the new text.
    /// </summary>
    public static async Task WaitForWizardSavedAsync(this IPage page)
    {
        await page.Locator("[data-testid='wizard-state'][data-unsaved='true']").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await page.Locator("[data-testid='wizard-state'][data-unsaved='false']").WaitForAsync(new() { State = WaitForSelectorState.Attached });
    }

    public static async Task GotoInteractiveAsync(this IPage page, string path)
    {
        await page.GotoAsync(path);
        await page.WaitForInteractiveAsync();
    }

    public static async Task<string> ScreenshotAsync(this IPage page, string name)
    {
        var path = Path.Combine(BrowserFixture.ScreenshotFolder, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        TestContext.Current.AddAttachment(name, path);
        return path;
    }
}
