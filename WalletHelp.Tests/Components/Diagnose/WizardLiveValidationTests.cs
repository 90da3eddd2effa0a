using Bunit;
using Microsoft.Extensions.DependencyInjection;
using WalletHelp.Core.Diagnostics;

namespace WalletHelp.Tests.Components.Diagnose;

public class WizardLiveValidationTests(WizardHost host) : WizardTestBase(host), IClassFixture<WizardHost>
{
    [Fact]
    public void PersonalStep_WrongCheckDigit_ShowsChecksumFindingOnTheIdField()
    {
        var cut = RenderWizard("application-rejected");

        Type(cut, "personal.idNumber", "110105194912310023");

        cut.WaitForAssertion(() =>
        {
            var finding = cut.Find("[data-testid='findings-personal-idNumber'] [data-testid='field-finding-PI-ID-CHECKSUM']");
            Assert.Contains("身份证号校验位不正确", finding.TextContent);
            Assert.Contains("第 18 位应为 X", finding.TextContent);
        }, Wait);
        Assert.Equal("true", cut.Find("[data-testid='field-personal-idNumber']").GetAttribute("aria-invalid"));
        // Other fields were not visited: no "missing" findings on them yet.
        Assert.Empty(cut.FindAll("[data-testid='findings-personal-name'] [data-testid^='field-finding-']"));
    }

