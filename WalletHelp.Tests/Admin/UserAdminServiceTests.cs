using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using WalletHelp.Tests.Faq;
using WalletHelp.Web.Data;
using WalletHelp.Web.Services.Audit;
using WalletHelp.Web.Services.Users;

namespace WalletHelp.Tests.Admin;

/// <summary>Role changes, locks, two-factor resets and the last-admin guard, over a migrated SQLite file.</summary>
public sealed class UserAdminServiceTests : IDisposable
{
    private readonly FaqTestDatabase database = new();
    private readonly UserAdminService users;

    public UserAdminServiceTests() => users = new UserAdminService(database.Factory, database.Audit, TimeProvider.System);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static AuditActor Actor(string id, string email) => new(id, email, "192.0.2.10");

    private string Add(string email, params string[] roles) => UserAdminTestData.AddUser(database, email, roles);

    private async Task<UserSummary> GetAsync(string id) => (await users.GetAsync(id, Ct))!;

    private async Task<IReadOnlyList<AuditEntryView>> AuditAsync() =>
        (await database.Audit.QueryAsync(new AuditQuery(PageSize: 200), Ct)).Items;

    [Fact]
    public async Task GrantAndRevokeAgent_ChangeRolesRenewTheStampAndAreAudited()
    {
        var admin = Add("boss@test.local", Roles.Admin);
        var person = Add("person@test.local");

        Assert.Equal(UserChangeOutcome.Done, await users.GrantRoleAsync(person, Roles.Agent, Actor(admin, "boss@test.local"), Ct));
        Assert.Equal([Roles.Agent], (await GetAsync(person)).Roles);
        Assert.Equal(UserChangeOutcome.Unchanged, await users.GrantRoleAsync(person, Roles.Agent, Actor(admin, "boss@test.local"), Ct));
        await using (var db = await database.Factory.CreateDbContextAsync(Ct))
        {
            Assert.NotEqual("initial", (await db.Users.SingleAsync(u => u.Id == person, Ct)).SecurityStamp);
        }

        Assert.Equal(UserChangeOutcome.Done, await users.RevokeRoleAsync(person, Roles.Agent, Actor(admin, "boss@test.local"), Ct));
        Assert.Empty((await GetAsync(person)).Roles);

        var entries = await AuditAsync();
        var granted = Assert.Single(entries, e => e.Action == AuditActions.RoleGranted);
        Assert.Equal("boss@test.local", granted.Actor);
        Assert.Equal("user:person@test.local", granted.Target);
        Assert.Equal(Roles.Agent, granted.Detail);
        Assert.Equal("192.0.2.10", granted.ClientAddress);
        Assert.True(granted.At > DateTimeOffset.UtcNow.AddMinutes(-1));
        Assert.Single(entries, e => e.Action == AuditActions.RoleRevoked && e.Target == "user:person@test.local");
    }

