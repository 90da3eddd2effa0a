using Microsoft.EntityFrameworkCore;
using WalletHelp.Web.Data;
using WalletHelp.Web.Data.Faq;

namespace WalletHelp.Web.Services.Faq;

/// <summary>Inserts the seeded categories and articles whose slugs are missing (never overwrites edits), then rebuilds the search index.</summary>
public sealed class FaqSeeder(IDbContextFactory<ApplicationDbContext> factory, TimeProvider time, FaqSynonymService synonyms,
    Infrastructure.ReaderPages.IReaderCache? readerCache = null) : IContentSeeder
{
    public const string SeedAuthor = "seed";

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (await AlreadySeededAsync(db, cancellationToken))
        {
            // The common start: nothing to add, nothing to rebuild (one plain query, no EF query pipeline at start).
            return;
        }
        var now = time.GetUtcNow();

        var categories = await db.FaqCategories.ToDictionaryAsync(c => c.Slug, cancellationToken);
        foreach (var seed in FaqSeedContent.Categories.Where(c => !categories.ContainsKey(c.Slug)))
        {
            var category = new FaqCategory { Slug = seed.Slug, NameZh = seed.NameZh, NameEn = seed.NameEn, SortOrder = seed.SortOrder };
            db.Add(category);
            categories[seed.Slug] = category;
        }
        await db.SaveChangesAsync(cancellationToken);

        var existing = (await db.FaqArticles.Select(a => a.Slug).ToListAsync(cancellationToken)).ToHashSet();
        var order = 0;
        var added = new List<FaqArticle>();
        foreach (var seed in FaqSeedContent.Articles)
        {
            order += 10;
            if (existing.Contains(seed.Slug))
            {
                continue;
            }
            var article = new FaqArticle
            {
                Slug = seed.Slug, CategoryId = categories[seed.Category].Id, Tags = seed.Tags, SortOrder = order,
                TitleZh = seed.TitleZh, BodyZh = seed.BodyZh, TitleEn = seed.TitleEn, BodyEn = seed.BodyEn,
                Status = FaqStatus.Published, UpdatedAt = now, UpdatedBy = SeedAuthor, Version = 1,
            };
            db.Add(article);
            added.Add(article);
        }
        await db.SaveChangesAsync(cancellationToken);
        foreach (var article in added)
        {
            db.Add(FaqAdminService.Snapshot(article, SeedAuthor, now, "seeded"));
        }
        await db.SaveChangesAsync(cancellationToken);

        await synonyms.SeedAsync(cancellationToken);

        // Saves keep the index in step; rebuild only after seeding or when a migration emptied it.
        if (added.Count > 0 || !await FaqIndexing.IsPopulatedAsync(db, cancellationToken))
        {
            await FaqIndexing.RebuildAsync(db, cancellationToken);
        }
        // Something was added or rebuilt: pages and search answers cached before this are out of date.
        if (readerCache is not null)
        {
            await readerCache.EvictAsync(Infrastructure.ReaderPages.ReaderCache.Faq, cancellationToken);
        }
    }

    /// <summary>Every seeded category and article slug is there (also deleted ones: never re-added), synonyms exist, the index is populated.</summary>
    private static async Task<bool> AlreadySeededAsync(ApplicationDbContext db, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"""
                SELECT 'c:' || "Slug" FROM "FaqCategories" UNION ALL SELECT 'a:' || "Slug" FROM "FaqArticles"
                UNION ALL SELECT 's:' WHERE EXISTS (SELECT 1 FROM "FaqSynonymGroups")
                UNION ALL SELECT 'i:' WHERE {FaqIndexing.PopulatedCondition(db)}
                """;
            var present = new HashSet<string>(StringComparer.Ordinal);
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken)) present.Add(reader.GetString(0));
            }
            return present.Contains("s:") && present.Contains("i:")
                && FaqSeedContent.Categories.All(c => present.Contains("c:" + c.Slug))
                && FaqSeedContent.Articles.All(a => present.Contains("a:" + a.Slug));
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
