using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using WalletHelp.Web.Data;
using WalletHelp.Web.Services.Audit;

namespace WalletHelp.Web.Infrastructure;

/// <summary>
/// <c>WalletHelp.Web reset-password &lt;email&gt;</c>: gives an account a new generated password, printed once,
/// unlocks it and records an audit entry (in the same save) — then exits without starting the web server.
/// </summary>
public static class ResetPasswordCommand
{
    public const string Name = "reset-password";

    /// <summary>Runs the command if the arguments ask for it (sets the exit code); false when the web server should start.</summary>
    public static async Task<bool> RunCommandAsync(this WebApplication app, string[] args)
    {
        if (args.Length == 0 || args[0] != Name)
        {
            return false;
        }
        if (args.Length != 2 || string.IsNullOrWhiteSpace(args[1]))
        {
            await Console.Error.WriteLineAsync($"Usage: dotnet WalletHelp.Web.dll {Name} <email>");
            Environment.ExitCode = 2;
            return true;
        }
        Environment.ExitCode = await RunAsync(app.Services, args[1], Console.Out, Console.Error);
        return true;
    }

    public static async Task<int> RunAsync(IServiceProvider services, string email, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        await db.MigrateWithBackfillTimeoutAsync(cancellationToken);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByEmailAsync(email.Trim());
        if (user is null)
        {
            await error.WriteLineAsync($"{Name}: no account has the email address '{email.Trim()}'. Nothing was changed.");
            return 1;
        }

        var password = DatabaseSeeder.GeneratePassword();
        var token = await users.GeneratePasswordResetTokenAsync(user);
        // Identity's store saves through this same scoped context: the entry commits with the new password hash.
        scope.ServiceProvider.GetRequiredService<IAuditLog>().Add(db, AuditActor.Named("command line"), AuditActions.PasswordResetByCommand,
            user.UserName, "new generated password; lockout cleared");
        var result = await users.ResetPasswordAsync(user, token, password);
        if (!result.Succeeded)
        {
            await error.WriteLineAsync($"{Name}: the password could not be reset: {string.Join("; ", result.Errors.Select(e => e.Code))}");
            return 1;
        }
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);

        // Printed once, straight to the console (never through the logger).
        await output.WriteLineAsync($"New password for {user.UserName}: {password}");
        await output.WriteLineAsync("It is shown only now. Sign in with it and change it under Account > Password.");
        return 0;
    }
}
