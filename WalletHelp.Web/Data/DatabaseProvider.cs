using Microsoft.EntityFrameworkCore;
using WalletHelp.Web.Data.Postgres;

namespace WalletHelp.Web.Data;

/// <summary>Which engine holds the data (<c>WalletHelp:Database:Provider</c>): SQLite (default) or PostgreSQL.</summary>
public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

public static class DatabaseProviders
{
    public const string ConfigurationKey = "WalletHelp:Database:Provider";

    /// <summary>The configured provider; an unknown name stops start-up with a clear message.</summary>
    public static DatabaseProvider From(IConfiguration configuration)
    {
        var value = configuration[ConfigurationKey];
        if (string.IsNullOrWhiteSpace(value))
        {
            return DatabaseProvider.Sqlite;
        }
        return value.Trim().ToLowerInvariant() switch
        {
            "sqlite" => DatabaseProvider.Sqlite,
            "postgres" or "postgresql" or "npgsql" => DatabaseProvider.Postgres,
            _ => throw new InvalidOperationException(
                $"{ConfigurationKey.Replace(":", "__", StringComparison.Ordinal)} must be Sqlite or Postgres, not '{value}'."),
        };
    }

    /// <summary>True when <paramref name="db"/> runs on PostgreSQL (raw SQL differs).</summary>
    public static bool IsPostgres(this ApplicationDbContext db) => db is PostgresDbContext;
}

/// <summary>
/// Creates the context for the configured provider: <see cref="ApplicationDbContext"/> on SQLite (its migrations),
/// <see cref="PostgresDbContext"/> on PostgreSQL (its own migrations). Services keep asking for
/// <see cref="IDbContextFactory{ApplicationDbContext}"/>.
/// </summary>
public sealed class WalletHelpDbContextFactory(DbContextOptions<ApplicationDbContext> options, IConfiguration configuration)
    : IDbContextFactory<ApplicationDbContext>
{
    private readonly bool postgres = DatabaseProviders.From(configuration) == DatabaseProvider.Postgres;

    public ApplicationDbContext CreateDbContext() => postgres ? new PostgresDbContext(options) : new ApplicationDbContext(options);
}
