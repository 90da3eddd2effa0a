using Microsoft.EntityFrameworkCore;
using WalletHelp.Core.Reference;
using WalletHelp.Web.Data;
using WalletHelp.Web.Data.Reference;
using WalletHelp.Web.Services.Audit;

namespace WalletHelp.Web.Services.Reference;

/// <summary>A BIN entry as pages and the API show it (names resolved).</summary>
public sealed record BinView(string Prefix, string BankCode, string BankName, string BankNameEn, BinCardType CardType, int Length)
{
    public string CardTypeName => BinEntry.TypeName(CardType);
}

/// <summary>One rejected import line.</summary>
public sealed record BinRejection(int Line, int Column, string ColumnName, string Kind, string Reason, string? Value);

/// <summary>What an import did (or, for a dry run, would do) to the effective table.</summary>
public sealed record BinImportReport(
    bool DryRun,
    int Added,
    int Changed,
    int Unchanged,
    IReadOnlyList<BinRejection> Rejected,
    IReadOnlyList<string> AddedPrefixes,
    IReadOnlyList<string> ChangedPrefixes,
    long? ImportId);

public sealed record BinImportSummary(
    long Id, DateTimeOffset CreatedAt, string CreatedBy, string? FileName, int Added, int Changed, int Unchanged, int Rejected,
    int Rows, DateTimeOffset? RolledBackAt, string? RolledBackBy);

