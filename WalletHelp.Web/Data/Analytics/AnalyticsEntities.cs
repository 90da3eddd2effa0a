using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace WalletHelp.Web.Data.Analytics;

/// <summary>
/// How many diagnoses were stored on a Beijing day (<see cref="DateOnly.DayNumber"/>) with an outcome. Kept by the same
/// trigger as <see cref="FindingDayCount"/>: a year of figures is at most 366 × 4 rows, whatever the number of diagnoses.
/// </summary>
public class DiagnosisDayCount
{
    public int Day { get; set; }
    public required string Outcome { get; set; }
    public long Count { get; set; }
}

/// <summary>
/// How many diagnoses of a symptom had a finding, per Beijing day (<see cref="DateOnly.DayNumber"/>). Kept by an
/// SQLite trigger on <c>Diagnoses</c> (migration <c>AdminAnalytics</c>), so every writer counts and the analytics
/// query reads a few thousand rows instead of splitting a million code lists. No personal data.
/// </summary>
public class FindingDayCount
{
    public int Day { get; set; }
    public required string Symptom { get; set; }
    public required string Code { get; set; }
    public long Count { get; set; }
}

/// <summary>
/// Wizard runs that reached a stage (step 1…n, or <see cref="ResultStage"/>), per Beijing day and symptom. Written
/// in batches by <c>WizardFunnelWriter</c>; holds counts only — no run id, address, answer or user.
/// </summary>
public class FunnelDayCount
{
    public const int ResultStage = 99;

    public int Day { get; set; }
    public required string Symptom { get; set; }
    public int Stage { get; set; }
    /// <summary>The step's key (personal, bank, application, transaction; "result" for the result).</summary>
    public required string StepKey { get; set; }
    public long Count { get; set; }
}

/// <summary>
/// How often a FAQ search that found nothing was made on a Beijing day, per query and language. Kept by an SQLite
/// trigger on <c>FaqSearchQueries</c> (migration <c>AnalyticsDailyCounts</c>), so a year of "searches without
/// results" reads the days' distinct queries instead of every logged search.
/// </summary>
public class SearchDayCount
{
    public int Day { get; set; }
    public required string Language { get; set; }
    public required string Query { get; set; }
    public long Count { get; set; }
}

/// <summary>"Was this helpful?" votes on an article per Beijing day, kept by an SQLite trigger on <c>FaqArticleVotes</c>.</summary>
public class VoteDayCount
{
    public int Day { get; set; }
    public int ArticleId { get; set; }
    public long Helpful { get; set; }
    public long NotHelpful { get; set; }
}

/// <summary>
/// Diagnoses (cases) stored on a Beijing day, by their case status now: triggers on <c>Diagnoses</c> add a new
/// diagnosis as <c>open</c> and move it when an agent changes its status.
/// </summary>
public class CaseDayCount
{
    public int Day { get; set; }
    public required string Status { get; set; }
    public long Count { get; set; }
}

public sealed class DiagnosisDayCountConfiguration : IEntityTypeConfiguration<DiagnosisDayCount>
{
    public void Configure(EntityTypeBuilder<DiagnosisDayCount> builder)
    {
        builder.ToTable("AnalyticsDiagnosisDays");
        builder.HasKey(c => new { c.Day, c.Outcome });
        builder.Property(c => c.Outcome).HasMaxLength(20);
    }
}

public sealed class FindingDayCountConfiguration : IEntityTypeConfiguration<FindingDayCount>
{
    public void Configure(EntityTypeBuilder<FindingDayCount> builder)
    {
        builder.ToTable("AnalyticsFindingDays");
        builder.HasKey(c => new { c.Day, c.Symptom, c.Code });
        // A range of days read from the index alone (the key's index would look up every row's Count).
        builder.HasIndex(c => new { c.Day, c.Symptom, c.Code, c.Count });
        builder.Property(c => c.Symptom).HasMaxLength(40);
        builder.Property(c => c.Code).HasMaxLength(40);
    }
}

public sealed class FunnelDayCountConfiguration : IEntityTypeConfiguration<FunnelDayCount>
{
    public void Configure(EntityTypeBuilder<FunnelDayCount> builder)
    {
        builder.ToTable("AnalyticsFunnelDays");
        builder.HasKey(c => new { c.Day, c.Symptom, c.Stage });
        builder.Property(c => c.Symptom).HasMaxLength(40);
        builder.Property(c => c.StepKey).HasMaxLength(20);
    }
}

public sealed class SearchDayCountConfiguration : IEntityTypeConfiguration<SearchDayCount>
{
    public void Configure(EntityTypeBuilder<SearchDayCount> builder)
    {
        builder.ToTable("AnalyticsSearchDays");
        builder.HasKey(c => new { c.Day, c.Language, c.Query });
        builder.HasIndex(c => new { c.Day, c.Language, c.Query, c.Count });
        builder.Property(c => c.Language).HasMaxLength(10);
        builder.Property(c => c.Query).HasMaxLength(Faq.FaqSearchQuery.MaxLength);
    }
}

public sealed class VoteDayCountConfiguration : IEntityTypeConfiguration<VoteDayCount>
{
    public void Configure(EntityTypeBuilder<VoteDayCount> builder)
    {
        builder.ToTable("AnalyticsVoteDays");
        builder.HasKey(c => new { c.Day, c.ArticleId });
        builder.HasIndex(c => new { c.Day, c.ArticleId, c.Helpful, c.NotHelpful });
    }
}

public sealed class CaseDayCountConfiguration : IEntityTypeConfiguration<CaseDayCount>
{
    public void Configure(EntityTypeBuilder<CaseDayCount> builder)
    {
        builder.ToTable("AnalyticsCaseDays");
        builder.HasKey(c => new { c.Day, c.Status });
        builder.Property(c => c.Status).HasMaxLength(20);
    }
}
