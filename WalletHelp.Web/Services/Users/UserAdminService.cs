using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using WalletHelp.Web.Data;
using WalletHelp.Web.Services.Audit;

namespace WalletHelp.Web.Services.Users;

/// <summary>How an account is locked: not at all, for a while after failed sign-ins, or by an admin (until unlocked).</summary>
public enum UserLockState
{
    None,
    Temporary,
    ByAdmin,
}

/// <summary>One account as /admin/users shows it.</summary>
public sealed record UserSummary(
    string Id,
    string Email,
    IReadOnlyList<string> Roles,
    UserLockState Lock,
    DateTimeOffset? LockedUntil,
    bool TwoFactorEnabled,
    DateTimeOffset? LastSignInAt)
{
    public bool IsAdmin => Roles.Contains(Data.Roles.Admin);
}

public sealed record UserSearchResult(IReadOnlyList<UserSummary> Items, int Total);

/// <summary>What a change did. Everything but <see cref="Done"/> wrote nothing (and no audit entry).</summary>
public enum UserChangeOutcome
{
    Done,
    Unchanged,
    NotFound,
    /// <summary>It would leave no admin who can sign in.</summary>
    LastAdmin,
    /// <summary>Admins cannot lock their own account.</summary>
    OwnAccount,
    UnknownRole,
}

/// <summary>
/// Users and roles for admins: search, grant / remove <c>Agent</c> and <c>Admin</c>, lock / unlock, reset two-factor.
/// Each change and its audit entry commit in one transaction; a change that would leave no admin able to sign in
/// (removing the last unlocked admin's role, locking them) is refused. Changes renew the account's security stamp,
/// so its open sessions pick up the new roles (or end) at their next validation.
/// </summary>
public sealed class UserAdminService(IDbContextFactory<ApplicationDbContext> dbFactory, IAuditLog audit, TimeProvider time)
{
    public const int PageSize = 50;

    /// <summary>An admin lock lasts until an admin unlocks (Identity's lockout end far in the future).</summary>
    public static readonly DateTimeOffset AdminLockEnd = new(9999, 12, 31, 0, 0, 0, TimeSpan.Zero);

    private const string AuthenticatorProvider = "[AspNetUserStore]";
    private static readonly string[] TwoFactorTokens = ["AuthenticatorKey", "RecoveryCodes"];

    // One change at a time in this process; the guard's count and the change share a transaction besides.
    private readonly SemaphoreSlim writeLock = new(1, 1);

    public static IReadOnlyList<string> ManagedRoles => Roles.All;

