using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using WalletHelp.Tests.TestSupport;
using WalletHelp.Web.Data;

namespace WalletHelp.Tests.Api;

public sealed partial class DiagnosesApiTests(WalletHelpFactory factory) : IClassFixture<WalletHelpFactory>
{
    // API.md's sample, except gender: its ID's 17th digit (2) is even, so the ID says female.
    private const string ValidRequest = """
        {
          "symptom": "application-rejected",
          "language": "en",
          "walletClass": 2,
          "personal": { "name": "张三", "idNumber": "11010519491231002X", "phone": "138 0013 8000",
                        "birthDate": "1949-12-31", "gender": "female", "idExpiry": "long-term",
                        "phoneIsOwnRealName": true, "recentlyChangedIdentity": false },
          "bank": { "cardNumber": "6228 4804 0256 4890 018", "bankName": "中国农业银行", "cardType": "debit",
                    "holderName": "张三", "reservedPhone": "13800138000", "branch": "中国农业银行北京朝阳支行",
                    "cardStatus": "normal", "accountClass": 1 },
          "application": { "attemptsLast24h": 1, "lastAttemptAt": "2026-11-25T08:00:00Z",
                           "rejectionMessage": "身份信息校验未通过", "networkCheck": "ok",
                           "identityStatus": "verified", "accountFrozen": false }
        }
        """;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<HttpResponseMessage> PostAsync(string json, HttpClient? client = null) =>
        (client ?? factory.CreateClient()).PostAsync("/api/v1/diagnoses", ApiClient.Json(json), Ct);

    [GeneratedRegex("^WH-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$")]
    private static partial Regex ReferencePattern();

