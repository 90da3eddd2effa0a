using System.Data.Common;
using System.Diagnostics;
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
    ILookupNormalizer normalizer,
    ILoggerFactory loggers)
{
    private readonly ILogger logger = loggers.CreateLogger<DatabaseSeeder>();

    /// <summary>Where the start-up figures go ("Database ready in …"): category <c>WalletHelp.Startup</c>.</summary>
    private readonly ILogger startup = loggers.CreateLogger("WalletHelp.Startup");

    /// <summary>Where a generated password is shown once; the console by default, replaceable in tests.</summary>
    public static Action<string> WriteOnce { get; set; } = Console.WriteLine;

    /// <summary>
    /// Migrates and seeds. The common start (an existing, up-to-date, seeded database) only reads: <c>Migrate()</c>
    /// runs only when a migration is pending, and the account and content seeders only when something is missing,
    /// each checked with one plain query. Logs where the time went.
    /// </summary>
    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var pending = await PendingMigrationsAsync(cancellationToken);
        if (pending > 0)
        {
            await db.Database.MigrateAsync(cancellationToken);
        }
        var migrations = clock.Elapsed;

        var accountsSeeded = await AccountsSeededAsync(cancellationToken);
        if (!accountsSeeded)
        {
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
        }
        var accounts = clock.Elapsed;

        foreach (var seeder in contentSeeders)
        {
            await seeder.SeedAsync(cancellationToken);
        }
        startup.LogInformation(
            "Database ready in {Total} ms: migrations {Migrations} ms ({Pending} applied), accounts {Accounts} ms ({AccountsState}), content {Content} ms",
            (long)clock.Elapsed.TotalMilliseconds, (long)migrations.TotalMilliseconds, pending,
            (long)(accounts - migrations).TotalMilliseconds, accountsSeeded ? "already seeded" : "seeded",
            (long)(clock.Elapsed - accounts).TotalMilliseconds);
    }

    /// <summary>
    /// How many of this context's migrations the database has not applied: the migration ids declared in the assembly
    /// (<c>[DbContext]</c> + <c>[Migration]</c> attributes) against one plain read of <c>__EFMigrationsHistory</c>.
    /// Same answer as <c>GetPendingMigrationsAsync</c> without starting EF's migration services and model, which took
    /// most of a start on an existing database (1.8 s of 1.9 s "database ready" on a loaded 2-core machine).
    /// </summary>
    private async Task<int> PendingMigrationsAsync(CancellationToken cancellationToken)
    {
        var contextType = db.GetType();
        var declared = contextType.Assembly.GetTypes()
            .Where(t => typeof(Microsoft.EntityFrameworkCore.Migrations.Migration).IsAssignableFrom(t)
                && t.GetCustomAttributes(typeof(Microsoft.EntityFrameworkCore.Infrastructure.DbContextAttribute), false)
                    .Cast<Microsoft.EntityFrameworkCore.Infrastructure.DbContextAttribute>().Any(a => a.ContextType == contextType))
            .Select(t => t.GetCustomAttributes(typeof(Microsoft.EntityFrameworkCore.Migrations.MigrationAttribute), false)
                .Cast<Microsoft.EntityFrameworkCore.Migrations.MigrationAttribute>().FirstOrDefault()?.Id)
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = """SELECT "MigrationId" FROM "__EFMigrationsHistory" """;
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                declared.Remove(reader.GetString(0));
            }
            return declared.Count;
        }
        catch (DbException)
        {
            // No history table: a new database, everything is pending.
            return declared.Count;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Both roles exist and both seeded accounts hold their role: one query, no Identity or EF query pipeline.</summary>
    private async Task<bool> AccountsSeededAsync(CancellationToken cancellationToken)
    {
        var seed = options.Value;
        // Quoted identifiers and @parameters: the same text works on SQLite and PostgreSQL.
        const string held = """
            EXISTS (SELECT 1 FROM "AspNetUsers" u JOIN "AspNetUserRoles" ur ON ur."UserId" = u."Id" JOIN "AspNetRoles" r ON r."Id" = ur."RoleId"
                    WHERE u."NormalizedEmail" = @{0}Email AND r."NormalizedName" = @{0}Role)
            """;
        var sql = $"""
            SELECT CASE WHEN (SELECT COUNT(*) FROM "AspNetRoles" WHERE "NormalizedName" IN (@adminRole, @agentRole)) = 2
                AND {string.Format(held, "admin")} AND {string.Format(held, "agent")} THEN 1 ELSE 0 END
            """;
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            Add(command, "adminRole", normalizer.NormalizeName(Roles.Admin));
            Add(command, "agentRole", normalizer.NormalizeName(Roles.Agent));
            Add(command, "adminEmail", normalizer.NormalizeEmail(seed.AdminEmail));
            Add(command, "agentEmail", normalizer.NormalizeEmail(seed.AgentEmail));
            return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) == 1;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        static void Add(DbCommand command, string name, string value)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@" + name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
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
