using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace WalletHelp.Web.Data.Faq;

/// <summary>Words people use for the same thing ("绑卡", "银行卡绑定"); a FAQ search for one also tries the others.</summary>
public class FaqSynonymGroup
{
    public int Id { get; set; }

    /// <summary>The terms, separated by commas (Chinese and English may share a group).</summary>
    public string Terms { get; set; } = "";

    public DateTimeOffset UpdatedAt { get; set; }

    public string UpdatedBy { get; set; } = "";
}

public sealed class FaqSynonymGroupConfiguration : IEntityTypeConfiguration<FaqSynonymGroup>
{
    public void Configure(EntityTypeBuilder<FaqSynonymGroup> builder)
    {
        builder.ToTable("FaqSynonymGroups");
        builder.Property(g => g.Terms).HasMaxLength(600).IsRequired();
        builder.Property(g => g.UpdatedBy).HasMaxLength(256);
    }
}