    [Fact]
    public async Task Post_CompleteValidInput_Is201WithReferenceAndLocation()
    {
        var response = await PostAsync(ValidRequest);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.ReadJsonAsync();
        var reference = body.GetProperty("reference").GetString()!;
        Assert.Matches(ReferencePattern(), reference);
        Assert.Equal($"/api/v1/diagnoses/{reference}", response.Headers.Location?.OriginalString);
        Assert.Equal("application-rejected", body.GetProperty("symptom").GetString());
        Assert.Equal("ready", body.GetProperty("outcome").GetString());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("retryAfter").ValueKind);
        Assert.Contains(body.GetProperty("findings").EnumerateArray(), f => f.GetProperty("code").GetString() == "AP-READY");
        Assert.DoesNotContain(body.GetProperty("findings").EnumerateArray(), f => f.GetProperty("severity").GetString() == "blocking");
    }

    [Fact]
    public async Task Post_MistypedIdNumber_IsAFindingNotA400()
    {
        var response = await PostAsync(ValidRequest.Replace("11010519491231002X", "110105194912310023"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.ReadJsonAsync();
        Assert.Equal("fix-and-retry", body.GetProperty("outcome").GetString());
        var finding = body.GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("code").GetString() == "PI-ID-CHECKSUM");
        Assert.Equal("blocking", finding.GetProperty("severity").GetString());
        Assert.Equal("personal.idNumber", finding.GetProperty("field").GetString());
        Assert.True(finding.GetProperty("selfService").GetBoolean());
        Assert.Contains("X", finding.GetProperty("explanation").GetString());
        Assert.NotEmpty(finding.GetProperty("remedies").EnumerateArray());
        Assert.DoesNotContain("110105194912310023", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Post_RiskMessage_ContactsSupport()
    {
        var response = await PostAsync(ValidRequest.Replace("身份信息校验未通过", "因风控原因暂无法开通"));
        var body = await response.ReadJsonAsync();
        Assert.Equal("contact-support", body.GetProperty("outcome").GetString());
        Assert.Contains(body.GetProperty("findings").EnumerateArray(), f => f.GetProperty("code").GetString() == "AP-RISK-HOLD");
    }

    [Fact]
    public async Task PostAndGet_RiskMessageWithMissingCard_ListTheRiskHoldFirst()
    {
        // RULES.md "Order of findings": the finding that decides contact-support comes before the card number to fill in.
        var json = ValidRequest.Replace("身份信息校验未通过", "因风控原因暂无法开通").Replace("\"cardNumber\": \"6228 4804 0256 4890 018\", ", "");
        var posted = await (await PostAsync(json)).ReadJsonAsync();
        var codes = posted.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("code").GetString()).ToList();
        Assert.Equal("AP-RISK-HOLD", codes[0]);
        Assert.Contains("BK-CARD-MISSING", codes);

        var client = await factory.CreateBearerClientAsync(WalletHelpFactory.AgentEmail, WalletHelpFactory.AgentPassword);
        var stored = await (await client.GetAsync($"/api/v1/diagnoses/{posted.GetProperty("reference").GetString()}", Ct)).ReadJsonAsync();
        Assert.Equal(codes, stored.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("code").GetString()));
    }

    [Fact]
    public async Task Post_ChineseLanguage_GivesChineseTexts()
    {
        var response = await PostAsync(ValidRequest.Replace("\"language\": \"en\"", "\"language\": \"zh-CN\""));
        var body = await response.ReadJsonAsync();
        var title = body.GetProperty("findings")[0].GetProperty("title").GetString()!;
        Assert.Contains(title, c => c is >= '\u4e00' and <= '\u9fff');
    }

    [Theory]
    [InlineData("{ not json", "$")]
    [InlineData("""{ "symptom": "application-rejected", "walletClass": "two" }""", "walletClass")]
    [InlineData("""{ "symptom": "application-rejected", "personal": { "gender": "x" } }""", "personal.gender")]
    [InlineData("""{ "symptom": "no-such-symptom" }""", "symptom")]
    [InlineData("""{ "language": "en" }""", "symptom")]
    [InlineData("""{ "symptom": "application-rejected", "personal": { "idExpiry": "someday" } }""", "personal.idExpiry")]
    [InlineData("""{ "symptom": "application-rejected", "bank": { "cardStatus": "stolen" } }""", "bank.cardStatus")]
    [InlineData("""{ "symptom": "application-rejected", "personal": { "birthDate": "31/12/1949" } }""", "personal.birthDate")]
    [InlineData("""{ "symptom": "application-rejected", "surprise": 1 }""", "surprise")]
    [InlineData("""{ "symptom": "application-rejected", "personal": { "idNumber": 110105 } }""", "personal.idNumber")]
    public async Task Post_MalformedRequest_Is400NamingTheField(string json, string field)
    {
        var response = await PostAsync(json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.ReadJsonAsync()).GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out _), $"errors should name {field}: {errors}");
    }

    [Fact]
    public async Task Post_TooLongStrings_Are400ForEachField()
    {
        var json = $$"""
            { "symptom": "application-rejected",
              "personal": { "name": "{{new string('张', 201)}}" },
              "application": { "rejectionMessage": "{{new string('a', 1001)}}" } }
            """;
        var response = await PostAsync(json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ReadJsonAsync()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("personal.name", out _));
        Assert.True(errors.TryGetProperty("application.rejectionMessage", out _));
    }

    [Fact]
    public async Task Post_RejectionMessageAtLimit_IsAccepted()
    {
        var json = $$"""{ "symptom": "application-rejected", "application": { "rejectionMessage": "{{new string('a', 1000)}}" } }""";
        Assert.Equal(HttpStatusCode.Created, (await PostAsync(json)).StatusCode);
    }

    [Fact]
    public async Task Post_BodyOver16KiB_Is413()
    {
        var json = "{ \"symptom\": \"application-rejected\", \"pad\": \"" + new string('a', 17 * 1024) + "\" }";
        var response = await PostAsync(json);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Get_Anonymous_Is401()
    {
        var response = await factory.CreateClient().GetAsync("/api/v1/diagnoses/WH-0000-0000", Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Get_SignedInUserWithoutRole_Is403()
    {
        using (var scope = factory.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            if (await users.FindByEmailAsync("plain@test.local") is null)
            {
                await users.CreateAsync(new ApplicationUser { UserName = "plain@test.local", Email = "plain@test.local", EmailConfirmed = true }, "Plain-Pass-123!");
            }
        }
        var client = await factory.CreateBearerClientAsync("plain@test.local", "Plain-Pass-123!");
        var response = await client.GetAsync("/api/v1/diagnoses/WH-0000-0000", Ct);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Get_AgentUnknownReference_Is404()
    {
        var client = await factory.CreateBearerClientAsync(WalletHelpFactory.AgentEmail, WalletHelpFactory.AgentPassword);
        var response = await client.GetAsync("/api/v1/diagnoses/WH-ZZZZ-ZZZZ", Ct);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Get_AgentWithCookie_SeesMaskedDiagnosis()
    {
        var created = await (await PostAsync(ValidRequest)).ReadJsonAsync();
        var reference = created.GetProperty("reference").GetString()!;
        var client = factory.CreateBrowserLikeClient();
        Assert.True((await client.SignInAsync(WalletHelpFactory.AgentEmail, WalletHelpFactory.AgentPassword)).IsRedirect());

        var response = await client.GetAsync($"/api/v1/diagnoses/{reference.ToLowerInvariant()}", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadJsonAsync();
        Assert.Equal(reference, body.GetProperty("reference").GetString());
        var input = body.GetProperty("input");
        Assert.Equal("110105********002X", input.GetProperty("personal").GetProperty("idNumber").GetString());
        Assert.Equal("6228 **** **** ***0 018", input.GetProperty("bank").GetProperty("cardNumber").GetString());
        Assert.Equal("open", body.GetProperty("status").GetString());
        Assert.Equal(created.GetProperty("findings").GetArrayLength(), body.GetProperty("findings").GetArrayLength());
    }

    [Fact]
    public async Task Diagnosis_CanaryNumbers_NeverReachDatabaseLogsOrAnswers()
    {
        const string canaryId = "440308199001011239";
        const string canaryCard = "6222021001123456789";
        var json = ValidRequest
            .Replace("11010519491231002X", canaryId)
            .Replace("6228 4804 0256 4890 018", canaryCard)
            .Replace("身份信息校验未通过", $"卡号 {canaryCard} 身份证 {canaryId} 校验失败");
        var response = await PostAsync(json);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var answer = await response.Content.ReadAsStringAsync(Ct);
        var reference = (await response.ReadJsonAsync()).GetProperty("reference").GetString()!;

        var agent = await factory.CreateBearerClientAsync(WalletHelpFactory.AgentEmail, WalletHelpFactory.AgentPassword);
        var stored = await agent.GetStringAsync($"/api/v1/diagnoses/{reference}", Ct);

        var database = Encoding.UTF8.GetString(factory.ReadDatabaseBytes());
        var logs = string.Join('\n', factory.Logs);
        foreach (var canary in new[] { canaryId, canaryCard, "4403081990010", "62220210011234" })
        {
            Assert.DoesNotContain(canary, answer);
            Assert.DoesNotContain(canary, stored);
            Assert.DoesNotContain(canary, database);
            Assert.DoesNotContain(canary, logs);
        }
        Assert.Contains(reference, database);
    }

    [Fact]
    public async Task OpenApi_Document_DescribesTheDiagnosesApi()
    {
        var response = await factory.CreateClient().GetAsync("/openapi/v1.json", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("/api/v1/diagnoses", text);
        Assert.Contains("/api/v1/auth/login", text);
    }
}
