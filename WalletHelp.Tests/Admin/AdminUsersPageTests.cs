using Bunit;
using Microsoft.Extensions.DependencyInjection;
using WalletHelp.Tests.Faq;
using WalletHelp.Tests.TestSupport;
using WalletHelp.Web.Components.Pages.Admin.Users;
using WalletHelp.Web.Data;
using WalletHelp.Web.Services.Users;

namespace WalletHelp.Tests.Admin;

/// <summary>/admin/users over a real SQLite file: what it shows, confirmation first, and the last-admin answer.</summary>
public sealed class AdminUsersPageTests : BunitTestBase
{
    private readonly FaqTestDatabase database = new();
    private readonly string adminId;

    public AdminUsersPageTests()
    {
        database.Register(Services);
        Services.AddSingleton<UserAdminService>();
        adminId = UserAdminTestData.AddUser(database, "admin@test.local", Roles.Admin);
        UserAdminTestData.AddUser(database, "person@test.local");
        AddAuthorization().SetAuthorized("admin@test.local").SetRoles("Admin")
            .SetClaims(new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.NameIdentifier, adminId));
    }

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        database.Dispose();
    }

    private static AngleSharp.Dom.IElement Card(IRenderedComponent<AdminUsers> cut, string email) =>
        cut.FindAll("[data-testid='user-card']").Single(c => c.GetAttribute("data-email") == email);

    [Fact]
    public void ListsAccountsWithRolesLockTwoFactorAndLastSignIn_AndMarksYou()
    {
        var cut = Render<AdminUsers>();
        cut.WaitForElement("[data-testid='user-card']");

        var admin = Card(cut, "admin@test.local");
        Assert.Contains("管理员", admin.QuerySelector("[data-testid='user-roles']")!.TextContent);
        Assert.Contains("您本人", admin.TextContent);
        Assert.Contains("未锁定", admin.QuerySelector("[data-testid='user-lock']")!.TextContent);
        Assert.Contains("未绑定", admin.QuerySelector("[data-testid='user-2fa']")!.TextContent);
        Assert.Contains("无记录", admin.QuerySelector("[data-testid='user-last-sign-in']")!.TextContent);
        // Nobody is offered to lock their own account.
        Assert.Null(admin.QuerySelector("[data-testid='user-lock-button']"));
        Assert.NotNull(Card(cut, "person@test.local").QuerySelector("[data-testid='user-lock-button']"));

        cut.Find("input[data-testid='users-query'], [data-testid='users-query'] input").Change("PERSON");
        cut.Find("form[data-testid='users-search-form']").Submit();
        cut.WaitForAssertion(() => Assert.Equal("person@test.local", Assert.Single(cut.FindAll("[data-testid='user-card']")).GetAttribute("data-email")));

        cut.Find("input[data-testid='users-query'], [data-testid='users-query'] input").Change("nobody-here");
        cut.Find("form[data-testid='users-search-form']").Submit();
        cut.WaitForElement("[data-testid='users-empty']");
    }

    [Fact]
    public async Task GrantAgent_AsksFirst_CancelChangesNothing_ConfirmGrants()
    {
        var dialogs = Render<MudBlazor.MudDialogProvider>();
        var cut = Render<AdminUsers>();
        cut.WaitForElement("[data-testid='user-card']");

        Card(cut, "person@test.local").QuerySelector("[data-testid='user-grant-agent']")!.Click();
        dialogs.WaitForAssertion(() => Assert.Contains("person@test.local", dialogs.Find(".mud-dialog").TextContent));
        await dialogs.FindAll(".mud-dialog button").Single(b => b.TextContent.Contains("取消", StringComparison.Ordinal)).ClickAsync(new());
        Assert.Empty((await Services.GetRequiredService<UserAdminService>().SearchAsync("person", Ct)).Items[0].Roles);

        Card(cut, "person@test.local").QuerySelector("[data-testid='user-grant-agent']")!.Click();
        dialogs.WaitForAssertion(() => Assert.Contains("授予客服角色", dialogs.Find(".mud-dialog").TextContent));
        await dialogs.FindAll(".mud-dialog button").Single(b => b.TextContent.Contains("授予客服角色", StringComparison.Ordinal)).ClickAsync(new());

        cut.WaitForAssertion(() => Assert.Contains("客服", Card(cut, "person@test.local").QuerySelector("[data-testid='user-roles']")!.TextContent));
        Assert.Contains("已获得", cut.Find("[data-testid='users-message']").TextContent);
        Assert.NotNull(Card(cut, "person@test.local").QuerySelector("[data-testid='user-revoke-agent']"));
    }

    [Fact]
    public async Task RemovingTheLastAdmin_IsRefusedWithAClearMessage()
    {
        var dialogs = Render<MudBlazor.MudDialogProvider>();
        var cut = Render<AdminUsers>();
        cut.WaitForElement("[data-testid='user-card']");

        Card(cut, "admin@test.local").QuerySelector("[data-testid='user-revoke-admin']")!.Click();
        dialogs.WaitForAssertion(() => Assert.Contains("admin@test.local", dialogs.Find(".mud-dialog").TextContent));
        await dialogs.FindAll(".mud-dialog button").Single(b => b.TextContent.Contains("移除管理员角色", StringComparison.Ordinal)).ClickAsync(new());

        cut.WaitForAssertion(() => Assert.Contains("最后一位", cut.Find("[data-testid='users-message']").TextContent));
        Assert.Contains("管理员", Card(cut, "admin@test.local").QuerySelector("[data-testid='user-roles']")!.TextContent);
    }
}
