using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace WalletHelp.Web.Data;

/// <summary>Applies migrations, then seeds roles and the demo accounts. Safe to run on every start.</summary>
public sealed class DatabaseSeeder(
    ApplicationDbContext db,
    RoleManager<IdentityRole> roles,
    UserManager<ApplicationUser> users,
    IOptions<SeedOptions> options,
    IEnumerable<IContentSeeder> contentSeeders,
    ILogger<DatabaseSeeder> logger)
{
    /// <summary>Where a generated password is shown once; the console by default, replaceable in tests.</summary>
    public static Action<string> WriteOnce { get; set; } = Console.WriteLine;

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        await db.Database.MigrateAsync(cancellationToken);

        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                EnsureSucceeded(await roles.CreateAsync(new IdentityRole(role)), $"role {role}");
            }
        }

        var seed = options.Value;
        await EnsureUserAsync(seed.AdminEmail, seed.AdminPassword, Roles.Admin);
        await EnsureUserAsync(seed.AgentEmail, seed.AgentPassword, Roles.Agent);

        foreach (var seeder in contentSeeders)
        {
            await seeder.SeedAsync(cancellationToken);
        }
    }

    private async Task EnsureUserAsync(string email, string? password, string role)
    {
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            var generated = string.IsNullOrEmpty(password);
            password = generated ? GeneratePassword() : password;
            user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true };
            EnsureSucceeded(await users.CreateAsync(user, password!), $"user {email}");
            if (generated)
            {
                // Printed once, straight to the console, never through the logger.
                WriteOnce($"WalletHelp: created {role} account {email} with generated password: {password}");
                WriteOnce("WalletHelp: this password is shown only now; set WalletHelp:Seed passwords to choose your own.");
            }
            logger.LogInformation("Seeded {Role} account {Email}", role, email);
        }

        if (!await users.IsInRoleAsync(user, role))
        {
            EnsureSucceeded(await users.AddToRoleAsync(user, role), $"role {role} for {email}");
        }
    }

    /// <summary>20 characters: upper, lower, digits and shell-safe symbols (used by the seeder and reset-password).</summary>
    public static string GeneratePassword()
    {
        const string upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
        const string lower = "abcdefghijkmnopqrstuvwxyz";
        const string digits = "23456789";
        // Nothing a shell expands or quotes ($, `, !, ', ", \, *, ?, %, ^, &, #, ;): safe to paste into a command line.
        const string symbols = "-_+=.,:@";
        const string all = upper + lower + digits + symbols;
        Span<char> chars = stackalloc char[20];
        chars[0] = upper[RandomNumberGenerator.GetInt32(upper.Length)];
        chars[1] = lower[RandomNumberGenerator.GetInt32(lower.Length)];
        chars[2] = digits[RandomNumberGenerator.GetInt32(digits.Length)];
        chars[3] = symbols[RandomNumberGenerator.GetInt32(symbols.Length)];
        for (var i = 4; i < chars.Length; i++)
        {
            chars[i] = all[RandomNumberGenerator.GetInt32(all.Length)];
        }
        RandomNumberGenerator.Shuffle(chars);
        return new string(chars);
    }

    private static void EnsureSucceeded(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(
                $"Seeding {what} failed: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }
}

/// <summary>Seeds feature content (FAQ articles, …) after migrations and accounts; must be idempotent.</summary>
public interface IContentSeeder
{
    Task SeedAsync(CancellationToken cancellationToken);
}
