using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using WalletHelp.Web.Data;
using WalletHelp.Web.Data.Faq;

namespace WalletHelp.Web.Services.Faq;

/// <summary>Keeps <see cref="FaqSearchIndex"/> (both its tables) in step with articles, inside the caller's transaction.</summary>
internal static class FaqIndexing
{
    public static Task ReindexAsync(ApplicationDbContext db, FaqArticle article, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        if (article.IsDeleted || article.Status != FaqStatus.Published)
        {
            return FaqSearchIndex.UpsertAsync(connection, transaction, article.Id, null, null, cancellationToken);
        }
        var chinese = (article.TitleZh, FaqMarkdown.ToPlainText(article.BodyZh));
        // Articles without English are findable in English too, under their Chinese text (the page falls back).
        var english = article.HasEnglish ? (article.TitleEn!, FaqMarkdown.ToPlainText(article.BodyEn)) : chinese;
        return FaqSearchIndex.UpsertAsync(connection, transaction, article.Id, chinese, english, cancellationToken);
    }

    /// <summary>Rewrites both index tables from the published articles (the seeder calls it at every start).</summary>
    /// <summary>True when both search tables hold rows (a fresh migration empties them).</summary>
    /// <summary>An SQL condition that holds when the search index has rows (the provider's own index tables).</summary>
    public static string PopulatedCondition(ApplicationDbContext db) => db.IsPostgres()
        ? "EXISTS (SELECT 1 FROM \"FaqSearchDocs\")"
        : "EXISTS (SELECT 1 FROM FaqSearch) AND EXISTS (SELECT 1 FROM FaqSearchGrams)";

    public static async Task<bool> IsPopulatedAsync(ApplicationDbContext db, CancellationToken cancellationToken)
    {
        var populated = await db.Database
            .SqlQueryRaw<long>(db.IsPostgres()
                ? PostgresFaqSearch.IsPopulatedSql
                : "SELECT (" + PopulatedCondition(db) + ") AS Value")
            .SingleAsync(cancellationToken);
        return populated == 1;
    }

    public static async Task RebuildAsync(ApplicationDbContext db, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync(db.IsPostgres() ? PostgresFaqSearch.ClearSql : "DELETE FROM FaqSearch; DELETE FROM FaqSearchGrams;", cancellationToken);
            foreach (var article in await db.FaqArticles.AsNoTracking()
                         .Where(a => a.Status == FaqStatus.Published && !a.IsDeleted).ToListAsync(cancellationToken))
            {
                await ReindexAsync(db, article, cancellationToken);
            }
            await tx.CommitAsync(cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
