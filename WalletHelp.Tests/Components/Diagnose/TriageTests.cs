using Bunit;
using WalletHelp.Core.Diagnostics;
using WalletHelp.Tests.TestSupport;
using WalletHelp.Web.Components.Pages.Diagnose;

namespace WalletHelp.Tests.Components.Diagnose;

public class TriageTests(WizardHost host) : WizardTestBase(host), IClassFixture<WizardHost>
{
    [Fact]
    public void Triage_Rendered_ShowsEightSymptomsLinkingToTheirWizards()
    {
        var cut = Render<Triage>();

        var links = cut.FindAll("[data-testid^='symptom-']");
        Assert.Equal(8, links.Count);
        foreach (var symptom in Codes.AllSymptoms)
        {
            var link = cut.Find($"[data-testid='symptom-{symptom.ToCode()}']");
            Assert.Equal($"/diagnose/{symptom.ToCode()}", link.GetAttribute("href"));
            Assert.False(string.IsNullOrWhiteSpace(link.TextContent));
        }
        Assert.Contains("开通申请未通过", cut.Markup);
    }

    [Fact]
    public void Triage_RiskMessage_AnswersContactSupportBeforeAnyForm()
    {
        // The triage is static HTML: the 风控 button reloads it with ?message=risk (a GET submit), which shows the answer.
        var button = Render<Triage>().Find("[data-testid='app-message-risk']");
        Assert.Equal("submit", button.GetAttribute("type"));
        Assert.Equal("get", button.GetAttribute("formmethod"));
        Assert.Equal("/diagnose", button.GetAttribute("formaction"));
        Assert.Equal(("message", "risk"), (button.GetAttribute("name"), button.GetAttribute("value")));

        var cut = Render<AppMessageQuestion>(p => p.Add(x => x.Message, "risk"));

        var answer = cut.Find("[data-testid='app-message-answer-risk']");
        Assert.Contains("请联系客服", answer.TextContent);
        Assert.Contains("身份证", answer.QuerySelector("[data-testid='finding-remedies']")!.TextContent);
        Assert.Empty(cut.FindAll("input"));
        Assert.Equal("true", cut.Find("[data-testid='app-message-risk']").GetAttribute("aria-pressed"));
        // The answer takes the focus when the page arrives (wwwroot/js/reader.js focuses [data-wh-focus]).
        Assert.NotNull(cut.Find("[data-testid='app-message-risk-heading']").GetAttribute("data-wh-focus"));
    }

    [Fact]
    public void Triage_MaintenanceAndLater_PostToTheShortcut()
    {
        var cut = Render<Triage>();

        var form = cut.Find("[data-testid='app-message-maintenance']").Closest("form")!;
        Assert.Equal("post", form.GetAttribute("method"));
        Assert.Equal("/diagnose/app-message", form.GetAttribute("action"));
        Assert.Equal("maintenance", cut.Find("[data-testid='app-message-maintenance']").GetAttribute("value"));
        Assert.Equal("later", cut.Find("[data-testid='app-message-later']").GetAttribute("value"));
    }
}

public class TriageEnglishTests(WizardHost host) : WizardTestBase(host, "en"), IClassFixture<WizardHost>
{
    [Fact]
    public void Triage_English_ShowsEnglishTitlesAndLines()
    {
        var cut = Render<Triage>();

        Assert.Contains("Application rejected", cut.Find("[data-testid='symptom-application-rejected']").TextContent);
        Assert.Contains("The app says the system is under maintenance.", cut.Markup);
        Assert.DoesNotContain("开通申请未通过", cut.Markup);
        // The app's own wording stays in Chinese (that is what the person sees), explained in English.
        Assert.Contains("系统维护", cut.Find("[data-testid='app-message-maintenance']").TextContent);
        Assert.Contains("System maintenance", cut.Find("[data-testid='app-message-maintenance']").TextContent);
    }
}
