using Bunit;
using WalletHelp.Tests.TestSupport;
using WalletHelp.Web.Components.Layout;

namespace WalletHelp.Tests.Components;

public class NavMenuTests : BunitTestBase
{
    private static bool Has(IRenderedComponent<NavMenu> cut, string testId) =>
        cut.FindAll($"[data-testid='{testId}']").Count > 0;

    [Fact]
    public void NavMenu_Anonymous_ShowsPublicEntriesOnly()
    {
        AddAuthorization();
        var cut = Render<NavMenu>();

        Assert.True(Has(cut, "nav-diagnose"));
        Assert.True(Has(cut, "nav-faq"));
        Assert.True(Has(cut, "nav-status"));
        Assert.False(Has(cut, "nav-my"));
        Assert.False(Has(cut, "nav-agent"));
        Assert.False(Has(cut, "nav-admin"));
        Assert.Contains("问题诊断", cut.Markup);
    }

    [Fact]
    public void NavMenu_SignedInUser_ShowsHistoryButNoConsoles()
    {
        AddAuthorization().SetAuthorized("someone@example.com");
        var cut = Render<NavMenu>();

        Assert.True(Has(cut, "nav-my"));
        Assert.False(Has(cut, "nav-agent"));
        Assert.False(Has(cut, "nav-admin"));
    }

    [Fact]
    public void NavMenu_Agent_ShowsAgentConsoleButNotAdmin()
    {
        AddAuthorization().SetAuthorized("agent@example.com").SetRoles("Agent");
        var cut = Render<NavMenu>();

        Assert.True(Has(cut, "nav-agent"));
        Assert.False(Has(cut, "nav-admin"));
    }

    [Fact]
    public void NavMenu_Admin_ShowsAgentAndAdminEntries()
    {
        AddAuthorization().SetAuthorized("admin@example.com").SetRoles("Admin");
        var cut = Render<NavMenu>();

        Assert.True(Has(cut, "nav-agent"));
        Assert.True(Has(cut, "nav-admin"));
        Assert.True(Has(cut, "nav-admin-faq"));
    }
}

public class NavMenuEnglishTests() : BunitTestBase("en")
{
    [Fact]
    public void NavMenu_English_UsesEnglishLabels()
    {
        AddAuthorization();
        var cut = Render<NavMenu>();

        Assert.Contains("Diagnose", cut.Markup);
        Assert.Contains("Service status", cut.Markup);
        Assert.DoesNotContain("问题诊断", cut.Markup);
    }
}
