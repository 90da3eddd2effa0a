namespace WalletHelp.Tests.TestSupport;

/// <summary>Paths in the repository the tests run from (found by walking up to WalletHelp.sln).</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Of(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "WalletHelp.sln")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("WalletHelp.sln not found above " + AppContext.BaseDirectory);
    }
}
