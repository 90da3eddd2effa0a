using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using WalletHelp.Tests.TestSupport;

namespace WalletHelp.Tests.Admin;

/// <summary>BIN lookup and import through the HTTP API, over a real SQLite file.</summary>
public sealed class BinReferenceApiTests : IDisposable
{
    private readonly WalletHelpFactory factory = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static StringContent Csv(string text) => new(text, Encoding.UTF8, "text/csv");

    private Task<HttpClient> AdminAsync() => factory.CreateBearerClientAsync(WalletHelpFactory.AdminEmail, WalletHelpFactory.AdminPassword);

    [Theory]
    [InlineData("622848", "622848", "ABC", "debit", 19)]
    [InlineData("6228480402", "622848", "ABC", "debit", 19)]
    [InlineData("621279", "621279", "NBBANK", "debit", 16)]
    [InlineData("622575", "622575", "CMB", "credit", 16)]
    public async Task Lookup_KnownDigits_ReturnsLongestPrefixEntry(string digits, string prefix, string bank, string type, int length)
    {
        var response = await factory.CreateClient().GetAsync($"/api/v1/reference/bins/{digits}", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadJsonAsync();
        Assert.Equal(prefix, body.GetProperty("prefix").GetString());
        Assert.Equal(bank, body.GetProperty("bankCode").GetString());
        Assert.Equal(type, body.GetProperty("cardType").GetString());
        Assert.Equal(length, body.GetProperty("length").GetInt32());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("bankName").GetString()));
        Assert.False(string.IsNullOrEmpty(body.GetProperty("bankNameEn").GetString()));
    }

    [Theory]
    [InlineData("6228480402564890018")] // a whole card number
    [InlineData("62284804025")] // 11 digits
    [InlineData("62284")] // too short
    [InlineData("6228a8")] // not digits
    public async Task Lookup_BadDigits_Is400ProblemWithoutEchoingTheNumber(string digits)
    {
        var response = await factory.CreateClient().GetAsync($"/api/v1/reference/bins/{digits}", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("digits", text, StringComparison.Ordinal);
        Assert.DoesNotContain(digits, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lookup_UnknownDigits_Is404()
    {
        var response = await factory.CreateClient().GetAsync("/api/v1/reference/bins/7000000", Ct);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Import_DryRun_ReportsEachKindOfLineAndWritesNothing()
    {
        var admin = await AdminAsync();
        const string csv = """
            bin,bank,type,length,bankName,bankNameEn
            70000011,QQRCB,DC,19,青青农商银行,Qingqing Rural Bank
            622848,ABC,DC,19
            622575,CMB,DC,16
            70000011,QQRCB,DC,19
            622848,ABC
            62A848,ABC,DC,19
            70000012,QQRCB,DC,25
            70000013,QQRCB,XX,19
            """;

        var response = await admin.PostAsync("/api/v1/reference/bins?dryRun=true", Csv(csv), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await response.ReadJsonAsync();
        Assert.True(report.GetProperty("dryRun").GetBoolean());
        Assert.Equal(1, report.GetProperty("added").GetInt32()); // 70000011
        Assert.Equal(1, report.GetProperty("changed").GetInt32()); // 622575 credit → debit
        Assert.Equal(1, report.GetProperty("unchanged").GetInt32()); // 622848 as shipped
        var rejected = report.GetProperty("rejected").EnumerateArray()
            .ToDictionary(r => r.GetProperty("line").GetInt32(), r => r.GetProperty("reason").GetString()!);
        Assert.Equal([5, 6, 7, 8, 9], rejected.Keys.Order());
        Assert.Contains("already defined on line 2", rejected[5], StringComparison.Ordinal); // duplicate
        Assert.Contains("expected 4 to 6 fields", rejected[6], StringComparison.Ordinal); // malformed
        Assert.Contains("digits", rejected[7], StringComparison.Ordinal); // bad prefix
        Assert.Contains("card length", rejected[8], StringComparison.Ordinal); // wrong length
        Assert.Contains("is not DC, CC, SCC or PC", rejected[9], StringComparison.Ordinal); // unknown type
        Assert.Equal(JsonValueKind.Null, report.GetProperty("importId").ValueKind);

        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateClient().GetAsync("/api/v1/reference/bins/70000011", Ct)).StatusCode);
    }

    [Fact]
    public async Task Import_ThenRollback_TakesEffectForTheNextDiagnosisAndIsUndone()
    {
        var admin = await AdminAsync();
        var card = WalletHelp.Tests.Core.Builders.Card("700000110402564891");
        var request = $$"""{ "symptom": "application-rejected", "language": "en", "walletClass": 2, "bank": { "cardNumber": "{{card}}" } }""";

        async Task<string[]> CodesAsync()
        {
            var diagnosis = await (await factory.CreateClient().PostAsync("/api/v1/diagnoses", ApiClient.Json(request), Ct)).ReadJsonAsync();
            return [.. diagnosis.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("code").GetString()!)];
        }

        Assert.Contains("BK-BIN-UNKNOWN", await CodesAsync());

        var import = await (await admin.PostAsync("/api/v1/reference/bins?dryRun=false",
            Csv("bin,bank,type,length,bankName,bankNameEn\n7000001,QQRCB,CC,19,青青农商银行,Qingqing Rural Bank\n"), Ct)).ReadJsonAsync();
        Assert.False(import.GetProperty("dryRun").GetBoolean());
        Assert.Equal(1, import.GetProperty("added").GetInt32());
        var importId = import.GetProperty("importId").GetInt64();

        var lookup = await (await factory.CreateClient().GetAsync("/api/v1/reference/bins/70000011", Ct)).ReadJsonAsync();
        Assert.Equal("Qingqing Rural Bank", lookup.GetProperty("bankNameEn").GetString());
        var after = await CodesAsync();
        Assert.DoesNotContain("BK-BIN-UNKNOWN", after);
        Assert.Contains("BK-CARD-CREDIT", after);

        using (var scope = factory.Services.CreateScope())
        {
            var bins = scope.ServiceProvider.GetRequiredService<WalletHelp.Web.Services.Reference.BinReferenceService>();
            Assert.True(await bins.RollbackAsync(importId, WalletHelp.Web.Services.Audit.AuditActor.Named("test"), Ct));
            Assert.False(await bins.RollbackAsync(importId, WalletHelp.Web.Services.Audit.AuditActor.Named("test"), Ct)); // already rolled back
            var history = Assert.Single(await bins.ListImportsAsync(Ct));
            Assert.NotNull(history.RolledBackAt); // kept, marked
            var audit = await scope.ServiceProvider.GetRequiredService<WalletHelp.Web.Services.Audit.IAuditLog>()
                .QueryAsync(new WalletHelp.Web.Services.Audit.AuditQuery(Action: "bins"), Ct);
            Assert.Equal(["bins.rolled-back", "bins.imported"], audit.Items.Select(e => e.Action));
            Assert.Equal(WalletHelpFactory.AdminEmail, audit.Items[1].Actor);
            Assert.Equal($"bin-import:{importId}", audit.Items[1].Target);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateClient().GetAsync("/api/v1/reference/bins/70000011", Ct)).StatusCode);
        Assert.Contains("BK-BIN-UNKNOWN", await CodesAsync());
    }

    [Fact]
    public async Task Import_SurvivesARestart()
    {
        var admin = await AdminAsync();
        await admin.PostAsync("/api/v1/reference/bins?dryRun=false", Csv("7000002,QQRCB,DC,19,青青农商银行,Qingqing Rural Bank\n"), Ct);
        // A second app over the same database file loads the import at start.
        using var second = new WalletHelpFactory().With("ConnectionStrings:WalletHelp", $"Data Source={factory.DatabasePath}");
        var lookup = await second.CreateClient().GetAsync("/api/v1/reference/bins/70000021", Ct);
        Assert.Equal(HttpStatusCode.OK, lookup.StatusCode);
    }

    [Fact]
    public async Task Import_ByAgentOrAnonymous_Is403Or401_AndWrongContentTypeIs415()
    {
        var agent = await factory.CreateBearerClientAsync(WalletHelpFactory.AgentEmail, WalletHelpFactory.AgentPassword);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.PostAsync("/api/v1/reference/bins", Csv("622848,ABC,DC,19"), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().PostAsync("/api/v1/reference/bins", Csv("622848,ABC,DC,19"), Ct)).StatusCode);
        var admin = await AdminAsync();
        var wrongType = await admin.PostAsync("/api/v1/reference/bins", ApiClient.Json("{}"), Ct);
        Assert.True(wrongType.StatusCode == HttpStatusCode.UnsupportedMediaType, await wrongType.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Export_IsTheEffectiveTableInTheImportFormat()
    {
        var admin = await AdminAsync();
        var csv = await admin.GetStringAsync("/api/v1/reference/bins.csv", Ct);

        Assert.StartsWith("bin,bank,type,length,bankName,bankNameEn", csv.TrimStart('\uFEFF'), StringComparison.Ordinal);
        Assert.Contains("622848,ABC,DC,19,中国农业银行,Agricultural Bank of China", csv, StringComparison.Ordinal);
        var dryRun = await (await admin.PostAsync("/api/v1/reference/bins?dryRun=true", Csv(csv.TrimStart('\uFEFF')), Ct)).ReadJsonAsync();
        Assert.Equal(0, dryRun.GetProperty("added").GetInt32());
        Assert.Equal(0, dryRun.GetProperty("changed").GetInt32());
        Assert.Empty(dryRun.GetProperty("rejected").EnumerateArray());
    }

    public void Dispose() => factory.Dispose();
}
