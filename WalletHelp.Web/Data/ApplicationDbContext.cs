using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using WalletHelp.Web.Data.Audit;
using WalletHelp.Web.Data.Diagnoses;
using WalletHelp.Web.Data.Faq;
using WalletHelp.Web.Data.Reference;
using WalletHelp.Web.Data.Rules;
using WalletHelp.Web.Data.Status;

namespace WalletHelp.Web.Data;

public class ApplicationDbContext(DbContextOptions<ApplicationDbContext> options) : IdentityDbContext<ApplicationUser>(options)
{
    public DbSet<DiagnosisRecord> Diagnoses => Set<DiagnosisRecord>();
    public DbSet<DiagnosisNote> DiagnosisNotes => Set<DiagnosisNote>();
    public DbSet<DiagnosisAttempt> DiagnosisAttempts => Set<DiagnosisAttempt>();
    public DbSet<DiagnosisCaseEvent> DiagnosisCaseEvents => Set<DiagnosisCaseEvent>();
    public DbSet<MaintenanceWindowEntity> MaintenanceWindows => Set<MaintenanceWindowEntity>();
    public DbSet<IncidentEntity> Incidents => Set<IncidentEntity>();
    public DbSet<AppSecret> AppSecrets => Set<AppSecret>();
    public DbSet<BinImport> BinImports => Set<BinImport>();
    public DbSet<BinImportRow> BinImportRows => Set<BinImportRow>();
    public DbSet<RuleParameterSetEntity> RuleParameterSets => Set<RuleParameterSetEntity>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<FaqCategory> FaqCategories => Set<FaqCategory>();
    public DbSet<FaqArticle> FaqArticles => Set<FaqArticle>();
    public DbSet<FaqArticleRevision> FaqArticleRevisions => Set<FaqArticleRevision>();
    public DbSet<FaqArticleVote> FaqArticleVotes => Set<FaqArticleVote>();
    public DbSet<FaqSearchQuery> FaqSearchQueries => Set<FaqSearchQuery>();
    public DbSet<FaqSynonymGroup> FaqSynonymGroups => Set<FaqSynonymGroup>();

    /// <summary>Every instant is a <see cref="DateTimeOffset"/> stored as UTC ticks, so SQLite compares and sorts them.</summary>
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToUtcTicksConverter>();
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(ApplicationDbContext).Assembly);
    }
}
