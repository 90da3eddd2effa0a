using Microsoft.AspNetCore.Identity;
using WalletHelp.Tests.Faq;
using WalletHelp.Web.Data;

namespace WalletHelp.Tests.Admin;

/// <summary>Accounts and roles written straight into a migrated SQLite file (no host, no UserManager needed).</summary>
internal static class UserAdminTestData
{
    public static void EnsureRoles(FaqTestDatabase database)
    {
        using var db = database.Factory.CreateDbContext();
        foreach (var role in Roles.All.Where(r => !db.Roles.Any(x => x.Name == r)))
        {
            db.Roles.Add(new IdentityRole(role) { NormalizedName = role.ToUpperInvariant() });
        }
        db.SaveChanges();
    }

    public static string AddUser(FaqTestDatabase database, string email, params string[] roles)
    {
        EnsureRoles(database);
        using var db = database.Factory.CreateDbContext();
        var user = new ApplicationUser
        {
            UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(),
            EmailConfirmed = true, LockoutEnabled = true, SecurityStamp = "initial",
        };
        db.Users.Add(user);
        foreach (var role in roles)
        {
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = db.Roles.Single(r => r.Name == role).Id });
        }
        db.SaveChanges();
        return user.Id;
    }
}
