using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace WalletHelp.Web.Data.Reference;

/// <summary>
/// One admin BIN import. Every import is kept; the effective table is the shipped data plus the rows of every import
/// not rolled back, in import order (a later import wins on the same prefix).
/// </summary>
public class BinImport
{
    public long Id { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
    public string? FileName { get; set; }
    public int Added { get; set; }
    public int Changed { get; set; }
    public int Unchanged { get; set; }
    public int Rejected { get; set; }
    public DateTimeOffset? RolledBackAt { get; set; }
    public string? RolledBackBy { get; set; }
    public List<BinImportRow> Rows { get; set; } = [];
}

/// <summary>A good line of an import (added, changed or unchanged relative to the table it was imported over: all of them, so
/// rolling back an earlier import does not undo what a later one stated).</summary>
public class BinImportRow
{
    public long Id { get; set; }
    public long ImportId { get; set; }
    public required string Prefix { get; set; }
    public required string BankCode { get; set; }
    /// <summary>DC, CC, SCC or PC.</summary>
    public required string CardType { get; set; }
    public int Length { get; set; }
    public string? BankName { get; set; }
    public string? BankNameEn { get; set; }
}

public sealed class BinImportConfiguration : IEntityTypeConfiguration<BinImport>
{
    public void Configure(EntityTypeBuilder<BinImport> builder)
    {
        builder.ToTable("BinImports");
        builder.Property(i => i.CreatedBy).HasMaxLength(256);
        builder.Property(i => i.RolledBackBy).HasMaxLength(256);
        builder.Property(i => i.FileName).HasMaxLength(260);
        builder.HasMany(i => i.Rows).WithOne().HasForeignKey(r => r.ImportId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class BinImportRowConfiguration : IEntityTypeConfiguration<BinImportRow>
{
    public void Configure(EntityTypeBuilder<BinImportRow> builder)
    {
        builder.ToTable("BinImportRows");
        builder.Property(r => r.Prefix).HasMaxLength(10);
        builder.Property(r => r.BankCode).HasMaxLength(40);
        builder.Property(r => r.CardType).HasMaxLength(3);
        builder.Property(r => r.BankName).HasMaxLength(60);
        builder.Property(r => r.BankNameEn).HasMaxLength(60);
    }
}
