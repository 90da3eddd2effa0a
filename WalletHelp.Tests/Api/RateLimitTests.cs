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
