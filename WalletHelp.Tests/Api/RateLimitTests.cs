using System.Net;
using WalletHelp.Tests.TestSupport;

namespace WalletHelp.Tests.Api;

public sealed class RateLimitTests : IDisposable
{
    private readonly WalletHelpFactory factory = new WalletHelpFactory().With("WalletHelp:RateLimits:DiagnosesPerMinute", "2");

    [Fact]
    public async Task Post_OverThePerMinuteLimit_Is429WithRetryAfter()
    {
        var client = factory.CreateClient();
        var ct = TestContext.Current.CancellationToken;
        const string body = """{ "symptom": "try-again-later" }""";

        Assert.Equal(HttpStatusCode.Created, (await client.PostAsync("/api/v1/diagnoses", ApiClient.Json(body), ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsync("/api/v1/diagnoses", ApiClient.Json(body), ct)).StatusCode);
        var limited = await client.PostAsync("/api/v1/diagnoses", ApiClient.Json(body), ct);

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(limited.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After should give the seconds to wait");
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
    }

    public void Dispose() => factory.Dispose();
}

public sealed class SignInRateLimitTests : IDisposable
{
    private readonly WalletHelpFactory factory = new WalletHelpFactory().With("WalletHelp:RateLimits:SignInPerMinute", "2");

    [Fact]
    public async Task Login_OverThePerMinuteLimit_Is429WithRetryAfter()
    {
        var client = factory.CreateClient();
        var ct = TestContext.Current.CancellationToken;
        var body = """{ "email": "nobody@test.local", "password": "wrong" }""";

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsync("/api/v1/auth/login", ApiClient.Json(body), ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsync("/api/v1/auth/login", ApiClient.Json(body), ct)).StatusCode);
        var limited = await client.PostAsync("/api/v1/auth/login", ApiClient.Json(body), ct);

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.NotNull(limited.Headers.RetryAfter);
        // The diagnosis budget is separate.
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsync("/api/v1/diagnoses", ApiClient.Json("""{ "symptom": "cannot-log-in" }"""), ct)).StatusCode);
    }

    public void Dispose() => factory.Dispose();
}
