using System.Net;
using System.Text.Json;
using WalletHelp.Tests.TestSupport;

namespace WalletHelp.Tests.Api;

/// <summary>/openapi/v1.json describes the public API, every group of it, and nothing of Identity's internal endpoints.</summary>
public sealed class OpenApiTests(WalletHelpFactory factory) : IClassFixture<WalletHelpFactory>
{
    private async Task<JsonElement> PathsAsync()
    {
        var response = await factory.CreateClient().GetAsync("/openapi/v1.json", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.ReadJsonAsync()).GetProperty("paths");
    }

    [Fact]
    public async Task EveryApiGroup_IsDescribed_WithItsAnswers()
    {
        var paths = await PathsAsync();
        foreach (var path in new[]
        {
            "/api/v1/diagnoses", "/api/v1/diagnoses/{reference}", "/api/v1/faq", "/api/v1/faq/{slug}", "/api/v1/status",
            "/api/v1/status/maintenance", "/api/v1/reference/bins/{digits}", "/api/v1/rules/parameters", "/api/v1/audit",
            "/api/v1/auth/login", "/api/v1/auth/refresh",
        })
        {
            Assert.True(paths.TryGetProperty(path, out _) || paths.TryGetProperty(path + "/", out _), $"{path} is not in the OpenAPI document");
        }
        // Handlers describe their answers: the FAQ article's 404, the search's 429 and the status POST's 201/400.
        var article = paths.GetProperty("/api/v1/faq/{slug}").GetProperty("get").GetProperty("responses");
        Assert.True(article.TryGetProperty("200", out _));
        Assert.True(article.TryGetProperty("404", out _));
        Assert.True(paths.GetProperty("/api/v1/faq").GetProperty("get").GetProperty("responses").TryGetProperty("429", out _));
        var maintenance = paths.GetProperty("/api/v1/status/maintenance").GetProperty("post").GetProperty("responses");
        Assert.True(maintenance.TryGetProperty("201", out _));
        Assert.True(maintenance.TryGetProperty("400", out _));
    }

    [Fact]
    public async Task IdentitysOwnEndpoints_AreNotPartOfThePublicDescription()
    {
        var paths = await PathsAsync();
        var names = paths.EnumerateObject().Select(p => p.Name).ToList();
        Assert.DoesNotContain(names, n => n.StartsWith("/api/v1/auth/manage", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(names, n => n.Contains("confirmEmail", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(names, n => n.StartsWith("/Account", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(names, n => n.StartsWith("/culture", StringComparison.OrdinalIgnoreCase));
    }
}
