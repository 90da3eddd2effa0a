using System.Diagnostics;
using Microsoft.Data.Sqlite;
using WalletHelp.Tests.TestSupport;
using WalletHelp.Web.Infrastructure;

namespace WalletHelp.Tests.Security;

/// <summary>Defect 11: the real process, started on a broken database, says what is wrong in one line and exits non-zero.</summary>
public sealed class StartupFailureTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("wallethelp-startup-").FullName;

    private async Task<(int ExitCode, string Error, string Output)> StartAsync(string connectionString)
    {
        var dll = RepoPaths.Of("WalletHelp.Web", "bin", "Debug", "net10.0", "WalletHelp.Web.dll");
        Assert.True(File.Exists(dll), dll);
        var start = new ProcessStartInfo("dotnet", [dll, "--urls", "http://127.0.0.1:0"])
        {
            WorkingDirectory = folder,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ConnectionStrings__WalletHelp"] = connectionString;
        start.Environment["WalletHelp__Seed__AdminPassword"] = "Admin-Pass-123!";
        start.Environment["WalletHelp__Seed__AgentPassword"] = "Agent-Pass-123!";
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new Xunit.Sdk.XunitException("the app kept running instead of stopping with an error");
        }
        return (process.ExitCode, await error, await output);
    }

    private static void AssertOneClearLine((int ExitCode, string Error, string Output) result, string expected)
    {
        Assert.NotEqual(0, result.ExitCode);
        var lines = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var line = Assert.Single(lines, l => l.StartsWith("WalletHelp cannot start:", StringComparison.Ordinal));
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", result.Error + result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("SQLite Error", result.Error + result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CorruptDatabaseFile_SaysSoAndExitsNonZero()
    {
        var path = Path.Combine(folder, "wallethelp.db");
        await File.WriteAllTextAsync(path, new string('x', 8192), TestContext.Current.CancellationToken);

        AssertOneClearLine(await StartAsync($"Data Source={path}"), "not a valid SQLite database");
    }

    [Fact]
    public async Task DataFolderThatCannotBeCreated_SaysSoAndExitsNonZero()
    {
        // Running as root, permissions do not stop us: a folder below a regular file can never be created.
        var blocker = Path.Combine(folder, "not-a-folder");
        await File.WriteAllTextAsync(blocker, "", TestContext.Current.CancellationToken);

        AssertOneClearLine(await StartAsync($"Data Source={Path.Combine(blocker, "data", "wallethelp.db")}"), "cannot be created or written");
    }

    [Fact]
    public async Task LockedDatabase_SaysSoAndExitsNonZero()
    {
        var path = Path.Combine(folder, "locked.db");
        using var holder = new SqliteConnection($"Data Source={path};Pooling=False");
        holder.Open();
        using (var command = holder.CreateCommand())
        {
            command.CommandText = "PRAGMA locking_mode=EXCLUSIVE; CREATE TABLE held(x); BEGIN EXCLUSIVE; INSERT INTO held VALUES (1);";
            command.ExecuteNonQuery();
        }

        AssertOneClearLine(await StartAsync($"Data Source={path};Default Timeout=1"), "locked by another process");
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>Defect 10: a published app started from another folder runs from its own folder (outside Development).</summary>
public sealed class AppFolderTests : IDisposable
{
    private readonly string published = Directory.CreateTempSubdirectory("wallethelp-published-").FullName;
    private readonly string elsewhere = Directory.CreateTempSubdirectory("wallethelp-elsewhere-").FullName;

    public AppFolderTests()
    {
        File.WriteAllText(Path.Combine(published, "appsettings.json"), "{}");
        Directory.CreateDirectory(Path.Combine(published, "wwwroot"));
    }

    private static Func<string, string?> Variables(string? environment = null, string? contentRoot = null) => name => name switch
    {
        "ASPNETCORE_ENVIRONMENT" => environment,
        "ASPNETCORE_CONTENTROOT" => contentRoot,
        _ => null,
    };

    [Fact]
    public void StartedFromAnotherFolder_InProduction_UsesTheAppFolder() =>
        Assert.Equal(published, AppFolder.FolderToUse(elsewhere, published, [], Variables()));

    [Fact]
    public void StartedFromTheAppFolder_Stays() =>
        Assert.Null(AppFolder.FolderToUse(published, published, [], Variables("Production")));

    [Fact]
    public void Development_OrAnExplicitContentRoot_IsLeftAlone()
    {
        Assert.Null(AppFolder.FolderToUse(elsewhere, published, [], Variables("Development")));
        Assert.Null(AppFolder.FolderToUse(elsewhere, published, ["--environment", "Development"], Variables()));
        Assert.Null(AppFolder.FolderToUse(elsewhere, published, ["--contentRoot=/srv/x"], Variables()));
        Assert.Null(AppFolder.FolderToUse(elsewhere, published, [], Variables(contentRoot: "/srv/x")));
    }

    [Fact]
    public void AnAppFolderWithoutItsFiles_IsNotUsed() =>
        Assert.Null(AppFolder.FolderToUse(elsewhere, elsewhere + "-missing", [], Variables()));

    public void Dispose()
    {
        Directory.Delete(published, recursive: true);
        Directory.Delete(elsewhere, recursive: true);
    }
}
