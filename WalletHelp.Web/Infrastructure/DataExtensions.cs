using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using WalletHelp.Web.Data;

namespace WalletHelp.Web.Infrastructure;

public static class DataExtensions
{
    public const string ConnectionName = "WalletHelp";

    /// <summary>SQLite by default: a file under the app's data folder, created at start.</summary>
    public static WebApplicationBuilder AddWalletHelpData(this WebApplicationBuilder builder)
    {
        var contentRoot = builder.Environment.ContentRootPath;
        // Resolved when first needed, so configuration added by hosts (tests, orchestrators) is honoured.
        builder.Services.AddDbContextFactory<ApplicationDbContext>((services, options) =>
        {
            options.UseSqlite(ResolveConnectionString(services.GetRequiredService<IConfiguration>(), contentRoot));
            if (builder.Environment.IsDevelopment())
            {
                options.EnableDetailedErrors();
            }
        });
        // Identity's stores need a scoped context; feature services use the factory (short-lived contexts).
        builder.Services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<ApplicationDbContext>>().CreateDbContext());
        builder.Services.AddDatabaseDeveloperPageExceptionFilter();
        builder.Services.AddOptions<SeedOptions>().BindConfiguration(SeedOptions.Section);
        builder.Services.AddScoped<DatabaseSeeder>();
        return builder;
    }

    internal static string ResolveConnectionString(IConfiguration configuration, string contentRoot)
    {
        var configured = configuration.GetConnectionString(ConnectionName);
        var csb = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(configured)
            ? "Data Source=App_Data/wallethelp.db"
            : configured);
        if (csb.DataSource is { Length: > 0 } source && source != ":memory:" && csb.Mode != SqliteOpenMode.Memory)
        {
            var path = Path.IsPathRooted(source) ? source : Path.GetFullPath(Path.Combine(contentRoot, source));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            csb.DataSource = path;
        }
        csb.ForeignKeys = true;
        return csb.ToString();
    }

    /// <summary>Migrates (never EnsureCreated), switches the file to WAL and seeds. Idempotent.</summary>
    public static async Task InitializeDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        await scope.ServiceProvider.GetRequiredService<DatabaseSeeder>().SeedAsync(app.Lifetime.ApplicationStopping);
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
    }
}
