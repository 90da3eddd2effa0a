using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using WalletHelp.Web.Data.Audit;
using WalletHelp.Web.Data.Diagnoses;
using WalletHelp.Web.Data.Reference;
using WalletHelp.Web.Data.Rules;
using WalletHelp.Web.Data.Status;

namespace WalletHelp.Web.Data;

public class ApplicationDbContext(DbContextOptions<ApplicationDbContext> options) : IdentityDbContext<ApplicationUser>(options)
{
    public DbSet<DiagnosisRecord> Diagnoses => Set<DiagnosisRecord>();
    public DbSet<DiagnosisNote> DiagnosisNotes => Set<DiagnosisNote>();
    public DbSet<DiagnosisAttempt> DiagnosisAttempts => Set<DiagnosisAttempt>();
    public DbSet<MaintenanceWindowEntity> MaintenanceWindows => Set<MaintenanceWindowEntity>();
    public DbSet<IncidentEntity> Incidents => Set<IncidentEntity>();
    public DbSet<AppSecret> AppSecrets => Set<AppSecret>();
    public DbSet<BinImport> BinImports => Set<BinImport>();
    public DbSet<BinImportRow> BinImportRows => Set<BinImportRow>();
    public DbSet<RuleParameterSetEntity> RuleParameterSets => Set<RuleParameterSetEntity>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(ApplicationDbContext).Assembly);
    }
}
