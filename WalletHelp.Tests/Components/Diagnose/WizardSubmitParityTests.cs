using System.Net.Http.Json;
using System.Text.Json;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using WalletHelp.Core.Diagnostics;
using WalletHelp.Tests.TestSupport;
using WalletHelp.Web.Services.Diagnoses;

namespace WalletHelp.Tests.Components.Diagnose;

/// <summary>The wizard and POST /api/v1/diagnoses run the same code path: same answers, same findings.</summary>
public class WizardSubmitParityTests(WizardHost host) : WizardTestBase(host), IClassFixture<WizardHost>
{
    [Theory]
    [InlineData("11010519491231002X", "身份信息校验未通过")]
    [InlineData("110105194912310023", "因风控原因，暂无法为您开立钱包")]
    [InlineData("11010519491231002X", "")]
    public async Task Submit_SameAnswers_SameFindingsAsTheApi(string idNumber, string message)
    {
        // Everything but the ID number comes back from browser storage; the ID number is typed into the wizard.
        var answers = new DiagnosisInput
        {
            Symptom = Symptom.ApplicationRejected,
            WalletClass = 2,
            Personal = new PersonalInput { Name = "张三", Phone = "+86 138 0013 8000", PhoneIsOwnRealName = true, RecentlyChangedIdentity = false },
            Bank = new BankInput
            {
                CardNumber = "6228 4804 0256 4890 018", BankName = "中国农业银行", CardType = CardType.Debit, HolderName = "张三",
                ReservedPhone = "13800138000", Branch = "中国农业银行北京朝阳支行", CardStatus = CardStatus.Normal,
            },
            Application = new ApplicationInput { AttemptsLast24h = 1, RejectionMessage = message, NetworkCheck = NetworkCheck.Ok },
        };
        Store.Saved[Symptom.ApplicationRejected] = new(answers, 0, []);
        var cut = RenderWizard("application-rejected");
        cut.WaitForAssertion(() => Assert.Equal("true", cut.Find("[data-testid='wizard-state']").GetAttribute("data-restored")), Wait);
        Type(cut, "personal.idNumber", idNumber);
        // Find and click in one dispatch: the debounced re-render may land in between otherwise.
        await cut.InvokeAsync(() => cut.Find("[data-testid='step-tab-application']").Click());

        await cut.InvokeAsync(() => cut.Find("[data-testid='wizard-submit']").Click());

        var navigation = Services.GetRequiredService<NavigationManager>();
        cut.WaitForAssertion(() => Assert.Contains("/diagnoses/WH-", navigation.Uri, StringComparison.Ordinal), Wait);
        var reference = navigation.Uri[(navigation.Uri.LastIndexOf('/') + 1)..];
        var stored = await Host.Services.GetRequiredService<DiagnosisService>().FindForAsync(reference, new Requester(null, null, IsStaff: true), Xunit.TestContext.Current.CancellationToken);
        Assert.NotNull(stored);
        Assert.Equal("zh-CN", stored.Language);
        // Stored masked, never in full.
        Assert.Equal("110105********" + idNumber[^4..], stored.MaskedInput!.Value.GetProperty("personal").GetProperty("idNumber").GetString());

        var request = new
        {
            symptom = "application-rejected",
            language = "zh-CN",
            walletClass = 2,
            personal = new { name = "张三", idNumber, phone = "+86 138 0013 8000", phoneIsOwnRealName = true, recentlyChangedIdentity = false },
            bank = new
            {
                cardNumber = "6228 4804 0256 4890 018", bankName = "中国农业银行", cardType = "debit", holderName = "张三",
                reservedPhone = "13800138000", branch = "中国农业银行北京朝阳支行", cardStatus = "normal",
            },
            application = new { attemptsLast24h = 1, rejectionMessage = message, networkCheck = "ok" },
        };
        var response = await Host.Factory.CreateClient().PostAsJsonAsync("/api/v1/diagnoses", request, Xunit.TestContext.Current.CancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        var api = await response.Content.ReadFromJsonAsync<JsonElement>(Xunit.TestContext.Current.CancellationToken);

        var apiCodes = api.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("code").GetString()!).ToList();
        Assert.Equal(apiCodes, stored.Findings.Select(f => f.Code).ToList());
        Assert.Equal(api.GetProperty("outcome").GetString(), stored.Outcome.ToCode());
        Assert.NotEmpty(apiCodes);
    }
}
