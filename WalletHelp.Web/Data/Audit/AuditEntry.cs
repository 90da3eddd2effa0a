using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace WalletHelp.Web.Data.Audit;

/// <summary>
/// One line of the audit log: who did what to what, from where, when. Append-only: the <c>AuditLog</c>
/// migration adds SQLite triggers that abort any UPDATE or DELETE on the table. Holds no personal numbers
/// (every text is scrubbed before it is added, see <c>AuditLog</c>).
/// </summary>
public class AuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    /// <summary>The acting account's id; null for the system or an unknown account (e.g. a failed sign-in).</summary>
    public string? ActorId { get; set; }
    /// <summary>The acting account's user name (email), "system", or what was typed into a failed sign-in.</summary>
    public required string Actor { get; set; }
    /// <summary>A code from <c>AuditActions</c>, e.g. <c>faq.published</c>.</summary>
    public required string Action { get; set; }
    /// <summary>What it was done to: a diagnosis reference, <c>faq:12</c>, an account's email, …</summary>
    public string? Target { get; set; }
    /// <summary>Short scrubbed detail (new status, reason, …).</summary>
    public string? Detail { get; set; }
    /// <summary>The client address the request came from (as seen by the server).</summary>
    public string? ClientAddress { get; set; }
}

public sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("AuditEntries");
        builder.Property(e => e.ActorId).HasMaxLength(450);
        builder.Property(e => e.Actor).HasMaxLength(256);
        builder.Property(e => e.Action).HasMaxLength(64);
        builder.Property(e => e.Target).HasMaxLength(256);
        builder.Property(e => e.Detail).HasMaxLength(500);
        builder.Property(e => e.ClientAddress).HasMaxLength(64);
        builder.HasIndex(e => e.At);
        builder.HasIndex(e => new { e.Actor, e.At });
        builder.HasIndex(e => new { e.Action, e.At });
    }
}
