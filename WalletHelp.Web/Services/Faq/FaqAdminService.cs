using WalletHelp.Web.Infrastructure.ReaderPages;
using System.Text.RegularExpressions;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;
using Microsoft.EntityFrameworkCore;
using WalletHelp.Web.Data;
using WalletHelp.Web.Data.Faq;
using WalletHelp.Web.Services.Audit;

namespace WalletHelp.Web.Services.Faq;

/// <summary>
/// Editing for admins: saves with optimistic concurrency (the editor's loaded Version must still be current),
/// a full revision on every save, the search index updated in the same transaction, soft delete, history,
/// diff and restore, and category management.
/// </summary>
public sealed partial class FaqAdminService(IDbContextFactory<ApplicationDbContext> factory, TimeProvider time, IAuditLog audit,
    IReaderCache? readerCache = null)
{
    // Cached FAQ pages and /api/v1/faq… must show the change on the next request.
    private Task FaqChangedAsync() => readerCache?.EvictAsync(ReaderCache.Faq) ?? Task.CompletedTask;

    /// <summary>
    /// Articles not deleted, and the revisions of those: every admin read and change goes through these (the compiled EF
    /// model cannot carry the soft-delete query filter). The slug check deliberately does not: a deleted article keeps
    /// its slug.
    /// </summary>
    private static IQueryable<FaqArticle> Live(IQueryable<FaqArticle> articles) => articles.Where(a => !a.IsDeleted);

    private static IQueryable<FaqArticleRevision> Live(IQueryable<FaqArticleRevision> revisions) =>
        revisions.Where(r => !r.Article!.IsDeleted);

    public async Task<IReadOnlyList<FaqAdminRow>> ListAsync(FaqStatus? status, FaqLanguageFilter language, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var query = Live(db.FaqArticles).AsNoTracking();
        if (status is { } s)
        {
            query = query.Where(a => a.Status == s);
        }
        var rows = await query.OrderBy(a => a.Category!.SortOrder).ThenBy(a => a.SortOrder)
            .Select(a => new { a, a.Category!.NameZh, a.Category.NameEn })
            .ToListAsync(cancellationToken);
        return rows
            .Select(r => new FaqAdminRow(r.a.Id, r.a.Slug, r.a.TitleZh, r.a.TitleEn, r.a.Status, r.a.HasEnglish, r.NameZh, r.NameEn,
                r.a.UpdatedAt, r.a.UpdatedBy, r.a.Version))
            .Where(r => language switch
            {
                FaqLanguageFilter.MissingEnglish => !r.HasEnglish,
                FaqLanguageFilter.Complete => r.HasEnglish,
                _ => true,
            })
            .ToList();
    }

    public async Task<FaqEditModel?> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var article = await Live(db.FaqArticles).AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        return article is null ? null : FaqEditModel.From(article);
    }

    /// <summary>
    /// Saves <paramref name="model"/> if nobody saved since it was loaded (model.Version). A stale save writes
    /// nothing and returns both texts, so neither is lost.
    /// </summary>
    public Task<FaqSaveResult> SaveAsync(FaqEditModel model, FaqSaveAction action, string user, CancellationToken cancellationToken = default) =>
        SaveAsync(model, action, AuditActor.Named(user), cancellationToken);

    /// <summary>As above, recording the save in the audit log (same transaction) as done by <paramref name="actor"/>.</summary>
    public Task<FaqSaveResult> SaveAsync(FaqEditModel model, FaqSaveAction action, AuditActor actor, CancellationToken cancellationToken = default) =>
        SaveAsync(model, action, actor, auditAction: null, cancellationToken);

    private async Task<FaqSaveResult> SaveAsync(FaqEditModel model, FaqSaveAction action, AuditActor actor, string? auditAction, CancellationToken cancellationToken)
    {
        var user = actor.Name;
        var yours = Normalize(model.Clone());
        if (Validate(yours) is { } error)
        {
            return new FaqSaveResult(FaqSaveOutcome.Invalid, Yours: yours, ErrorKey: error);
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (!await db.FaqCategories.AnyAsync(c => c.Id == yours.CategoryId, cancellationToken))
        {
            return new FaqSaveResult(FaqSaveOutcome.Invalid, Yours: yours, ErrorKey: "Faq.Admin.Error.Category");
        }
        // Deleted articles included: a deleted article still holds its slug (unique index).
        if (await db.FaqArticles.AnyAsync(a => a.Slug == yours.Slug && a.Id != yours.Id, cancellationToken))
        {
            return new FaqSaveResult(FaqSaveOutcome.Invalid, Yours: yours, ErrorKey: "Faq.Admin.Error.SlugTaken");
        }

        FaqArticle article;
        if (yours.Id == 0)
        {
            article = new FaqArticle { Version = 0 };
            db.Add(article);
        }
        else
        {
            var found = await Live(db.FaqArticles).FirstOrDefaultAsync(a => a.Id == yours.Id, cancellationToken);
            if (found is null)
            {
                return new FaqSaveResult(FaqSaveOutcome.NotFound, Yours: yours);
            }
            article = found;
            // The UPDATE's WHERE clause uses the version the editor loaded, not the one just read.
            db.Entry(article).Property(a => a.Version).OriginalValue = yours.Version;
        }

        var now = time.GetUtcNow();
        article.Slug = yours.Slug;
        article.CategoryId = yours.CategoryId;
        article.TitleZh = yours.TitleZh;
        article.BodyZh = yours.BodyZh;
        article.TitleEn = yours.TitleEn;
        article.BodyEn = yours.BodyEn;
        article.Tags = yours.Tags;
        article.SortOrder = yours.SortOrder;
        article.Status = action switch
        {
            FaqSaveAction.Publish => FaqStatus.Published,
            FaqSaveAction.Unpublish => FaqStatus.Draft,
            FaqSaveAction.SaveDraft when yours.Id == 0 => FaqStatus.Draft,
            _ => article.Status,
        };
        article.UpdatedAt = now;
        article.UpdatedBy = user;
        article.Version = yours.Version + 1;
        if (yours.Id == 0)
        {
            article.Version = 1;
        }

        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            db.Add(Snapshot(article, user, now, yours.Note));
            audit.Add(db, actor, auditAction ?? action switch
            {
                FaqSaveAction.Publish => AuditActions.FaqPublished,
                FaqSaveAction.Unpublish => AuditActions.FaqUnpublished,
                _ => AuditActions.FaqSaved,
            }, $"faq:{article.Id} {article.Slug}", $"v{article.Version}");
            await db.SaveChangesAsync(cancellationToken);
            await FaqIndexing.ReindexAsync(db, article, cancellationToken);
            await tx.CommitAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            await tx.RollbackAsync(cancellationToken);
            return new FaqSaveResult(FaqSaveOutcome.Conflict, Theirs: await GetAsync(yours.Id, cancellationToken), Yours: yours);
        }
        await FaqChangedAsync();
        return new FaqSaveResult(FaqSaveOutcome.Saved, Saved: FaqEditModel.From(article));
    }

    /// <summary>Soft delete (kept with its history; gone from readers and the index). Conflict-safe like a save.</summary>
    public Task<FaqSaveResult> DeleteAsync(int id, int version, string user, CancellationToken cancellationToken = default) =>
        DeleteAsync(id, version, AuditActor.Named(user), cancellationToken);

    public async Task<FaqSaveResult> DeleteAsync(int id, int version, AuditActor actor, CancellationToken cancellationToken = default)
    {
        var user = actor.Name;
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var article = await Live(db.FaqArticles).FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (article is null)
        {
            return new FaqSaveResult(FaqSaveOutcome.NotFound);
        }
        db.Entry(article).Property(a => a.Version).OriginalValue = version;
        var now = time.GetUtcNow();
        article.IsDeleted = true;
        article.Version = version + 1;
        article.UpdatedAt = now;
        article.UpdatedBy = user;
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            db.Add(Snapshot(article, user, now, "deleted"));
            audit.Add(db, actor, AuditActions.FaqDeleted, $"faq:{article.Id} {article.Slug}", $"v{article.Version}");
            await db.SaveChangesAsync(cancellationToken);
            await FaqIndexing.ReindexAsync(db, article, cancellationToken);
            await tx.CommitAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            await tx.RollbackAsync(cancellationToken);
            return new FaqSaveResult(FaqSaveOutcome.Conflict, Theirs: await GetAsync(id, cancellationToken));
        }
        await FaqChangedAsync();
        return new FaqSaveResult(FaqSaveOutcome.Saved, Saved: FaqEditModel.From(article));
    }

    public async Task<IReadOnlyList<FaqRevisionRow>> RevisionsAsync(int articleId, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await Live(db.FaqArticleRevisions).AsNoTracking().Where(r => r.ArticleId == articleId)
            .OrderByDescending(r => r.Version).ThenByDescending(r => r.Id)
            .Select(r => new FaqRevisionRow(r.Id, r.Version, r.Status, r.Author, r.CreatedAt, r.Note))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Line diffs (DiffPlex) of every field from one revision to another.</summary>
    public async Task<IReadOnlyList<FaqFieldDiff>> DiffAsync(int fromRevisionId, int toRevisionId, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var revisions = await Live(db.FaqArticleRevisions).AsNoTracking()
            .Where(r => r.Id == fromRevisionId || r.Id == toRevisionId).ToListAsync(cancellationToken);
        var from = revisions.FirstOrDefault(r => r.Id == fromRevisionId);
        var to = revisions.FirstOrDefault(r => r.Id == toRevisionId);
        if (from is null || to is null)
        {
            return [];
        }
        return
        [
            Diff("TitleZh", from.TitleZh, to.TitleZh),
            Diff("BodyZh", from.BodyZh, to.BodyZh),
            Diff("TitleEn", from.TitleEn, to.TitleEn),
            Diff("BodyEn", from.BodyEn, to.BodyEn),
            Diff("Slug", from.Slug, to.Slug),
            Diff("Tags", from.Tags, to.Tags),
            Diff("Status", from.Status.ToString(), to.Status.ToString()),
        ];
    }

    /// <summary>Puts a revision's text back as a new save (and so a new revision); keeps the current status.</summary>
    public Task<FaqSaveResult> RestoreAsync(int revisionId, int currentVersion, string user, CancellationToken cancellationToken = default) =>
        RestoreAsync(revisionId, currentVersion, AuditActor.Named(user), cancellationToken);

    public async Task<FaqSaveResult> RestoreAsync(int revisionId, int currentVersion, AuditActor actor, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var revision = await Live(db.FaqArticleRevisions).AsNoTracking().FirstOrDefaultAsync(r => r.Id == revisionId, cancellationToken);
        if (revision is null)
        {
            return new FaqSaveResult(FaqSaveOutcome.NotFound);
        }
        var model = new FaqEditModel
        {
            Id = revision.ArticleId, Version = currentVersion, Slug = revision.Slug, CategoryId = revision.CategoryId,
            TitleZh = revision.TitleZh, BodyZh = revision.BodyZh, TitleEn = revision.TitleEn, BodyEn = revision.BodyEn,
            Tags = revision.Tags, SortOrder = revision.SortOrder, Note = $"restored v{revision.Version}",
        };
        return await SaveAsync(model, FaqSaveAction.KeepStatus, actor, AuditActions.FaqRestored, cancellationToken);
    }

    public async Task<IReadOnlyList<FaqCategoryRow>> CategoriesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.FaqCategories.AsNoTracking().OrderBy(c => c.SortOrder).ThenBy(c => c.Id)
            .Select(c => new FaqCategoryRow { Id = c.Id, Slug = c.Slug, NameZh = c.NameZh, NameEn = c.NameEn, SortOrder = c.SortOrder })
            .ToListAsync(cancellationToken);
    }

    /// <summary>Creates a category at the end; null when the slug is invalid or taken, or a name is empty.</summary>
    public async Task<FaqCategoryRow?> CreateCategoryAsync(string slug, string nameZh, string nameEn, CancellationToken cancellationToken = default)
    {
        slug = (slug ?? "").Trim().ToLowerInvariant();
        if (!SlugPattern().IsMatch(slug) || string.IsNullOrWhiteSpace(nameZh) || string.IsNullOrWhiteSpace(nameEn))
        {
            return null;
        }
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (await db.FaqCategories.AnyAsync(c => c.Slug == slug, cancellationToken))
        {
            return null;
        }
        var last = await db.FaqCategories.MaxAsync(c => (int?)c.SortOrder, cancellationToken) ?? 0;
        var category = new FaqCategory { Slug = slug, NameZh = nameZh.Trim(), NameEn = nameEn.Trim(), SortOrder = last + 10 };
        db.Add(category);
        await db.SaveChangesAsync(cancellationToken);
        await FaqChangedAsync();
        return new FaqCategoryRow { Id = category.Id, Slug = category.Slug, NameZh = category.NameZh, NameEn = category.NameEn, SortOrder = category.SortOrder };
    }

    public async Task<bool> RenameCategoryAsync(int id, string nameZh, string nameEn, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(nameZh) || string.IsNullOrWhiteSpace(nameEn))
        {
            return false;
        }
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var category = await db.FaqCategories.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (category is null)
        {
            return false;
        }
        category.NameZh = nameZh.Trim();
        category.NameEn = nameEn.Trim();
        await db.SaveChangesAsync(cancellationToken);
        await FaqChangedAsync();
        return true;
    }

    /// <summary>Swaps a category with its neighbour (delta -1 = up, +1 = down) and renumbers all.</summary>
    public async Task MoveCategoryAsync(int id, int delta, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var all = await db.FaqCategories.OrderBy(c => c.SortOrder).ThenBy(c => c.Id).ToListAsync(cancellationToken);
        var index = all.FindIndex(c => c.Id == id);
        var target = index + Math.Sign(delta);
        if (index < 0 || target < 0 || target >= all.Count)
        {
            return;
        }
        (all[index], all[target]) = (all[target], all[index]);
        for (var i = 0; i < all.Count; i++)
        {
            all[i].SortOrder = (i + 1) * 10;
        }
        await db.SaveChangesAsync(cancellationToken);
        await FaqChangedAsync();
    }

    internal static FaqArticleRevision Snapshot(FaqArticle a, string author, DateTimeOffset at, string? note) => new()
    {
        ArticleId = a.Id, Version = a.Version, Slug = a.Slug, CategoryId = a.CategoryId, TitleZh = a.TitleZh, BodyZh = a.BodyZh,
        TitleEn = a.TitleEn, BodyEn = a.BodyEn, Status = a.Status, Tags = a.Tags, SortOrder = a.SortOrder, Author = author,
        CreatedAt = at, Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim()[..Math.Min(note.Trim().Length, 500)],
    };

    private static FaqFieldDiff Diff(string field, string? from, string? to)
    {
        var model = InlineDiffBuilder.Diff(from ?? "", to ?? "", ignoreWhiteSpace: false);
        return new FaqFieldDiff(field, model.Lines.Select(l => new FaqDiffLine(l.Type switch
        {
            ChangeType.Inserted => FaqDiffKind.Added,
            ChangeType.Deleted => FaqDiffKind.Removed,
            _ => FaqDiffKind.Unchanged,
        }, l.Text ?? "")).ToList());
    }

    private static FaqEditModel Normalize(FaqEditModel m)
    {
        m.Slug = (m.Slug ?? "").Trim().ToLowerInvariant();
        m.TitleZh = (m.TitleZh ?? "").Trim();
        m.BodyZh ??= "";
        m.TitleEn = string.IsNullOrWhiteSpace(m.TitleEn) ? null : m.TitleEn.Trim();
        m.BodyEn = string.IsNullOrWhiteSpace(m.BodyEn) ? null : m.BodyEn;
        m.Tags = string.Join(',', FaqService.SplitTags(m.Tags ?? ""));
        return m;
    }

    private static string? Validate(FaqEditModel m) =>
        !SlugPattern().IsMatch(m.Slug) ? "Faq.Admin.Error.Slug"
        : m.TitleZh.Length == 0 || string.IsNullOrWhiteSpace(m.BodyZh) ? "Faq.Admin.Error.ChineseRequired"
        : m.TitleZh.Length > 200 || m.TitleEn?.Length > 200 ? "Faq.Admin.Error.TitleLength"
        : m.Tags.Length > 400 ? "Faq.Admin.Error.Tags"
        : null;

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();
}
