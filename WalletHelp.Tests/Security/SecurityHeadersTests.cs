using WalletHelp.Tests.TestSupport;
using WalletHelp.Web.Services.Faq;

namespace WalletHelp.Tests.Security;

/// <summary>Defect 12 (part): security headers on every kind of response; FAQ links that open a new tab get rel.</summary>
public sealed class SecurityHeadersTests(WalletHelpFactory factory) : IClassFixture<WalletHelpFactory>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/faq")]
    [InlineData("/api/v1/status")]
    [InlineData("/api/v1/diagnoses/WH-0000-0000")]
    [InlineData("/healthz")]
    [InlineData("/favicon.png")]
    [InlineData("/no-such-page")]
    public async Task EveryResponse_HasTheSecurityHeaders(string path)
    {
        var response = await factory.CreateClient().GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("same-origin", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Contains("camera=()", response.Headers.GetValues("Permissions-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
    }

    [Fact]
    public async Task HtmlPages_HaveAStrictScriptPolicy_AndTheImportMapCarriesItsNonce()
    {
        var response = await factory.CreateClient().GetAsync("/", TestContext.Current.CancellationToken);
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        foreach (var part in new[] { "default-src 'self'", "object-src 'none'", "base-uri 'self'", "frame-ancestors 'none'", "connect-src 'self'" })
        {
            Assert.Contains(part, csp, StringComparison.Ordinal);
        }
        var scripts = csp.Split(';').Select(p => p.Trim()).Single(p => p.StartsWith("script-src", StringComparison.Ordinal));
        Assert.DoesNotContain("unsafe-inline", scripts, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", scripts, StringComparison.Ordinal);
        var nonce = System.Text.RegularExpressions.Regex.Match(scripts, "'nonce-([^']+)'").Groups[1].Value;
        Assert.Contains($"<script type=\"importmap\" nonce=\"{nonce}\"", html, StringComparison.Ordinal);
        // Every other script is a file from this site.
        Assert.DoesNotMatch("<script(?![^>]*(src=|type=\"importmap\"))[^>]*>", html);

        var api = await factory.CreateClient().GetAsync("/api/v1/status", TestContext.Current.CancellationToken);
        Assert.False(api.Headers.Contains("Content-Security-Policy"));
    }

    [Theory]
    [InlineData("""<a href="https://example.com/help" target="_blank">help</a>""")]
    [InlineData("""[help](https://example.com/help){target="_blank"}""")]
    public void FaqLinks_OpeningANewTab_AreNoopenerNoreferrer(string markdown)
    {
        var html = FaqMarkdown.ToSafeHtml(markdown);
        Assert.Contains("target=\"_blank\"", html, StringComparison.Ordinal);
        Assert.Contains("rel=\"noopener noreferrer\"", html, StringComparison.Ordinal);
    }
}