    [Fact]
    public async Task RevokeAdmin_OfTheOnlyAdmin_IsRefusedAndWritesNothing_EvenByThemselves()
    {
        var only = Add("only@test.local", Roles.Admin);
        Add("agent@test.local", Roles.Agent);

        Assert.Equal(UserChangeOutcome.LastAdmin, await users.RevokeRoleAsync(only, Roles.Admin, Actor(only, "only@test.local"), Ct));
        Assert.Equal(UserChangeOutcome.LastAdmin, await users.RevokeRoleAsync(only, Roles.Admin, AuditActor.System, Ct));

        Assert.Equal([Roles.Admin], (await GetAsync(only)).Roles);
        Assert.DoesNotContain(await AuditAsync(), e => e.Action.StartsWith("role.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RevokeAdmin_WithTwoAdmins_TheFirstGoesTheSecondIsKept()
    {
        var a = Add("a@test.local", Roles.Admin);
        var b = Add("b@test.local", Roles.Admin, Roles.Agent);

        // Removing their own admin role is allowed while another admin remains.
        Assert.Equal(UserChangeOutcome.Done, await users.RevokeRoleAsync(a, Roles.Admin, Actor(a, "a@test.local"), Ct));
        Assert.Equal(UserChangeOutcome.LastAdmin, await users.RevokeRoleAsync(b, Roles.Admin, Actor(b, "b@test.local"), Ct));

        Assert.Empty((await GetAsync(a)).Roles);
        Assert.Equal([Roles.Admin, Roles.Agent], (await GetAsync(b)).Roles);
    }

    [Fact]
    public async Task LockedAdmins_DoNotCount_AndNobodyLocksThemselves()
    {
        var a = Add("a@test.local", Roles.Admin);
        var b = Add("b@test.local", Roles.Admin);

        Assert.Equal(UserChangeOutcome.OwnAccount, await users.LockAsync(a, Actor(a, "a@test.local"), Ct));
        Assert.Equal(UserChangeOutcome.Done, await users.LockAsync(b, Actor(a, "a@test.local"), Ct));
        Assert.Equal(UserLockState.ByAdmin, (await GetAsync(b)).Lock);

        // b is locked, so a is the last admin who can sign in: a cannot lose the role, nor be locked by anyone.
        Assert.Equal(UserChangeOutcome.LastAdmin, await users.RevokeRoleAsync(a, Roles.Admin, Actor(a, "a@test.local"), Ct));
        Assert.Equal(UserChangeOutcome.LastAdmin, await users.LockAsync(a, AuditActor.System, Ct));
        Assert.Equal(UserLockState.None, (await GetAsync(a)).Lock);

        Assert.Equal(UserChangeOutcome.Done, await users.UnlockAsync(b, Actor(a, "a@test.local"), Ct));
        Assert.Equal(UserLockState.None, (await GetAsync(b)).Lock);
        Assert.Equal(UserChangeOutcome.Unchanged, await users.UnlockAsync(b, Actor(a, "a@test.local"), Ct));
        Assert.Equal(UserChangeOutcome.Done, await users.RevokeRoleAsync(a, Roles.Admin, Actor(a, "a@test.local"), Ct));

        var changes = (await AuditAsync()).Where(e => e.Action == AuditActions.UserChanged).Select(e => e.Detail).ToList();
        Assert.Equal(["unlocked", "locked"], changes);
    }

    [Fact]
    public async Task TemporaryLockout_ShowsItsEnd_AndUnlockClearsItAndTheFailureCount()
    {
        var admin = Add("admin@test.local", Roles.Admin);
        var person = Add("person@test.local");
        var until = DateTimeOffset.UtcNow.AddMinutes(10);
        await using (var db = await database.Factory.CreateDbContextAsync(Ct))
        {
            var user = await db.Users.SingleAsync(u => u.Id == person, Ct);
            user.LockoutEnd = until;
            user.AccessFailedCount = 4;
            await db.SaveChangesAsync(Ct);
        }
        var summary = await GetAsync(person);
        Assert.Equal(UserLockState.Temporary, summary.Lock);
        Assert.Equal(until.UtcTicks / TimeSpan.TicksPerSecond, summary.LockedUntil!.Value.UtcTicks / TimeSpan.TicksPerSecond);

        Assert.Equal(UserChangeOutcome.Done, await users.UnlockAsync(person, Actor(admin, "admin@test.local"), Ct));
        await using (var db = await database.Factory.CreateDbContextAsync(Ct))
        {
            var user = await db.Users.SingleAsync(u => u.Id == person, Ct);
            Assert.Null(user.LockoutEnd);
            Assert.Equal(0, user.AccessFailedCount);
        }
    }

    [Fact]
    public async Task ResetTwoFactor_DisablesItAndDeletesKeyAndRecoveryCodes()
    {
        var admin = Add("admin@test.local", Roles.Admin);
        var agent = Add("agent@test.local", Roles.Agent);
        await using (var db = await database.Factory.CreateDbContextAsync(Ct))
        {
            (await db.Users.SingleAsync(u => u.Id == agent, Ct)).TwoFactorEnabled = true;
            db.UserTokens.Add(new IdentityUserToken<string> { UserId = agent, LoginProvider = "[AspNetUserStore]", Name = "AuthenticatorKey", Value = "KEY" });
            db.UserTokens.Add(new IdentityUserToken<string> { UserId = agent, LoginProvider = "[AspNetUserStore]", Name = "RecoveryCodes", Value = "a;b" });
            await db.SaveChangesAsync(Ct);
        }
        Assert.True((await GetAsync(agent)).TwoFactorEnabled);

        Assert.Equal(UserChangeOutcome.Done, await users.ResetTwoFactorAsync(agent, Actor(admin, "admin@test.local"), Ct));

        Assert.False((await GetAsync(agent)).TwoFactorEnabled);
        await using (var db = await database.Factory.CreateDbContextAsync(Ct))
        {
            Assert.False(await db.UserTokens.AnyAsync(t => t.UserId == agent, Ct));
        }
        Assert.Equal(UserChangeOutcome.Unchanged, await users.ResetTwoFactorAsync(agent, Actor(admin, "admin@test.local"), Ct));
        Assert.Single(await AuditAsync(), e => e.Detail == "two-factor reset" && e.Target == "user:agent@test.local");
    }

    [Fact]
    public async Task UnknownUserOrRole_ChangesNothing()
    {
        var admin = Add("admin@test.local", Roles.Admin);
        Assert.Equal(UserChangeOutcome.NotFound, await users.GrantRoleAsync("no-such-id", Roles.Agent, AuditActor.System, Ct));
        Assert.Equal(UserChangeOutcome.UnknownRole, await users.GrantRoleAsync(admin, "Root", AuditActor.System, Ct));
        Assert.Empty(await AuditAsync());
    }

    [Fact]
    public async Task Search_MatchesPartOfTheEmailInAnyCase_OrderedByEmail()
    {
        Add("zed@example.com");
        Add("Amy@Example.com", Roles.Agent);
        Add("bob@other.org");

        var found = await users.SearchAsync("EXAMPLE", Ct);
        Assert.Equal(2, found.Total);
        Assert.Equal(["Amy@Example.com", "zed@example.com"], found.Items.Select(u => u.Email));
        Assert.Equal([Roles.Agent], found.Items[0].Roles);
        Assert.Null(found.Items[0].LastSignInAt);
        Assert.Equal(3, (await users.SearchAsync(null, Ct)).Total);
        Assert.Empty((await users.SearchAsync("nobody", Ct)).Items);
    }

    public void Dispose() => database.Dispose();
}
