using System.Security.Cryptography;

namespace WalletHelp.Web.Infrastructure.Security;

/// <summary>
/// Headers on every response: no MIME sniffing, referrers kept on this site (a result URL carries a reference
/// code), powerful browser features off, no framing. HTML pages also get a Content-Security-Policy:
/// <list type="bullet">
/// <item>scripts from this site only (blazor.web.js, MudBlazor.min.js, modules) plus the one inline script Blazor
/// writes, the import map, which carries this response's nonce (<c>&lt;ImportMap nonce=…&gt;</c> in App.razor);</item>
/// <item><c>style-src 'self' 'unsafe-inline'</c>: MudBlazor writes its theme as an inline &lt;style&gt; element and
/// positions popovers, progress bars and ripples with inline <c>style</c> attributes — without 'unsafe-inline'
/// for styles the components render unstyled (scripts stay strict, which is what matters for XSS);</item>
/// <item><c>connect-src 'self'</c>: the circuit's WebSocket (ws/wss to this host; CSP 3 'self' covers them);</item>
/// <item><c>img-src 'self' data:</c> (MudBlazor's data-URI images), <c>object-src 'none'</c>, <c>base-uri 'self'</c>,
/// <c>form-action 'self'</c>, <c>frame-ancestors 'none'</c>.</item>
/// </list>
/// Cached reader pages reuse one nonce until evicted or expired (at most a minute; ReaderCachePolicy): the header is
/// stored and served with the HTML it belongs to.
/// HSTS is added by <c>UseHsts</c> outside Development, over HTTPS only; behind a TLS-terminating proxy the
/// forwarded headers make requests count as HTTPS (README, Security).
/// </summary>
public static class SecurityHeaders
{
    public const string PermissionsPolicy = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";

    private const string NonceKey = "wallethelp.csp-nonce";

    /// <summary>This response's script nonce (created on first use).</summary>
    public static string Nonce(HttpContext http)
    {
        if (http.Items[NonceKey] is not string nonce)
        {
            // Hex, not base64: the HTML encoder writes '+' in an attribute as "&#x2B;", which the test (and a
            // byte-for-byte comparison) would not match; hex digits are valid nonce characters too.
            nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
            http.Items[NonceKey] = nonce;
            // Set now, not when the response starts: the output cache copies the headers before that, and a cached
            // page must be served with the policy whose nonce its HTML carries (see UseSecurityHeaders).
            if (!http.Response.HasStarted)
            {
                http.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy(nonce);
            }
        }
        return nonce;
    }

    public static string ContentSecurityPolicy(string nonce) =>
        "default-src 'self'; " +
        $"script-src 'self' 'nonce-{nonce}'; " +
        "style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' data:; " +
        "font-src 'self' data:; " +
        "connect-src 'self'; " +
        "object-src 'none'; " +
        "base-uri 'self'; " +
        "form-action 'self'; " +
        "frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((http, next) =>
    {
        http.Response.OnStarting(static state =>
        {
            var context = (HttpContext)state;
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "same-origin";
            headers["Permissions-Policy"] = PermissionsPolicy;
            headers.XFrameOptions = "DENY";
            // A page that wrote its nonce already has its policy (also a page served from the output cache, whose
            // stored headers carry the policy of the nonce in its stored HTML): keep it.
            if (context.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true
                && Microsoft.Extensions.Primitives.StringValues.IsNullOrEmpty(headers.ContentSecurityPolicy))
            {
                headers.ContentSecurityPolicy = ContentSecurityPolicy(Nonce(context));
            }
            return Task.CompletedTask;
        }, http);
        return next(http);
    });
}
