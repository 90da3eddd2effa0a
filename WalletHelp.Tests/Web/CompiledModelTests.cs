using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using WalletHelp.Web.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using WalletHelp.Web.Data;
using WalletHelp.Web.Data.Postgres;
using SqliteModel = WalletHelp.Web.Data.CompiledModels.Sqlite.ApplicationDbContextModel;
using PostgresModel = WalletHelp.Web.Data.CompiledModels.Postgres.PostgresDbContextModel;

namespace WalletHelp.Tests.Web;

/// <summary>
/// The app runs on EF Core compiled models (<c>Data/CompiledModels</c>: the model is not built from OnModelCreating at
/// the first use, ~0.9 s of every start). When an entity or its configuration changes and the compiled model is not
/// regenerated, the app would run on the old model: these tests build the model the normal way and compare.
/// </summary>
public sealed class CompiledModelTests
{
    private const string Regenerate =
        "The compiled EF Core model is stale (the entities or their configuration changed). Regenerate both, from the repository root: "
        + "dotnet tool restore && dotnet ef dbcontext optimize --project WalletHelp.Web --context ApplicationDbContext "
        + "-o Data/CompiledModels/Sqlite -n WalletHelp.Web.Data.CompiledModels.Sqlite && WalletHelp__Database__Provider=Postgres "
        + "ConnectionStrings__WalletHelp=\"Host=localhost;Database=x\" dotnet ef dbcontext optimize --project WalletHelp.Web "
        + "--context PostgresDbContext -o Data/CompiledModels/Postgres -n WalletHelp.Web.Data.CompiledModels.Postgres "
        + "(or tools/optimize-model.sh). Differences: ";

    [Fact]
    public void Sqlite_CompiledModelMatchesTheBuiltModel()
    {
        using var db = Context(DatabaseProvider.Sqlite);
        Assert.IsNotType<PostgresDbContext>(db);
        AssertSame(db, SqliteModel.Instance);
    }

    [Fact]
    public void Postgres_CompiledModelMatchesTheBuiltModel()
    {
        using var db = Context(DatabaseProvider.Postgres);
        Assert.IsType<PostgresDbContext>(db);
        AssertSame(db, PostgresModel.Instance);
    }

