using System.Text.RegularExpressions;
using WalletHelp.Tests.TestSupport;

namespace WalletHelp.Tests.Web;

/// <summary>
/// Issue 13 item 3: the wizard's page is static HTML around one interactive island — the wizard — so a person's
/// circuit holds the wizard and not the layout (app bar, navigation, banner, MudBlazor providers).
/// </summary>
public sealed partial class WizardIslandTests : IDisposable
{
    private readonly WalletHelpFactory factory = new();

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task WizardPage_IsStatic_WithTheWizardAsItsOnlyInteractiveComponent()
    {
        var html = await factory.CreateBrowserLikeClient().GetStringAsync("/diagnose/application-rejected", Ct);

        // Exactly one interactive root: the wizard (its prerendered markup between the markers).
        var markers = ServerMarker().Matches(html);
        Assert.Single(markers);
        var start = html.IndexOf(markers[0].Value, StringComparison.Ordinal);
        var end = html.IndexOf("<!--Blazor:{\"prerenderId\"", start, StringComparison.Ordinal);
        Assert.True(end > start, "the island's end marker");
        var island = html[start..end];
        Assert.Contains("data-testid=\"wizard-heading\"", island, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"field-personal-idNumber\"", island, StringComparison.Ordinal);
        Assert.Contains("data-wh-island=\"wizard\"", island, StringComparison.Ordinal);
        // The layout is static, outside the island: the page script wires it as on the readers' pages.
        Assert.Contains("data-static-page=\"true\"", html, StringComparison.Ordinal);
        foreach (var chrome in new[] { "data-testid=\"nav\"", "data-testid=\"menu-button\"", "data-testid=\"language-switch\"", "data-testid=\"sign-in\"" })
        {
            Assert.Contains(chrome, html[..start], StringComparison.Ordinal);
            Assert.DoesNotContain(chrome, island, StringComparison.Ordinal);
        }
        // The page's title is set by the static page.
        Assert.Contains("<title>", html, StringComparison.Ordinal);
        Assert.Contains("开通申请未通过", html[..html.IndexOf("</head>", StringComparison.Ordinal)], StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownSymptom_NeedsNoCircuit()
    {
        var html = await factory.CreateBrowserLikeClient().GetStringAsync("/diagnose/no-such-symptom", Ct);

        Assert.DoesNotMatch(ServerMarker(), html);
        Assert.Contains("data-testid=\"back-to-triage\"", html, StringComparison.Ordinal);
    }

    [GeneratedRegex("<!--Blazor:\\{\"type\":\"server\"[^>]*-->")]
    private static partial Regex ServerMarker();

    public void Dispose() => factory.Dispose();
}
