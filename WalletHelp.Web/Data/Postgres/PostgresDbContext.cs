using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace WalletHelp.Web.Data.Postgres;

/// <summary>
/// The same model on PostgreSQL (<c>WalletHelp:Database:Provider = Postgres</c>), with its own migrations
/// (<c>Data/Postgres/Migrations</c>, attributed to this type so the SQLite set is never mixed in) and the
/// Data Protection key ring, which every instance of a farm must share. Migrations are made through the app host
/// (so Identity's runtime options shape the model): <c>WalletHelp__Database__Provider=Postgres
/// ConnectionStrings__WalletHelp="Host=localhost;Database=x" dotnet ef migrations add Name --context PostgresDbContext
/// -o Data/Postgres/Migrations --project WalletHelp.Web</c> (no server needed). Instants stay UTC ticks (bigint), as on
/// SQLite, so the analytics day arithmetic is the same on both.
/// </summary>
public sealed class PostgresDbContext(DbContextOptions<ApplicationDbContext> options) : ApplicationDbContext(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // FAQ search (PostgresFaqSearch) joins every candidate document to its article for the status and the order:
        // an index-only scan of this covering index instead of a visit to the wide article row (both languages' bodies).
        builder.Entity<Faq.FaqArticle>().HasIndex(a => a.Id, "IX_FaqArticles_Search")
            .IncludeProperties(a => new { a.SortOrder, a.Status, a.IsDeleted });
    }
}
