using WalletHelp.Web.Services.Faq;

namespace WalletHelp.Web.Data.Faq;

/// <summary>A group of FAQ articles, named in both languages.</summary>
public class FaqCategory
{
    public int Id { get; set; }
    public string Slug { get; set; } = "";
    public string NameZh { get; set; } = "";
    public string NameEn { get; set; } = "";
    public int SortOrder { get; set; }
    public List<FaqArticle> Articles { get; set; } = [];
}

/// <summary>
/// One knowledge-base article in Chinese and (optionally) English. <see cref="Version"/> is the optimistic
/// concurrency token: every save bumps it, and a save made from an older version is refused.
/// </summary>
public class FaqArticle
{
    public int Id { get; set; }
    public string Slug { get; set; } = "";
    public int CategoryId { get; set; }
    public FaqCategory? Category { get; set; }
    public string TitleZh { get; set; } = "";
    public string BodyZh { get; set; } = "";
    public string? TitleEn { get; set; }
    public string? BodyEn { get; set; }
    public FaqStatus Status { get; set; }
    /// <summary>Comma-separated, lower-case tags (used for "related articles").</summary>
    public string Tags { get; set; } = "";
    public int SortOrder { get; set; }
    public string UpdatedBy { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; }
    public bool IsDeleted { get; set; }
    public int Version { get; set; }
    public List<FaqArticleRevision> Revisions { get; set; } = [];
    public List<FaqArticleVote> Votes { get; set; } = [];

    public bool HasEnglish => !string.IsNullOrWhiteSpace(TitleEn) && !string.IsNullOrWhiteSpace(BodyEn);
}

/// <summary>A full snapshot of an article as saved; restoring one creates a new revision.</summary>
public class FaqArticleRevision
{
    public int Id { get; set; }
    public int ArticleId { get; set; }
    public FaqArticle? Article { get; set; }
    /// <summary>The article's <see cref="FaqArticle.Version"/> this snapshot was saved as.</summary>
    public int Version { get; set; }
    public string Slug { get; set; } = "";
    public int CategoryId { get; set; }
    public string TitleZh { get; set; } = "";
    public string BodyZh { get; set; } = "";
    public string? TitleEn { get; set; }
    public string? BodyEn { get; set; }
    public FaqStatus Status { get; set; }
    public string Tags { get; set; } = "";
    public int SortOrder { get; set; }
    public string Author { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public string? Note { get; set; }
}

/// <summary>"Was this helpful?" — one per page view, with an optional note about what was missing.</summary>
public class FaqArticleVote
{
    public int Id { get; set; }
    public int ArticleId { get; set; }
    public FaqArticle? Article { get; set; }
    public bool Helpful { get; set; }
    public string? Comment { get; set; }
    public string Language { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A search as typed on the FAQ page or the API (not personal data; capped at 200 characters).</summary>
public class FaqSearchQuery
{
    public const int MaxLength = 200;

    public int Id { get; set; }
    public string Query { get; set; } = "";
    public string Language { get; set; } = "";
    public int ResultCount { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
