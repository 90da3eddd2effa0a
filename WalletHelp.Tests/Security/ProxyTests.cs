using System.Net;
using WalletHelp.Tests.TestSupport;

namespace WalletHelp.Tests.Security;

/// <summary>
/// Behind a TLS-terminating proxy (README: ASPNETCORE_FORWARDEDHEADERS_ENABLED=true) the app sees plain HTTP; HSTS and
/// Secure cookies must follow the proxy's X-Forwarded-Proto, and limits the forwarded client address.
/// </summary>
public sealed class ProxyTests : IDisposable
{
    private readonly WalletHelpFactory factory = new WalletHelpFactory()
        .InEnvironment("Production")
        .With("ForwardedHeaders_Enabled", "true")
        .With("WalletHelp:RateLimits:SignInPerMinute", "2");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HttpClient Client()
    {
        var client = factory.CreateBrowserLikeClient();
        // HSTS is never sent to localhost, so the test speaks to a real-looking host name.
        client.BaseAddress = new Uri("http://help.wallet.example/");
        return client;
    }

    private static HttpRequestMessage Get(string path, string? proto, string? client = "203.0.113.5")
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (proto is not null)
        {
            request.Headers.Add("X-Forwarded-Proto", proto);
        }
        if (client is not null)
        {
            request.Headers.Add("X-Forwarded-For", client);
        }
        return request;
    }

    [Fact]
    public async Task ForwardedHttps_GetsHsts_AndEveryCookieIsSecure()
    {
        var response = await Client().SendAsync(Get("/Account/Login", "https"), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("max-age=", response.Headers.GetValues("Strict-Transport-Security").Single(), StringComparison.Ordinal);
        var cookies = response.Headers.GetValues("Set-Cookie").ToList();
        Assert.NotEmpty(cookies);
        Assert.All(cookies, c => Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase));

        var language = await Client().SendAsync(Get("/culture?c=en&redirectUri=/faq", "https"), Ct);
        var set = language.Headers.GetValues("Set-Cookie").ToList();
        Assert.Contains(set, c => c.StartsWith(".AspNetCore.Culture=", StringComparison.Ordinal));
        Assert.All(set, c => Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task PlainHttp_GetsNoHsts()
    {
        var response = await Client().SendAsync(Get("/Account/Login", proto: null), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task SignedInOverForwardedHttps_TheAuthCookieIsSecureAndHttpOnly()
    {
        // Secure cookies are not sent back over the test's plain-HTTP hop by a cookie container, so carry them by hand.
        var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            HandleCookies = false,
            BaseAddress = new Uri("http://help.wallet.example/"),
        });
        var login = await client.SendAsync(Get("/Account/Login", "https"), Ct);
        var page = await login.Content.ReadAsStringAsync(Ct);
        var cookie = string.Join("; ", login.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\"[^>]*?value=\"([^\"]+)\"").Groups[1].Value;
        var post = new HttpRequestMessage(HttpMethod.Post, "/Account/Login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token,
                ["_handler"] = "login",
                ["Input.Email"] = WalletHelpFactory.AgentEmail,
                ["Input.Password"] = WalletHelpFactory.AgentPassword,
            }),
        };
        post.Headers.Add("X-Forwarded-Proto", "https");
        post.Headers.Add("X-Forwarded-For", "203.0.113.5");
        post.Headers.Add("Cookie", cookie);
        var signedIn = await client.SendAsync(post, Ct);

        Assert.True(signedIn.IsRedirect(), $"sign-in answered {(int)signedIn.StatusCode}");
        var auth = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Identity.Application=", StringComparison.Ordinal));
        Assert.Contains("secure", auth, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", auth, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task RateLimits_CountTheForwardedClientAddress()
    {
        var client = Client();
        async Task<HttpStatusCode> Login(string address)
        {
            var post = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/login")
            {
                Content = ApiClient.Json("""{ "email": "nobody@test.local", "password": "wrong" }"""),
            };
            post.Headers.Add("X-Forwarded-Proto", "https");
            post.Headers.Add("X-Forwarded-For", address);
            return (await client.SendAsync(post, Ct)).StatusCode;
        }

        Assert.Equal(HttpStatusCode.Unauthorized, await Login("198.51.100.1"));
        Assert.Equal(HttpStatusCode.Unauthorized, await Login("198.51.100.1"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await Login("198.51.100.1"));
        // Another client behind the same proxy has its own budget.
        Assert.Equal(HttpStatusCode.Unauthorized, await Login("198.51.100.2"));
    }

    public void Dispose() => factory.Dispose();
}