    [Fact]
    public void PersonalStep_CorrectedId_ClearsTheFinding()
    {
        var cut = RenderWizard("application-rejected");
        Type(cut, "personal.idNumber", "110105194912310023");
        cut.WaitForAssertion(() => cut.Find("[data-testid='field-finding-PI-ID-CHECKSUM']"), Wait);

        Type(cut, "personal.idNumber", "11010519491231002X");

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid='findings-personal-idNumber'] [data-testid^='field-finding-']")), Wait);
    }

    [Fact]
    public void PersonalStep_PhoneWithPlus86_ShowsNormalisationInfo()
    {
        var cut = RenderWizard("application-rejected");

        Type(cut, "personal.phone", "+86 138 0013 8000");

        cut.WaitForAssertion(() =>
        {
            var finding = cut.Find("[data-testid='findings-personal-phone'] [data-testid='field-finding-PI-PHONE-PREFIX']");
            Assert.Equal("info", finding.GetAttribute("data-severity"));
            Assert.Contains("+86", finding.TextContent);
        }, Wait);
    }

    [Fact]
    public void BankStep_AbcCard_IsRecognisedAndGroupedAsTyped()
    {
        var cut = RenderWizard("application-rejected");
        cut.Find("[data-testid='wizard-next']").Click();

        Type(cut, "bank.cardNumber", "6228480402564890018");

        var recognised = cut.WaitForElement("[data-testid='card-recognised']", Wait);
        Assert.Contains("看起来是中国农业银行借记卡", recognised.TextContent);
        Assert.Equal("ABC", recognised.GetAttribute("data-bank"));
        Assert.Equal("6228 4804 0256 4890 018", cut.Find("[data-testid='field-bank-cardNumber']").GetAttribute("value"));

        cut.Find("[data-testid='bank-use-detected']").Click();
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid='bank-use-detected']")), Wait);
    }

    [Fact]
    public async Task BankStep_ReservedPhoneSameAsAbove_CopiesTheApplicationPhone()
    {
        var cut = RenderWizard("application-rejected");
        Type(cut, "personal.phone", "13800138000");
        cut.Find("[data-testid='wizard-next']").Click();

        // Find and click in one dispatch: the phone's debounced live check may re-render in between under load.
        await cut.InvokeAsync(() => cut.Find("[data-testid='reserved-phone-same']").Click());

        Assert.Equal("13800138000", cut.Find("[data-testid='field-bank-reservedPhone']").GetAttribute("value"));
    }

    [Fact]
    public void BankStep_WrongLuhn_FlagsTheCardField()
    {
        var cut = RenderWizard("application-rejected");
        cut.Find("[data-testid='wizard-next']").Click();

        Type(cut, "bank.cardNumber", "6228480402564890019");

        cut.WaitForAssertion(() => cut.Find("[data-testid='findings-bank-cardNumber'] [data-testid='field-finding-BK-CARD-LUHN']"), Wait);
    }

    [Fact]
    public void RetryStep_RiskMessage_ShowsRiskHoldOnTheMessageField()
    {
        var cut = RenderWizard("application-rejected");
        cut.Find("[data-testid='step-tab-application']").Click();

        Type(cut, "application.rejectionMessage", "您的申请触发风控，暂无法开通");

        cut.WaitForAssertion(() => cut.Find("[data-testid='findings-application-rejectionMessage'] [data-testid='field-finding-AP-RISK-HOLD']"), Wait);
        Assert.NotNull(cut.Find("[data-testid='faq-link-risk-review-documents']"));
    }

    [Fact]
    public void RetryStep_ServiceNotice_ReadsTheStatusTables()
    {
        var cut = RenderWizard("system-maintenance");

        cut.WaitForAssertion(() => cut.Find("[data-testid='service-notice-none']"), Wait);
    }

    [Theory]
    [InlineData("application-rejected", true)]
    [InlineData("identity-verification-failed", true)]
    [InlineData("transaction-failed", true)]
    [InlineData("system-maintenance", false)]
    [InlineData("cannot-log-in", false)]
    [InlineData("balance-query-failed", false)]
    public void WalletClassQuestion_OnlyWhereTheFlowAsks(string symptom, bool asked)
    {
        var cut = RenderWizard(symptom);
        var steps = cut.FindAll("[data-testid^='step-tab-']").Count;
        var seen = cut.FindAll("[data-testid='field-walletClass']").Count;
        for (var i = 1; i < steps; i++)
        {
            cut.Find("[data-testid='wizard-next']").Click();
            seen += cut.FindAll("[data-testid='field-walletClass']").Count;
        }

        Assert.Equal(asked ? 1 : 0, seen);
    }

    [Fact]
    public void Steps_Revisited_KeepTheAnswers()
    {
        var cut = RenderWizard("application-rejected");
        Type(cut, "personal.name", "张三");
        cut.Find("[data-testid='wizard-next']").Click();
        Type(cut, "bank.branch", "中国农业银行北京朝阳支行");

        // Find and click on the renderer's thread: the debounced validation can re-render between the two otherwise.
        cut.InvokeAsync(() => cut.Find("[data-testid='step-tab-personal']").Click());
        Assert.Equal("张三", cut.WaitForElement("[data-testid='field-personal-name']").GetAttribute("value"));
        cut.InvokeAsync(() => cut.Find("[data-testid='step-tab-bank']").Click());
        // The click is dispatched on the renderer's thread and not awaited: wait for the step it opens.
        Assert.Equal("中国农业银行北京朝阳支行", cut.WaitForElement("[data-testid='field-bank-branch']").GetAttribute("value"));
    }

    [Fact]
    public async Task Answers_AreSavedAndRestoredFromBrowserStorage()
    {
        var cut = RenderWizard("application-rejected");
        Type(cut, "personal.name", "张三");
        await WaitUntilAsync(() => Store.Saved.ContainsKey(Symptom.ApplicationRejected));
        Assert.Equal("张三", Store.Saved[Symptom.ApplicationRejected].Input.Personal?.Name);


        var again = RenderWizard("application-rejected");

        again.WaitForAssertion(() => Assert.Equal("张三", again.Find("[data-testid='field-personal-name']").GetAttribute("value")), Wait);
    }

    [Fact]
    public void EditQuery_OpensTheFieldsStepWithTheAnswers()
    {
        Store.Saved[Symptom.ApplicationRejected] = new(
            new DiagnosisInput { Symptom = Symptom.ApplicationRejected, Bank = new BankInput { Branch = "朝阳支行" } }, 0, ["bank.branch"]);
        Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().NavigateTo("/diagnose/application-rejected?edit=bank.branch");

        var cut = RenderWizard("application-rejected");

        cut.WaitForAssertion(() => Assert.Equal("bank", cut.Find("[data-testid='wizard-state']").GetAttribute("data-step")), Wait);
        Assert.Equal("朝阳支行", cut.Find("[data-testid='field-bank-branch']").GetAttribute("value"));
        JSInterop.VerifyInvoke("import");
    }

    [Fact]
    public async Task StartOver_ClearsAnswersAndStorage()
    {
        var cut = RenderWizard("application-rejected");
        Type(cut, "personal.name", "张三");
        await WaitUntilAsync(() => Store.Saved.ContainsKey(Symptom.ApplicationRejected));

        await cut.InvokeAsync(() => cut.Find("[data-testid='wizard-start-over']").Click());

        await WaitUntilAsync(() => !Store.Saved.ContainsKey(Symptom.ApplicationRejected));
        Assert.Equal("", cut.Find("[data-testid='field-personal-name']").GetAttribute("value") ?? "");
    }
}

public class WizardEnglishTests(WizardHost host) : WizardTestBase(host, "en"), IClassFixture<WizardHost>
{
    [Fact]
    public void PersonalStep_English_ChecksumExplainedInEnglish()
    {
        var cut = RenderWizard("application-rejected");

        Type(cut, "personal.idNumber", "110105194912310023");

        cut.WaitForAssertion(() => Assert.Contains("should be X", FindingsText(cut, "personal.idNumber")), Wait);
        Assert.Contains("Why we ask:", cut.Markup);
    }

    [Fact]
    public void BankStep_English_RecognitionInEnglish()
    {
        var cut = RenderWizard("application-rejected");
        cut.Find("[data-testid='wizard-next']").Click();

        Type(cut, "bank.cardNumber", "6228480402564890018");

        Assert.Contains("Agricultural Bank of China debit card", cut.Find("[data-testid='card-recognised']").TextContent);
    }
}
