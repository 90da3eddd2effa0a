using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using WalletHelp.Core.Diagnostics;
using WalletHelp.Tests.TestSupport;
using WalletHelp.Web.Services.Diagnoses;

namespace WalletHelp.Tests.Api;

/// <summary>One reference per diagnosis: re-runs by whoever ran it become attempts under the same code.</summary>
public sealed class DiagnosisAttemptsTests(WalletHelpFactory factory) : IClassFixture<WalletHelpFactory>
{
    private const string MistypedId = "110105194912310023";
    private const string GoodId = "11010519491231002X";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private DiagnosisService Service => factory.Services.GetRequiredService<DiagnosisService>();

    private static DiagnosisInput Input(string id, Symptom symptom = Symptom.ApplicationRejected) => new()
    {
        Symptom = symptom,
        Personal = new PersonalInput { Name = "张三", IdNumber = id, Phone = "13800138000" },
    };

    [Fact]
    public async Task RunAgain_SameBrowser_SameReference_AttemptsLatestFirst_AndTheApiReturnsThem()
    {
        var browser = new Requester(null, "browser-attempts", IsStaff: false);
        var first = await Service.RunAsync(Input(MistypedId), "zh-CN", browser, Ct);
        Assert.Contains(first.Findings, f => f.Code == "PI-ID-CHECKSUM");

        var second = await Service.RunAgainAsync(first.Reference, Input(GoodId), "zh-CN", browser, Ct);

        Assert.Equal(first.Reference, second.Reference);
        Assert.Equal([2, 1], second.Attempts.Select(a => a.Number));
        Assert.DoesNotContain(second.Findings, f => f.Code == "PI-ID-CHECKSUM");
        Assert.Contains(second.Attempts[1].Findings, f => f.Code == "PI-ID-CHECKSUM");
        Assert.DoesNotContain(second.Attempts[0].Findings, f => f.Code == "PI-ID-CHECKSUM");

        using var agent = await factory.CreateBearerClientAsync(WalletHelpFactory.AgentEmail, WalletHelpFactory.AgentPassword);
        var stored = await (await agent.GetAsync($"/api/v1/diagnoses/{first.Reference}", Ct)).ReadJsonAsync();
        var attempts = stored.GetProperty("attempts").EnumerateArray().ToList();
        Assert.Equal([2, 1], attempts.Select(a => a.GetProperty("number").GetInt32()));
        Assert.Contains(attempts[1].GetProperty("findings").EnumerateArray(), f => f.GetProperty("code").GetString() == "PI-ID-CHECKSUM");
        Assert.Equal(JsonValueKind.String, attempts[0].GetProperty("outcome").ValueKind);
        Assert.True(attempts[0].GetProperty("createdAt").GetDateTimeOffset() >= attempts[1].GetProperty("createdAt").GetDateTimeOffset());
        Assert.Equal("110105********002X", stored.GetProperty("input").GetProperty("personal").GetProperty("idNumber").GetString());
        Assert.DoesNotContain(MistypedId, stored.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAgain_AnotherBrowserOrAnotherSymptom_GetsANewReference()
    {
        var owner = new Requester(null, "browser-owner", IsStaff: false);
        var first = await Service.RunAsync(Input(MistypedId), "zh-CN", owner, Ct);

        var stranger = await Service.RunAgainAsync(first.Reference, Input(GoodId), "zh-CN", new Requester(null, "browser-other", IsStaff: false), Ct);
        var otherSymptom = await Service.RunAgainAsync(first.Reference, Input(GoodId, Symptom.IdentityVerificationFailed), "zh-CN", owner, Ct);

        Assert.NotEqual(first.Reference, stranger.Reference);
        Assert.NotEqual(first.Reference, otherSymptom.Reference);
        var unchanged = await Service.FindAsync(first.Reference, Ct);
        Assert.Equal([1], unchanged!.Attempts.Select(a => a.Number));
        Assert.Contains(unchanged.Findings, f => f.Code == "PI-ID-CHECKSUM");
    }
}
