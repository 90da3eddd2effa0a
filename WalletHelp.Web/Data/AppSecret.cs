using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace WalletHelp.Web.Data;

/// <summary>A generated secret (e.g. the keyed-hash key) stored encrypted with ASP.NET Core Data Protection.</summary>
public class AppSecret
{
    public required string Name { get; set; }
    public required string ProtectedValue { get; set; }
}

public sealed class AppSecretConfiguration : IEntityTypeConfiguration<AppSecret>
{
    public void Configure(EntityTypeBuilder<AppSecret> builder)
    {
        builder.ToTable("AppSecrets");
        builder.HasKey(s => s.Name);
        builder.Property(s => s.Name).HasMaxLength(100);
    }
}
