using System.Text.Json;
using Bunit;
using WalletHelp.Tests.TestSupport;
using WalletHelp.Web.Components.Pages.Agent;

namespace WalletHelp.Tests.Components;

/// <summary>The case page's inputs read as words in the page language: 是/否, option names, never raw codes.</summary>
public sealed class CaseLabelsTests : BunitTestBase
{
    private const string Masked = """
        { "symptom": "application-rejected", "walletClass": 2,
          "personal": { "idNumber": "110105********002X", "phoneIsOwnRealName": true, "recentlyChangedIdentity": false, "gender": "female", "idExpiry": "long-term" },
          "bank": { "cardType": "debit", "cardStatus": "normal" },
          "application": { "networkCheck": "ok", "identityStatus": "verified", "accountFrozen": false } }
        """;

    [Fact]
    public void MaskedInputTable_Chinese_YesNoAndOptionsAsWords()
    {
        var cut = Render<MaskedInputTable>(p => p.Add(x => x.Input, JsonDocument.Parse(Masked).RootElement));

        string Text(string path) => cut.Find($"[data-testid='input-{path}']").TextContent.Trim();
        Assert.Equal("是", Text("personal.phoneIsOwnRealName"));
        Assert.Equal("否", Text("personal.recentlyChangedIdentity"));
        Assert.Equal("否", Text("application.accountFrozen"));
        Assert.Equal("110105********002X", Text("personal.idNumber"));
        Assert.Equal("女", Text("personal.gender"));
        var markup = cut.Markup;
        Assert.DoesNotContain("有帮助", markup);
        foreach (var code in new[] { "application-rejected", ">normal<", ">ok<", ">verified<", ">long-term<", ">female<" })
        {
            Assert.DoesNotContain(code, markup, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void MaskedInputTable_English_WordsInEnglish()
    {
        UseCulture("en");
        var cut = Render<MaskedInputTable>(p => p.Add(x => x.Input, JsonDocument.Parse(Masked).RootElement));

        Assert.Equal("Yes", cut.Find("[data-testid='input-personal.phoneIsOwnRealName']").TextContent.Trim());
        Assert.Equal("No", cut.Find("[data-testid='input-application.accountFrozen']").TextContent.Trim());
        Assert.DoesNotContain(">normal<", cut.Markup, StringComparison.Ordinal);
    }
}
