using WalletHelp.Tests.Faq;

namespace WalletHelp.Tests.TestSupport;

/// <summary>
/// A bUnit test of a staff page over a real, migrated and seeded SQLite file: the database's services registered,
/// signed in as an admin, MudBlazor's popover provider rendered (menus, selects and dialogs need it).
/// </summary>
public abstract class AdminPageTestBase : BunitTestBase
{
    protected AdminPageTestBase()
    {
        Database.Register(Services);
        AddAuthorization().SetAuthorized("admin@test.local").SetRoles("Admin");
        Render<MudBlazor.MudPopoverProvider>();
    }

    protected FaqTestDatabase Database { get; } = new();

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Database.Dispose();
    }
}