/// <summary>
/// The effective BIN table: shipped data (<see cref="BinTable.Default"/>) plus every admin import not rolled back.
/// Imports and rollbacks replace <see cref="BinTableProvider.Current"/>, so the next diagnosis uses them without a restart.
/// </summary>
public sealed class BinReferenceService(
    IDbContextFactory<ApplicationDbContext> dbFactory,
    BinTableProvider provider,
    BankDirectory directory,
    IAuditLog audit,
    TimeProvider time,
    ILogger<BinReferenceService> logger)
{
    /// <summary>Largest CSV accepted (about 60,000 lines).</summary>
    public const int MaxCsvBytes = 2 * 1024 * 1024;

    private readonly SemaphoreSlim writeLock = new(1, 1);

    public BinTable Current => provider.Current;

    /// <summary>Raised after an import or rollback changed the table here (other instances reload on it: <c>ClusterEvents</c>).</summary>
    public event Action? Changed;

    /// <summary>Rebuilds the effective table from the database (at start, and after each import or rollback).</summary>
    public async Task ReloadAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.BinImportRows.AsNoTracking()
            .Where(r => db.BinImports.Any(i => i.Id == r.ImportId && i.RolledBackAt == null))
            .OrderBy(r => r.ImportId).ThenBy(r => r.Id)
            .ToListAsync(cancellationToken);
        var entries = rows.Select(ToEntry).OfType<BinEntry>().ToList();
        provider.Replace(entries.Count == 0 ? BinTable.Default : BinTable.Default.Merge(entries));
    }

    public BinView? Lookup(string digits) =>
        provider.Current.TryMatch(digits, out var entry) ? View(entry) : null;

    /// <summary>Entries whose prefix starts with the digits typed (or is a prefix of them), else whose bank code or name contains the text.</summary>
    public IReadOnlyList<BinView> Search(string? query, int take = 100)
    {
        var table = provider.Current;
        IEnumerable<BinEntry> matches = table.Entries;
        var q = query?.Trim() ?? "";
        if (q.Length > 0)
        {
            var banks = table.BanksOver(directory);
            matches = q.All(char.IsAsciiDigit)
                ? matches.Where(e => e.Prefix.StartsWith(q, StringComparison.Ordinal) || q.StartsWith(e.Prefix, StringComparison.Ordinal))
                : matches.Where(e => e.BankCode.Contains(q, StringComparison.OrdinalIgnoreCase)
                    || (banks.FindByCode(e.BankCode) is { } b
                        && (b.ChineseName.Contains(q, StringComparison.OrdinalIgnoreCase) || b.EnglishName.Contains(q, StringComparison.OrdinalIgnoreCase)
                            || b.Aliases.Any(a => a.Contains(q, StringComparison.OrdinalIgnoreCase)))));
        }
        return [.. matches.Take(take).Select(View)];
    }

    public string ExportCsv() => BinCsvParser.Write(provider.Current.Entries, provider.Current.BanksOver(directory));

    /// <summary>Parses the CSV and compares it with the effective table; writes only when <paramref name="dryRun"/> is false.</summary>
    public async Task<BinImportReport> ImportAsync(string csv, bool dryRun, AuditActor actor, string? fileName = null, CancellationToken cancellationToken = default)
    {
        await writeLock.WaitAsync(cancellationToken);
        try
        {
            var table = provider.Current;
            var parsed = BinCsvParser.Parse(csv, table.BanksOver(directory));
            var added = new List<string>();
            var changed = new List<string>();
            var unchanged = 0;
            foreach (var line in parsed.Lines)
            {
                var existing = table.Find(line.Entry.Prefix);
                if (existing is null) added.Add(line.Entry.Prefix);
                else if (existing.SameAs(line.Entry)) unchanged++;
                else changed.Add(line.Entry.Prefix);
            }
            var rejected = parsed.Errors
                .Select(e => new BinRejection(e.Line, e.Column, e.ColumnName, e.Kind, e.Reason, e.Value))
                .ToList();
            long? importId = null;
            if (!dryRun && added.Count + changed.Count > 0)
            {
                await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
                var import = new BinImport
                {
                    CreatedAt = time.GetUtcNow(),
                    CreatedBy = actor.Name,
                    FileName = fileName is null ? null : Path.GetFileName(fileName)[..Math.Min(Path.GetFileName(fileName).Length, 260)],
                    Added = added.Count,
                    Changed = changed.Count,
                    Unchanged = unchanged,
                    Rejected = rejected.Count,
                    Rows = [.. parsed.Lines.Select(l => new BinImportRow
                    {
                        Prefix = l.Entry.Prefix,
                        BankCode = l.Entry.BankCode,
                        CardType = BinEntry.TypeCode(l.Entry.CardType),
                        Length = l.Entry.Length,
                        BankName = l.Entry.BankName,
                        BankNameEn = l.Entry.BankNameEn,
                    })],
                };
                // The import's id exists only after its insert; one transaction holds the import and its audit entry.
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                db.BinImports.Add(import);
                await db.SaveChangesAsync(cancellationToken);
                audit.Add(db, actor, AuditActions.BinsImported, $"bin-import:{import.Id}",
                    $"{added.Count} added, {changed.Count} changed, {unchanged} unchanged, {rejected.Count} rejected");
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                importId = import.Id;
                await ReloadAsync(cancellationToken);
                Changed?.Invoke();
                logger.LogInformation("BIN import {Id} by {Actor}: {Added} added, {Changed} changed, {Unchanged} unchanged, {Rejected} rejected",
                    import.Id, actor.Name, added.Count, changed.Count, unchanged, rejected.Count);
            }
            return new BinImportReport(dryRun, added.Count, changed.Count, unchanged, rejected, added, changed, importId);
        }
        finally
        {
            writeLock.Release();
        }
    }

    public async Task<IReadOnlyList<BinImportSummary>> ListImportsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var imports = await db.BinImports.AsNoTracking()
            .OrderByDescending(i => i.Id)
            .Select(i => new BinImportSummary(i.Id, i.CreatedAt, i.CreatedBy, i.FileName, i.Added, i.Changed, i.Unchanged, i.Rejected,
                i.Rows.Count, i.RolledBackAt, i.RolledBackBy))
            .ToListAsync(cancellationToken);
        return imports;
    }

    /// <summary>Marks an import rolled back (it stays in the history) and rebuilds the table; false when unknown or already rolled back.</summary>
    public async Task<bool> RollbackAsync(long importId, AuditActor actor, CancellationToken cancellationToken = default)
    {
        await writeLock.WaitAsync(cancellationToken);
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var import = await db.BinImports.FirstOrDefaultAsync(i => i.Id == importId, cancellationToken);
            if (import is null || import.RolledBackAt is not null) return false;
            import.RolledBackAt = time.GetUtcNow();
            import.RolledBackBy = actor.Name;
            audit.Add(db, actor, AuditActions.BinsRolledBack, $"bin-import:{importId}");
            await db.SaveChangesAsync(cancellationToken);
            await ReloadAsync(cancellationToken);
            Changed?.Invoke();
            logger.LogInformation("BIN import {Id} rolled back by {Actor}", importId, actor.Name);
            return true;
        }
        finally
        {
            writeLock.Release();
        }
    }

    private BinView View(BinEntry entry)
    {
        var bank = provider.Current.BanksOver(directory).FindByCode(entry.BankCode);
        var zh = entry.BankName ?? bank?.ChineseName ?? entry.BankCode;
        return new BinView(entry.Prefix, entry.BankCode, zh, entry.BankNameEn ?? bank?.EnglishName ?? zh, entry.CardType, entry.Length);
    }

    private static BinEntry? ToEntry(BinImportRow row) =>
        BinTable.IsValidPrefix(row.Prefix) && BinEntry.TryParseType(row.CardType, out var type)
            ? new BinEntry(row.Prefix, row.BankCode, type, row.Length, row.BankName, row.BankNameEn)
            : null;
}
