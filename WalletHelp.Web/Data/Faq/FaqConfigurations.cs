using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace WalletHelp.Web.Data.Faq;

public sealed class FaqCategoryConfiguration : IEntityTypeConfiguration<FaqCategory>
{
    public void Configure(EntityTypeBuilder<FaqCategory> builder)
    {
        builder.ToTable("FaqCategories");
        builder.Property(c => c.Slug).HasMaxLength(80).IsRequired();
        builder.HasIndex(c => c.Slug).IsUnique();
        builder.Property(c => c.NameZh).HasMaxLength(100).IsRequired();
        builder.Property(c => c.NameEn).HasMaxLength(100).IsRequired();
    }
}

public sealed class FaqArticleConfiguration : IEntityTypeConfiguration<FaqArticle>
{
    public void Configure(EntityTypeBuilder<FaqArticle> builder)
    {
        builder.ToTable("FaqArticles");
        builder.Property(a => a.Slug).HasMaxLength(80).IsRequired();
        builder.HasIndex(a => a.Slug).IsUnique();
        builder.Property(a => a.TitleZh).HasMaxLength(200).IsRequired();
        builder.Property(a => a.TitleEn).HasMaxLength(200);
        builder.Property(a => a.BodyZh).IsRequired();
        builder.Property(a => a.Tags).HasMaxLength(400);
        builder.Property(a => a.UpdatedBy).HasMaxLength(256);
        builder.Property(a => a.Status).HasConversion<int>();
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.Ignore(a => a.HasEnglish);
        builder.HasIndex(a => new { a.CategoryId, a.SortOrder });
        builder.HasOne(a => a.Category).WithMany(c => c.Articles).HasForeignKey(a => a.CategoryId).OnDelete(DeleteBehavior.Restrict);
        // Deleting is soft (revisions stay for the audit trail). No query filter: EF Core's compiled model
        // (Data/CompiledModels, for start-up time) cannot hold one, so every query that must not see a deleted article
        // says `!a.IsDeleted` (revisions and votes: `!r.Article!.IsDeleted`); the slug check deliberately includes them
        // (a deleted article still holds its slug). FaqSoftDeleteTests covers every reader, admin and API path.
    }
}

public sealed class FaqArticleRevisionConfiguration : IEntityTypeConfiguration<FaqArticleRevision>
{
    public void Configure(EntityTypeBuilder<FaqArticleRevision> builder)
    {
        builder.ToTable("FaqArticleRevisions");
        builder.Property(r => r.Slug).HasMaxLength(80).IsRequired();
        builder.Property(r => r.TitleZh).HasMaxLength(200).IsRequired();
        builder.Property(r => r.TitleEn).HasMaxLength(200);
        builder.Property(r => r.Tags).HasMaxLength(400);
        builder.Property(r => r.Author).HasMaxLength(256);
        builder.Property(r => r.Note).HasMaxLength(500);
        builder.Property(r => r.Status).HasConversion<int>();
        builder.HasIndex(r => new { r.ArticleId, r.Version });
        builder.HasOne(r => r.Article).WithMany(a => a.Revisions).HasForeignKey(r => r.ArticleId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class FaqArticleVoteConfiguration : IEntityTypeConfiguration<FaqArticleVote>
{
    public void Configure(EntityTypeBuilder<FaqArticleVote> builder)
    {
        // The trigger keeps AnalyticsVoteDays (migration AnalyticsDailyCounts).
        builder.ToTable("FaqArticleVotes", t => t.HasTrigger("FaqArticleVotes_CountDays"));
        builder.Property(v => v.Comment).HasMaxLength(1000);
        builder.Property(v => v.Language).HasMaxLength(10);
        builder.HasIndex(v => v.ArticleId);
        // Analytics: the newest "why not" comments of an article in a date range.
        builder.HasIndex(v => new { v.ArticleId, v.Helpful, v.CreatedAt }).HasDatabaseName("IX_FaqArticleVotes_ArticleId_Helpful_CreatedAt");
        builder.HasOne(v => v.Article).WithMany(a => a.Votes).HasForeignKey(v => v.ArticleId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class FaqSearchQueryConfiguration : IEntityTypeConfiguration<FaqSearchQuery>
{
    public void Configure(EntityTypeBuilder<FaqSearchQuery> builder)
    {
        // The trigger keeps AnalyticsSearchDays for searches without results (migration AnalyticsDailyCounts).
        builder.ToTable("FaqSearchQueries", t => t.HasTrigger("FaqSearchQueries_CountZeroResults"));
        builder.Property(q => q.Query).HasMaxLength(FaqSearchQuery.MaxLength).IsRequired();
        builder.Property(q => q.Language).HasMaxLength(10);
        builder.HasIndex(q => q.CreatedAt);
    }
}
