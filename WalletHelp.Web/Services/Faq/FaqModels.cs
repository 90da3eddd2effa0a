using WalletHelp.Web.Data.Faq;

namespace WalletHelp.Web.Services.Faq;

/// <summary>Whether an article is visible to readers (the entities store it as an integer).</summary>
public enum FaqStatus
{
    Draft = 0,
    Published = 1,
}

/// <summary>A category as the admin pages list and rename it (the names are edited in place).</summary>
public sealed class FaqCategoryRow
{
    public int Id { get; init; }
    public string Slug { get; init; } = "";
    public string NameZh { get; set; } = "";
    public string NameEn { get; set; } = "";
    public int SortOrder { get; init; }
}

public sealed record FaqArticleSummary(int Id, string Slug, string Title, string CategorySlug, DateTimeOffset UpdatedAt);

public sealed record FaqCategoryView(int Id, string Slug, string Name, IReadOnlyList<FaqArticleSummary> Articles);

/// <summary>A published article in the reader's language; <see cref="IsFallback"/> when English was missing.</summary>
public sealed record FaqArticleView(
    int Id, string Slug, string Title, string BodyMarkdown, string BodyHtml, string CategorySlug, string CategoryName,
    IReadOnlyList<string> Tags, DateTimeOffset UpdatedAt, string Language, bool IsFallback);

/// <summary>What the editor holds: the article's fields plus the <see cref="Version"/> it was loaded at.</summary>
public sealed class FaqEditModel
{
    public int Id { get; set; }
    public int Version { get; set; }
    public string Slug { get; set; } = "";
    public int CategoryId { get; set; }
    public string TitleZh { get; set; } = "";
    public string BodyZh { get; set; } = "";
    public string? TitleEn { get; set; }
    public string? BodyEn { get; set; }
    public string Tags { get; set; } = "";
    public int SortOrder { get; set; }
    public FaqStatus Status { get; set; }
    public string UpdatedBy { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; }
    public string? Note { get; set; }

    public FaqEditModel Clone() => (FaqEditModel)MemberwiseClone();

    internal static FaqEditModel From(FaqArticle a) => new()
    {
        Id = a.Id, Version = a.Version, Slug = a.Slug, CategoryId = a.CategoryId, TitleZh = a.TitleZh, BodyZh = a.BodyZh,
        TitleEn = a.TitleEn, BodyEn = a.BodyEn, Tags = a.Tags, SortOrder = a.SortOrder, Status = a.Status,
        UpdatedBy = a.UpdatedBy, UpdatedAt = a.UpdatedAt,
    };
}

public enum FaqSaveAction
{
    SaveDraft,
    Publish,
    Unpublish,
    /// <summary>Keep the current status (used by restore).</summary>
    KeepStatus,
}

public enum FaqSaveOutcome
{
    Saved,
    Conflict,
    Invalid,
    NotFound,
}

/// <summary>
/// The result of a save. On <see cref="FaqSaveOutcome.Conflict"/> nothing was written and both texts come
/// back: <see cref="Theirs"/> (what is stored now) and <see cref="Yours"/> (what this editor tried to save).
/// </summary>
public sealed record FaqSaveResult(FaqSaveOutcome Outcome, FaqEditModel? Saved = null, FaqEditModel? Theirs = null,
    FaqEditModel? Yours = null, string? ErrorKey = null);

public enum FaqLanguageFilter
{
    All,
    MissingEnglish,
    Complete,
}

public sealed record FaqAdminRow(int Id, string Slug, string TitleZh, string? TitleEn, FaqStatus Status, bool HasEnglish,
    string CategoryNameZh, string CategoryNameEn, DateTimeOffset UpdatedAt, string UpdatedBy, int Version);

public sealed record FaqRevisionRow(int Id, int Version, FaqStatus Status, string Author, DateTimeOffset CreatedAt, string? Note);

public enum FaqDiffKind
{
    Unchanged,
    Added,
    Removed,
}

public sealed record FaqDiffLine(FaqDiffKind Kind, string Text);

/// <summary>Line diff of one field between two revisions (field names: Slug, TitleZh, BodyZh, TitleEn, BodyEn, Tags, Status).</summary>
public sealed record FaqFieldDiff(string Field, IReadOnlyList<FaqDiffLine> Lines)
{
    public bool Changed => Lines.Any(l => l.Kind != FaqDiffKind.Unchanged);
}