    /// <summary>The app's own registration (DataExtensions: UseModel per provider), with the app's Identity schema.</summary>
    private static ApplicationDbContext Context(DatabaseProvider provider)
    {
        var folder = Path.Combine(Path.GetTempPath(), "wallethelp-tests", "model-" + Guid.NewGuid().ToString("N"));
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [DatabaseProviders.ConfigurationKey] = provider.ToString(),
            // Never opened: the model needs no connection.
            ["ConnectionStrings:WalletHelp"] = provider == DatabaseProvider.Postgres ? "Host=localhost;Database=x" : $"Data Source={folder}/m.db",
        });
        builder.AddWalletHelpData();
        builder.Services.Configure<IdentityOptions>(o => o.Stores.SchemaVersion = IdentitySchemaVersions.Version3);
        var services = builder.Services.BuildServiceProvider();
        return services.GetRequiredService<IDbContextFactory<ApplicationDbContext>>().CreateDbContext();
    }

    private static void AssertSame(ApplicationDbContext db, IModel compiled)
    {
        // What the app runs on is the compiled model …
        Assert.Same(compiled, db.Model);
        // … and what OnModelCreating builds today (the design-time model ignores the compiled one) must not differ.
        var built = db.GetService<IDesignTimeModel>().Model;
        Assert.NotSame(compiled, built);
        // IMigrationsModelDiffer cannot read a compiled model ("not stored in the read-optimized model"), so both are
        // written out as lines — tables, columns with their store types, keys, indexes, foreign keys, triggers; entity
        // types, properties, converters, navigations — and compared.
        var expected = Tables(built.GetRelationalModel()).Concat(Shape(built)).ToList();
        var actual = Tables(compiled.GetRelationalModel()).Concat(Shape(compiled)).ToList();
        var missing = expected.Except(actual).ToList();
        var extra = actual.Except(expected).ToList();
        Assert.True(missing.Count == 0 && extra.Count == 0, Regenerate
            + $"in the built model but not in the compiled one: {string.Join(" / ", missing.Take(10))}; "
            + $"only in the compiled one: {string.Join(" / ", extra.Take(10))}");
        Assert.True(expected.Count > 100, "the comparison saw the model");
        // The app skips this check when it migrates (PendingModelChangesWarning ignored: it would build the model at every
        // start that migrates), so it is made here: the migrations' snapshot matches the model.
        Assert.False(db.Database.HasPendingModelChanges(),
            "The model has changes no migration captures: add one (README, \"EF migrations\"), for both providers.");
    }

    private static IEnumerable<string> Tables(IRelationalModel model) => model.Tables.OrderBy(t => t.Name).SelectMany(t =>
        new[] { $"table {t.Schema}.{t.Name} pk {t.PrimaryKey?.Name}({Columns(t.PrimaryKey?.Columns)})" }
            .Concat(t.Columns.Select(c => $"column {t.Name}.{c.Name} {c.StoreType} null={c.IsNullable}"))
            .Concat(t.Indexes.Select(i => $"index {t.Name}.{i.Name}({Columns(i.Columns)}) unique={i.IsUnique}"))
            .Concat(t.UniqueConstraints.Select(u => $"unique {t.Name}.{u.Name}({Columns(u.Columns)})"))
            .Concat(t.ForeignKeyConstraints.Select(f =>
                $"fk {t.Name}.{f.Name}({Columns(f.Columns)}) -> {f.PrincipalTable.Name}({Columns(f.PrincipalColumns)}) {f.OnDeleteAction}"))
            .Concat(t.Triggers.Select(g => $"trigger {t.Name}.{g.ModelName}")));

    private static string Columns(IEnumerable<IColumn>? columns) => string.Join("+", (columns ?? []).Select(c => c.Name));

    private static IEnumerable<string> Shape(IModel model) => model.GetEntityTypes().OrderBy(e => e.Name).SelectMany(e =>
        new[] { $"entity {e.Name} keys " + string.Join(",", e.GetKeys().Select(k => string.Join("+", k.Properties.Select(p => p.Name)))) }
            .Concat(e.GetProperties().Select(p => $"property {e.Name}.{p.Name} {p.ClrType.Name} null={p.IsNullable} max={p.GetMaxLength()} "
                + $"token={p.IsConcurrencyToken} generated={p.ValueGenerated} converter={Converts(p.GetValueConverter())}"))
            .Concat(e.GetNavigations().Select(n => $"navigation {e.Name}.{n.Name} -> {n.TargetEntityType.Name}"))
            .Concat(e.GetForeignKeys().Select(f => $"foreign key {e.Name}({string.Join("+", f.Properties.Select(p => p.Name))}) {f.DeleteBehavior} required={f.IsRequired}")));

    /// <summary>
    /// The compiled model copies a converter's expressions (DateTimeOffsetToUtcTicksConverter becomes a plain
    /// ValueConverter): what a sample value converts to shows whether the copy is the converter's current logic.
    /// </summary>
    private static string Converts(Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter? converter)
    {
        if (converter is null)
        {
            return "none";
        }
        var type = Nullable.GetUnderlyingType(converter.ModelClrType) ?? converter.ModelClrType;
        object? sample = type == typeof(DateTimeOffset) ? new DateTimeOffset(2026, 11, 26, 20, 34, 56, 789, TimeSpan.FromHours(8))
            : type.IsEnum ? Enum.GetValues(type).GetValue(Enum.GetValues(type).Length - 1)
            : null;
        return $"{converter.ProviderClrType.Name}:{(sample is null ? "?" : converter.ConvertToProvider(sample))}";
    }
}
