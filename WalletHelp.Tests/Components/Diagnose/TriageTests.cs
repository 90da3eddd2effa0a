using Bunit;
using WalletHelp.Core.Diagnostics;
using WalletHelp.Tests.TestSupport;
using WalletHelp.Web.Components.Pages.Diagnose;

namespace WalletHelp.Tests.Components.Diagnose;

public class TriageTests : BunitTestBase
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
}

public class TriageEnglishTests() : BunitTestBase("en")
{
    [Fact]
    public void Triage_English_ShowsEnglishTitlesAndLines()
    {
        var cut = Render<Triage>();

        Assert.Contains("Application rejected", cut.Find("[data-testid='symptom-application-rejected']").TextContent);
        Assert.Contains("The app says the system is under maintenance.", cut.Markup);
        Assert.DoesNotContain("开通申请未通过", cut.Markup);
    }
}
