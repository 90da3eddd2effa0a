using Microsoft.Extensions.Configuration;
using WalletHelp.Web.Infrastructure.Security;
using WalletHelp.Web.Api;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WalletHelp.Web.Data;
using WalletHelp.Web.Data.Faq;
using WalletHelp.Web.Services.Audit;
using WalletHelp.Web.Services.Faq;

namespace WalletHelp.Tests.Faq;

/// <summary>A migrated, seeded SQLite file for component tests that need the real FAQ services without a host.</summary>
public sealed class FaqTestDatabase : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "wallethelp-tests", "faq-" + Guid.NewGuid().ToString("N"));

    public FaqTestDatabase() : this(null)
    {
    }

    /// <summary>On PostgreSQL when <paramref name="postgres"/> (an Npgsql connection string to an empty database) is given.</summary>
    public FaqTestDatabase(string? postgres)
    {
        Directory.CreateDirectory(folder);
        Postgres = postgres is not null;
        ConnectionString = postgres ?? $"Data Source={Path.Combine(folder, "faq.db")};Foreign Keys=True";
        var services = new ServiceCollection();
        Register(services);
        var provider = services.BuildServiceProvider();
        Factory = provider.GetRequiredService<IDbContextFactory<ApplicationDbContext>>();
        using (var db = Factory.CreateDbContext())
        {
            db.Database.Migrate();
        }
        new FaqSeeder(Factory, TimeProvider.System, Synonyms).SeedAsync(CancellationToken.None).GetAwaiter().GetResult();
    }

    public string ConnectionString { get; }

    public bool Postgres { get; }

    public IDbContextFactory<ApplicationDbContext> Factory { get; }

    public FaqSynonymService Synonyms => synonyms ??= new(Factory, TimeProvider.System);

    private FaqSynonymService? synonyms;

    public FaqService Reader => new(Factory, TimeProvider.System, Limits, Synonyms, SearchLog);

    /// <summary>The search log queue (no writer runs here: rows stay queued).</summary>
    public FaqSearchLog SearchLog { get; } = new();

    public WriteLimits Limits { get; } = new(Microsoft.Extensions.Options.Options.Create(new RateLimitOptions()));

    public FaqAdminService Admin => new(Factory, TimeProvider.System, Audit);

    public IAuditLog Audit => new AuditLog(Factory, TimeProvider.System);

    /// <summary>Adds the context factory and the FAQ services to a container (e.g. bUnit's).</summary>
    public void Register(IServiceCollection services)
    {
        // Same Identity schema as the app, so the model matches the migrations.
        services.Configure<IdentityOptions>(o => o.Stores.SchemaVersion = IdentitySchemaVersions.Version3);
        if (Postgres)
        {
            services.AddSingleton<Microsoft.Extensions.Configuration.IConfiguration>(new Microsoft.Extensions.Configuration.ConfigurationBuilder()
                .AddInMemoryCollection(new Dictionary<string, string?> { [DatabaseProviders.ConfigurationKey] = "Postgres" }).Build());
            services.AddDbContextFactory<ApplicationDbContext, WalletHelpDbContextFactory>(o => o.UseNpgsql(ConnectionString));
        }
        else
        {
            services.AddDbContextFactory<ApplicationDbContext>(o => o.UseSqlite(ConnectionString));
        }
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new FaqSynonymService(sp.GetRequiredService<IDbContextFactory<ApplicationDbContext>>(), TimeProvider.System));
        services.AddSingleton(Limits);
        services.TryAddScoped<WalletHelp.Web.Services.CircuitUser>();
        services.AddSingleton(SearchLog);
        services.AddScoped<FaqService>();
        services.AddScoped<FaqAdminService>();
        services.AddSingleton<IAuditLog, AuditLog>();
    }

    public async Task<FaqEditModel> CreateAsync(string slug, string titleZh, string bodyZh, string? titleEn = null, string? bodyEn = null,
        FaqSaveAction action = FaqSaveAction.Publish, string tags = "")
    {
        using var db = Factory.CreateDbContext();
        var category = db.Set<FaqCategory>().OrderBy(c => c.SortOrder).First();
        var result = await Admin.SaveAsync(new FaqEditModel
        {
            Slug = slug, CategoryId = category.Id, TitleZh = titleZh, BodyZh = bodyZh, TitleEn = titleEn, BodyEn = bodyEn, Tags = tags,
        }, action, "tester");
        Assert.Equal(FaqSaveOutcome.Saved, result.Outcome);
        return result.Saved!;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