    /// <summary>Accounts whose email contains <paramref name="email"/> (any case), by email; the first <see cref="PageSize"/>.</summary>
    public async Task<UserSearchResult> SearchAsync(string? email, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var users = db.Users.AsNoTracking();
        var term = email?.Trim();
        if (!string.IsNullOrEmpty(term))
        {
            var normalized = term.ToUpperInvariant();
            users = users.Where(u => u.NormalizedEmail!.Contains(normalized));
        }
        var total = await users.CountAsync(cancellationToken);
        var page = await users.OrderBy(u => u.NormalizedEmail).Take(PageSize)
            .Select(u => new { u.Id, u.Email, u.UserName, u.LockoutEnd, u.LockoutEnabled, u.TwoFactorEnabled, u.LastSignInAt })
            .ToListAsync(cancellationToken);
        var ids = page.Select(u => u.Id).ToList();
        var roles = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           where ids.Contains(ur.UserId)
                           select new { ur.UserId, r.Name }).ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        var items = page.Select(u => new UserSummary(
            u.Id,
            u.Email ?? u.UserName ?? u.Id,
            [.. roles.Where(r => r.UserId == u.Id).Select(r => r.Name!).OrderBy(n => n, StringComparer.Ordinal)],
            LockOf(u.LockoutEnabled, u.LockoutEnd, now),
            u.LockoutEnabled && u.LockoutEnd > now ? u.LockoutEnd : null,
            u.TwoFactorEnabled,
            u.LastSignInAt)).ToList();
        return new UserSearchResult(items, total);
    }

    public async Task<UserSummary?> GetAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var email = await db.Users.Where(u => u.Id == userId).Select(u => u.Email).FirstOrDefaultAsync(cancellationToken);
        if (email is null) return null;
        return (await SearchAsync(email, cancellationToken)).Items.FirstOrDefault(u => u.Id == userId);
    }

    public Task<UserChangeOutcome> GrantRoleAsync(string userId, string role, AuditActor actor, CancellationToken cancellationToken = default) =>
        ChangeAsync(userId, actor, async (db, user) =>
        {
            var roleId = await RoleIdAsync(db, role, cancellationToken);
            if (roleId is null) return (UserChangeOutcome.UnknownRole, null, null);
            if (await db.UserRoles.AnyAsync(ur => ur.UserId == user.Id && ur.RoleId == roleId, cancellationToken))
                return (UserChangeOutcome.Unchanged, null, null);
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = roleId });
            return (UserChangeOutcome.Done, AuditActions.RoleGranted, role);
        }, cancellationToken);

    public Task<UserChangeOutcome> RevokeRoleAsync(string userId, string role, AuditActor actor, CancellationToken cancellationToken = default) =>
        ChangeAsync(userId, actor, async (db, user) =>
        {
            var roleId = await RoleIdAsync(db, role, cancellationToken);
            if (roleId is null) return (UserChangeOutcome.UnknownRole, null, null);
            var link = await db.UserRoles.FirstOrDefaultAsync(ur => ur.UserId == user.Id && ur.RoleId == roleId, cancellationToken);
            if (link is null) return (UserChangeOutcome.Unchanged, null, null);
            if (role == Roles.Admin && !await OtherActiveAdminExistsAsync(db, user.Id, cancellationToken))
                return (UserChangeOutcome.LastAdmin, null, null);
            db.UserRoles.Remove(link);
            return (UserChangeOutcome.Done, AuditActions.RoleRevoked, role);
        }, cancellationToken);

    public Task<UserChangeOutcome> LockAsync(string userId, AuditActor actor, CancellationToken cancellationToken = default) =>
        ChangeAsync(userId, actor, async (db, user) =>
        {
            if (user.Id == actor.UserId) return (UserChangeOutcome.OwnAccount, null, null);
            if (user.LockoutEnabled && user.LockoutEnd >= AdminLockEnd) return (UserChangeOutcome.Unchanged, null, null);
            if (await IsAdminAsync(db, user.Id, cancellationToken) && !await OtherActiveAdminExistsAsync(db, user.Id, cancellationToken))
                return (UserChangeOutcome.LastAdmin, null, null);
            user.LockoutEnabled = true;
            user.LockoutEnd = AdminLockEnd;
            return (UserChangeOutcome.Done, AuditActions.UserChanged, "locked");
        }, cancellationToken);

    public Task<UserChangeOutcome> UnlockAsync(string userId, AuditActor actor, CancellationToken cancellationToken = default) =>
        ChangeAsync(userId, actor, (_, user) =>
        {
            if (user.LockoutEnd is null || user.LockoutEnd <= time.GetUtcNow())
                return Task.FromResult<(UserChangeOutcome, string?, string?)>((UserChangeOutcome.Unchanged, null, null));
            user.LockoutEnd = null;
            user.AccessFailedCount = 0;
            return Task.FromResult<(UserChangeOutcome, string?, string?)>((UserChangeOutcome.Done, AuditActions.UserChanged, "unlocked"));
        }, cancellationToken);

    /// <summary>Turns two-factor off and forgets the authenticator key and recovery codes; staff enrol again at their next sign-in.</summary>
    public Task<UserChangeOutcome> ResetTwoFactorAsync(string userId, AuditActor actor, CancellationToken cancellationToken = default) =>
        ChangeAsync(userId, actor, async (db, user) =>
        {
            var tokens = await db.UserTokens
                .Where(t => t.UserId == user.Id && t.LoginProvider == AuthenticatorProvider && TwoFactorTokens.Contains(t.Name))
                .ToListAsync(cancellationToken);
            if (!user.TwoFactorEnabled && tokens.Count == 0) return (UserChangeOutcome.Unchanged, null, null);
            user.TwoFactorEnabled = false;
            db.UserTokens.RemoveRange(tokens);
            return (UserChangeOutcome.Done, AuditActions.UserChanged, "two-factor reset");
        }, cancellationToken);

    private async Task<UserChangeOutcome> ChangeAsync(string userId, AuditActor actor,
        Func<ApplicationDbContext, ApplicationUser, Task<(UserChangeOutcome Outcome, string? Action, string? Detail)>> change,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await writeLock.WaitAsync(cancellationToken);
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId, cancellationToken);
            if (user is null) return UserChangeOutcome.NotFound;
            var (outcome, action, detail) = await change(db, user);
            if (outcome != UserChangeOutcome.Done) return outcome;
            // Open sessions revalidate against the stamp: new roles apply, a lock or 2FA reset signs them out.
            user.SecurityStamp = Guid.NewGuid().ToString("N").ToUpperInvariant();
            user.ConcurrencyStamp = Guid.NewGuid().ToString();
            audit.Add(db, actor, action!, $"user:{user.Email ?? user.Id}", detail);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return outcome;
        }
        finally
        {
            writeLock.Release();
        }
    }

    private static UserLockState LockOf(bool enabled, DateTimeOffset? end, DateTimeOffset now) =>
        !enabled || end is null || end <= now ? UserLockState.None
        : end >= AdminLockEnd ? UserLockState.ByAdmin
        : UserLockState.Temporary;

    private static Task<string?> RoleIdAsync(ApplicationDbContext db, string role, CancellationToken cancellationToken) =>
        Roles.All.Contains(role)
            ? db.Roles.Where(r => r.Name == role).Select(r => r.Id).FirstOrDefaultAsync(cancellationToken)
            : Task.FromResult<string?>(null);

    private static async Task<bool> IsAdminAsync(ApplicationDbContext db, string userId, CancellationToken cancellationToken) =>
        await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id
               where ur.UserId == userId && r.Name == Roles.Admin select ur).AnyAsync(cancellationToken);

    /// <summary>Whether an admin other than <paramref name="userId"/> can still sign in (not locked by an admin).</summary>
    private async Task<bool> OtherActiveAdminExistsAsync(ApplicationDbContext db, string userId, CancellationToken cancellationToken)
    {
        // Admins are few: their lockout ends are read and compared here (SQLite cannot compare DateTimeOffset text).
        var others = await (from ur in db.UserRoles
                            join r in db.Roles on ur.RoleId equals r.Id
                            join u in db.Users on ur.UserId equals u.Id
                            where r.Name == Roles.Admin && u.Id != userId
                            select new { u.LockoutEnabled, u.LockoutEnd }).ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        // A temporary lockout (failed sign-ins) passes; only an admin lock takes an admin out of the count.
        return others.Any(o => LockOf(o.LockoutEnabled, o.LockoutEnd, now) != UserLockState.ByAdmin);
    }
}
