using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace WalletHelp.Web.Data.Rules;

/// <summary>A saved rule parameter set. <see cref="Number"/> counts 1, 2, …; set 0 is the configuration and is not stored.</summary>
public class RuleParameterSetEntity
{
    public int Number { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
    public required string Reason { get; set; }
    /// <summary>The set this one restored, if it was a restore.</summary>
    public int? RestoredFrom { get; set; }
    /// <summary>The values (DiagnosticsOptions as JSON).</summary>
    public required string ParametersJson { get; set; }
}

public sealed class RuleParameterSetConfiguration : IEntityTypeConfiguration<RuleParameterSetEntity>
{
    public void Configure(EntityTypeBuilder<RuleParameterSetEntity> builder)
    {
        builder.ToTable("RuleParameterSets");
        builder.HasKey(s => s.Number);
        // Numbers are assigned by the service (previous + 1) so a stale save collides on the key instead of forking.
        builder.Property(s => s.Number).ValueGeneratedNever();
        builder.Property(s => s.CreatedBy).HasMaxLength(256);
        builder.Property(s => s.Reason).HasMaxLength(500);
        builder.Property(s => s.ParametersJson).HasMaxLength(4000);
    }
}
