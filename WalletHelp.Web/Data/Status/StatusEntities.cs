using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace WalletHelp.Web.Data.Status;

/// <summary>Planned maintenance, announced by admins; the retry rules read it.</summary>
public class MaintenanceWindowEntity
{
    public long Id { get; set; }
    public DateTimeOffset StartsAt { get; set; }
    public DateTimeOffset EndsAt { get; set; }
    public required string Title { get; set; }
    public string? TitleEn { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
}

/// <summary>An operator incident (e.g. peak-time server failures); open while ResolvedAt is null.</summary>
public class IncidentEntity
{
    public long Id { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }
    public required string Title { get; set; }
    public string? TitleEn { get; set; }
    public bool AffectsOpening { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
}

public sealed class MaintenanceWindowConfiguration : IEntityTypeConfiguration<MaintenanceWindowEntity>
{
    public void Configure(EntityTypeBuilder<MaintenanceWindowEntity> builder)
    {
        builder.ToTable("MaintenanceWindows");
        builder.Property(m => m.Title).HasMaxLength(200);
        builder.Property(m => m.TitleEn).HasMaxLength(200);
        builder.Property(m => m.CreatedBy).HasMaxLength(256);
        // Stored as ticks so SQLite can compare and order them (DateTimeOffset text does not sort by instant).
        builder.HasIndex(m => m.EndsAt);
    }
}

public sealed class IncidentConfiguration : IEntityTypeConfiguration<IncidentEntity>
{
    public void Configure(EntityTypeBuilder<IncidentEntity> builder)
    {
        builder.ToTable("Incidents");
        builder.Property(i => i.Title).HasMaxLength(200);
        builder.Property(i => i.TitleEn).HasMaxLength(200);
        builder.Property(i => i.CreatedBy).HasMaxLength(256);
    }
}
