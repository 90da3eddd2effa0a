using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using WalletHelp.Web.Data;
using WalletHelp.Web.Services.Audit;

namespace WalletHelp.Web.Infrastructure;

/// <summary>
/// Identity's sign-in manager with two additions, for the form and the bearer-token API alike:
/// <list type="bullet">
/// <item>every password and two-factor sign-in is recorded in the audit log (success, failure, lockout);</item>
/// <item>an unknown email answers exactly like a known one: the password is still hashed (same time), and after
/// <c>MaxFailedAccessAttempts</c> failures it reports "locked out" for the lockout period, so neither the answer
/// nor the lockout reveals whether an account exists.</item>
/// </list>
/// </summary>
public sealed class WalletHelpSignInManager(
    UserManager<ApplicationUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<ApplicationUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<ApplicationUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<ApplicationUser> confirmation,
    IAuditLog audit,
    IMemoryCache memory,
    IEnumerable<IAccountLockedNotifier> lockedNotifiers,
    Microsoft.EntityFrameworkCore.IDbContextFactory<ApplicationDbContext> dbFactory,
    TimeProvider time)
    : SignInManager<ApplicationUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    // A hash of a random password, verified against whatever is typed for an unknown account (equal work).
    private static readonly Lazy<string> DummyHash = new(() =>
        new PasswordHasher<ApplicationUser>().HashPassword(new ApplicationUser(), Convert.ToBase64String(RandomNumberGenerator.GetBytes(24))));

    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        var user = await UserManager.FindByNameAsync(userName);
        if (user is not null)
        {
            return await PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure);
        }

        UserManager.PasswordHasher.VerifyHashedPassword(new ApplicationUser(), DummyHash.Value, password ?? "");
        var result = lockoutOnFailure ? PhantomFailure(userName) : SignInResult.Failed;
        await RecordAsync(null, userName, AuditActions.SignInFailed,
            result.IsLockedOut ? "unknown account (reported as locked out)" : "unknown account");
        return result;
    }

    public override async Task<SignInResult> PasswordSignInAsync(ApplicationUser user, string password, bool isPersistent, bool lockoutOnFailure)
    {
        var wasLocked = await UserManager.IsLockedOutAsync(user);
        var result = await base.PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure);
        await RecordResultAsync(user, result, wasLocked, "password");
        return result;
    }

    public override async Task<SignInResult> TwoFactorAuthenticatorSignInAsync(string code, bool isPersistent, bool rememberClient)
    {
        var user = await GetTwoFactorAuthenticationUserAsync();
        var wasLocked = user is not null && await UserManager.IsLockedOutAsync(user);
        var result = await base.TwoFactorAuthenticatorSignInAsync(code, isPersistent, rememberClient);
        if (user is not null)
        {
            await RecordResultAsync(user, result, wasLocked, "authenticator code");
        }
        return result;
    }

    public override async Task<SignInResult> TwoFactorRecoveryCodeSignInAsync(string recoveryCode)
    {
        var user = await GetTwoFactorAuthenticationUserAsync();
        var wasLocked = user is not null && await UserManager.IsLockedOutAsync(user);
        var result = await base.TwoFactorRecoveryCodeSignInAsync(recoveryCode);
        if (user is not null)
        {
            await RecordResultAsync(user, result, wasLocked, "recovery code");
        }
        return result;
    }

    private async Task RecordResultAsync(ApplicationUser user, SignInResult result, bool wasLocked, string method)
    {
        var secondFactor = method != "password";
        if (result.Succeeded)
        {
            await RecordAsync(user.Id, user.UserName, AuditActions.SignInSucceeded, method);
            await RecordLastSignInAsync(user);
        }
        else if (result.RequiresTwoFactor)
        {
            // The password was right; the sign-in is recorded once the second factor is checked.
        }
        else if (result.IsLockedOut && !wasLocked)
        {
            await RecordAsync(user.Id, user.UserName, AuditActions.SignInLockedOut, method);
            foreach (var notifier in lockedNotifiers)
            {
                await notifier.AccountLockedAsync(user);
            }
        }
        else
        {
            var why = result.IsLockedOut ? "locked out" : result.IsNotAllowed ? "not allowed (email not confirmed)" : "wrong " + method;
            await RecordAsync(user.Id, user.UserName, secondFactor ? AuditActions.SignInTwoFactorFailed : AuditActions.SignInFailed, why);
        }
    }

    /// <summary>Written straight to the row (not through UserManager.UpdateAsync, which would change the concurrency stamp).</summary>
    private async Task RecordLastSignInAsync(ApplicationUser user)
    {
        var now = time.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync();
        await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ExecuteUpdateAsync(
            db.Users.Where(u => u.Id == user.Id), s => s.SetProperty(u => u.LastSignInAt, now));
        user.LastSignInAt = now;
    }

    private Task RecordAsync(string? userId, string? name, string action, string detail) =>
        audit.WriteAsync(new AuditActor(userId, name ?? "?", Context.Connection.RemoteIpAddress?.ToString()), action, target: name, detail: detail);

    /// <summary>Counts failures for an unknown name the way Identity counts them for an account.</summary>
    private SignInResult PhantomFailure(string userName)
    {
        var lockout = Options.Lockout;
        var key = "phantom-lockout:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(UserManager.NormalizeName(userName) ?? "")));
        var state = memory.GetOrCreate(key, entry =>
        {
            entry.SlidingExpiration = lockout.DefaultLockoutTimeSpan;
            entry.Size = 1;
            return new PhantomState();
        })!;
        lock (state)
        {
            var now = DateTimeOffset.UtcNow;
            if (state.LockedUntil > now)
            {
                return SignInResult.LockedOut;
            }
            if (++state.Failures >= lockout.MaxFailedAccessAttempts)
            {
                state.Failures = 0;
                state.LockedUntil = now + lockout.DefaultLockoutTimeSpan;
                return SignInResult.LockedOut;
            }
            return SignInResult.Failed;
        }
    }

    private sealed class PhantomState
    {
        public int Failures;
        public DateTimeOffset LockedUntil;
    }
}

/// <summary>Told when an account has just been locked out (e.g. to email its owner).</summary>
public interface IAccountLockedNotifier
{
    Task AccountLockedAsync(ApplicationUser user);
}
