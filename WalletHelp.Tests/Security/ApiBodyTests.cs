using System.Net;
using System.Text;
using WalletHelp.Tests.TestSupport;

namespace WalletHelp.Tests.Security;

/// <summary>Defect 13: the API reads JSON only, once per key, and its errors name fields, never submitted values.</summary>
public sealed class ApiBodyTests(WalletHelpFactory factory) : IClassFixture<WalletHelpFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Post_WithoutContentType_Is415()
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes("""{ "symptom": "cannot-log-in" }"""));
        Assert.Null(content.Headers.ContentType);

        var response = await factory.CreateClient().PostAsync("/api/v1/diagnoses", content, Ct);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Post_AsFormOrText_Is415()
    {
        var text = new StringContent("""{ "symptom": "cannot-log-in" }""", Encoding.UTF8, "text/plain");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await factory.CreateClient().PostAsync("/api/v1/diagnoses", text, Ct)).StatusCode);
    }

    [Theory]
    [InlineData("""{ "symptom": "cannot-log-in", "symptom": "application-rejected" }""", "symptom")]
    [InlineData("""{ "symptom": "cannot-log-in", "personal": { "name": "张三", "name": "李四" } }""", "personal.name")]
    public async Task Post_DuplicateKeys_Is400NamingTheField(string json, string field)
    {
        var response = await factory.CreateClient().PostAsync("/api/v1/diagnoses", ApiClient.Json(json), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ReadJsonAsync()).GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out var messages), errors.ToString());
        Assert.Contains("more than once", messages[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StatusApi_DuplicateKeys_Is400()
    {
        var admin = await factory.CreateBearerClientAsync(WalletHelpFactory.AdminEmail, WalletHelpFactory.AdminPassword);
        var response = await admin.PostAsync("/api/v1/status/incidents",
            ApiClient.Json("""{ "title": "a", "title": "b" }"""), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("""{ "symptom": "cannot-log-in", "440308199001011239": 1 }""", "$")]
    [InlineData("""{ "symptom": "cannot-log-in", "personal": { "6222021001123456789": "x" } }""", "personal")]
    [InlineData("""{ "symptom": "cannot-log-in", "personal": { "id 440308199001011239": "x" } }""", "personal")]
    [InlineData("""{ "symptom": "cannot-log-in", "personal": { "idNumber": 440308199001011239 } }""", "personal.idNumber")]
    [InlineData("""{ "symptom": "cannot-log-in", "walletClass": "440308199001011239" }""", "walletClass")]
    [InlineData("""{ "symptom": "440308199001011239" }""", "symptom")]
    [InlineData("""{ "symptom": "cannot-log-in", "personal": { "gender": "440308199001011239" } }""", "personal.gender")]
    public async Task Errors_NameTheFieldButNeverEchoTheValue(string json, string field)
    {
        var response = await factory.CreateClient().PostAsync("/api/v1/diagnoses", ApiClient.Json(json), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.DoesNotContain("440308199001011239", text);
        Assert.DoesNotContain("6222021001123456789", text);
        Assert.DoesNotContain("19900101", text);
        Assert.True((await response.ReadJsonAsync()).GetProperty("errors").TryGetProperty(field, out _), text);
    }

    [Fact]
    public async Task FaqArticle_NotFound_DoesNotEchoTheSlug()
    {
        var response = await factory.CreateClient().GetAsync("/api/v1/faq/id-440308199001011239", Ct);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("440308199001011239", await response.Content.ReadAsStringAsync(Ct));
    }
}
