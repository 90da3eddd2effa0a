using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using WalletHelp.Web.Data;
using WalletHelp.Web.Data.Postgres;

namespace WalletHelp.Web.Infrastructure;

public static class DataExtensions
{
    public const string ConnectionName = "WalletHelp";

    /// <summary>
    /// SQLite by default: a file under the app's data folder, created at start. PostgreSQL when
    /// <c>WalletHelp:Database:Provider</c> is <c>Postgres</c> (<c>ConnectionStrings:WalletHelp</c> in Npgsql's syntax);
    /// then the Data Protection keys live in the database too, so every instance reads every cookie and token.
    /// </summary>
    public static WebApplicationBuilder AddWalletHelpData(this WebApplicationBuilder builder)
    {
        var contentRoot = builder.Environment.ContentRootPath;
        // Resolved when first needed, so configuration added by hosts (tests, orchestrators) is honoured.
        builder.Services.AddDbContextFactory<ApplicationDbContext, WalletHelpDbContextFactory>((services, options) =>
        {
            var configuration = services.GetRequiredService<IConfiguration>();
            if (DatabaseProviders.From(configuration) == DatabaseProvider.Postgres)
            {
                options.UseNpgsql(configuration.GetConnectionString(ConnectionName)
                    ?? throw new InvalidOperationException("ConnectionStrings__WalletHelp must be set for the Postgres provider."));
                // The compiled model (Data/CompiledModels, `dotnet ef dbcontext optimize`): the model is not built from
                // OnModelCreating at the first use, which cost ~0.9 s of every start. CompiledModelTests fail when stale.
                options.UseModel(Data.CompiledModels.Postgres.PostgresDbContextModel.Instance);
            }
            else
            {
                options.UseSqlite(ResolveConnectionString(configuration, contentRoot));
                options.UseModel(Data.CompiledModels.Sqlite.ApplicationDbContextModel.Instance);
                // Older migrations run data SQL after column changes that SQLite makes by rebuilding the table; the SQL
                // was written for that order and the schema tests check the result. Without this, a first start printed
                // some thirty of these warnings, which told an operator nothing they could act on.
                options.ConfigureWarnings(w => w.Ignore(Microsoft.EntityFrameworkCore.Diagnostics.SqliteEventId.TableRebuildPendingWarning));
            }
            // Migrate() would otherwise build the whole model from OnModelCreating (the design-time model) to compare it
            // with the migrations' snapshot, on every start that applies a migration: what the compiled model saves.
            // CompiledModelTests asserts the same (HasPendingModelChanges) for both providers at test time.
            options.ConfigureWarnings(w => w.Ignore(Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.PendingModelChangesWarning));
            if (builder.Environment.IsDevelopment())
            {
                options.EnableDetailedErrors();
            }
        });
        // Identity's stores need a scoped context; feature services use the factory (short-lived contexts).
        builder.Services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<ApplicationDbContext>>().CreateDbContext());
        builder.Services.AddScoped(sp => (PostgresDbContext)sp.GetRequiredService<IDbContextFactory<ApplicationDbContext>>().CreateDbContext());
        builder.Services.AddDataProtection();
        builder.Services.AddOptions<KeyManagementOptions>().Configure<IServiceProvider, IConfiguration, ILoggerFactory>((o, services, configuration, logs) =>
        {
            if (DatabaseProviders.From(configuration) == DatabaseProvider.Postgres)
            {
                o.XmlRepository = new EntityFrameworkCoreXmlRepository<PostgresDbContext>(services, logs);
            }
        });
        builder.Services.AddOptions<DataProtectionOptions>().Configure<IConfiguration>((o, configuration) =>
        {
            if (DatabaseProviders.From(configuration) == DatabaseProvider.Postgres)
            {
                // Same name on every instance whatever folder it runs from: the key ring is shared.
                o.ApplicationDiscriminator = "WalletHelp";
            }
        });
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
        if (!db.IsPostgres())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }
    }
}
