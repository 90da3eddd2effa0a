namespace WalletHelp.Core.Reference;

/// <summary>The effective BIN table (shipped data + admin imports); an import or rollback replaces it at run time.</summary>
public interface IBinTableProvider
{
    BinTable Current { get; }
}

/// <summary>Thread-safe holder: readers see either the old or the new table, never a half-built one.</summary>
public sealed class BinTableProvider(BinTable initial) : IBinTableProvider
{
    private BinTable current = initial ?? throw new ArgumentNullException(nameof(initial));

    public BinTableProvider() : this(BinTable.Default)
    {
    }

    public BinTable Current => Volatile.Read(ref current);

    /// <summary>Replaces the table with the built-in one plus <paramref name="imported"/> (imported entries win).</summary>
    public void Import(IEnumerable<BinEntry> imported) => Replace(BinTable.Default.Merge(imported));

    public void Replace(BinTable table) => Volatile.Write(ref current, table ?? throw new ArgumentNullException(nameof(table)));
}
