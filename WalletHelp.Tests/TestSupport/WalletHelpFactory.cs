using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using WalletHelp.Web.Data;
using WalletHelp.Web.Infrastructure.Startup;

namespace WalletHelp.Tests.TestSupport;

/// <summary>
/// The real app over a real SQLite file in a fresh temp folder; captures every log line so tests can check
/// that personal data never reaches the logs. Call <see cref="UseRealPort"/> before first use for browser tests.
/// </summary>
public class WalletHelpFactory : WebApplicationFactory<Program>
{
    public const string AdminEmail = "admin@test.local";
    public const string AdminPassword = "Admin-Pass-123!";
    public const string AgentEmail = "agent@test.local";
    public const string AgentPassword = "Agent-Pass-123!";

    private readonly string folder = Path.Combine(Path.GetTempPath(), "wallethelp-tests", Guid.NewGuid().ToString("N"));
    private readonly Dictionary<string, string?> settings = new();

    public WalletHelpFactory()
    {
        Directory.CreateDirectory(folder);
        DatabasePath = Path.Combine(folder, "wallethelp.db");
    }

    public string DatabasePath { get; }

    public ConcurrentQueue<string> Logs { get; } = new();

    /// <summary>Extra configuration (e.g. rate limits) applied on top of the test defaults.</summary>
    public WalletHelpFactory With(string key, string? value)
    {
        settings[key] = value;
        return this;
    }

    /// <summary>The hosting environment (Development by default; "Production" for the published app's behaviour).</summary>
    public string EnvironmentName { get; private set; } = "Development";

    public WalletHelpFactory InEnvironment(string environment)
    {
        EnvironmentName = environment;
        return this;
    }

    public WalletHelpFactory UseRealPort()
    {
        UseKestrel(0);
        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(EnvironmentName);
        builder.ConfigureAppConfiguration((_, config) =>
        {
            var values = new Dictionary<string, string?>
            {
                ["ConnectionStrings:WalletHelp"] = $"Data Source={DatabasePath}",
                ["WalletHelp:Seed:AdminEmail"] = AdminEmail,
                ["WalletHelp:Seed:AdminPassword"] = AdminPassword,
                ["WalletHelp:Seed:AgentEmail"] = AgentEmail,
                ["WalletHelp:Seed:AgentPassword"] = AgentPassword,
                // Staff two-factor is on by default in the product; tests that exercise it switch it back on.
                ["WalletHelp:Security:RequireStaffTwoFactor"] = "false",
            };
            foreach (var (key, value) in settings)
            {
                values[key] = value;
            }
            config.AddInMemoryCollection(values);
        });
        builder.ConfigureLogging(logging => logging.AddProvider(new CapturingLoggerProvider(Logs)));
    }

    /// <summary>Bytes of the database file and its WAL, for "this value never reached the disk" checks.</summary>
    public byte[] ReadDatabaseBytes()
    {
        using (var scope = Services.CreateScope())
        {
            // Fold the WAL into the main file first, then read both (whatever is left in either counts).
            var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
            db.Database.OpenConnection();
            using var cmd = db.Database.GetDbConnection().CreateCommand();
            cmd.CommandText = "PRAGMA wal_checkpoint(FULL);";
            cmd.ExecuteNonQuery();
            db.Database.CloseConnection();
        }
        var bytes = new List<byte>();
        foreach (var path in new[] { DatabasePath, DatabasePath + "-wal" })
        {
            if (File.Exists(path))
            {
                using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                using var memory = new MemoryStream();
                stream.CopyTo(memory);
                bytes.AddRange(memory.ToArray());
            }
        }
        return [.. bytes];
    }

    /// <summary>
    /// False to hand the host over while the database is still being made ready (the start-up gate's tests); by default
    /// the host is returned once migrations and seeding are done, so tests can read seeded data through
    /// <c>Services</c> at once, as before the port opened early.
    /// </summary>
    public bool WaitForDatabase { get; set; } = true;

    protected override IHost CreateHost(IHostBuilder builder)
    {
        var host = base.CreateHost(builder);
        if (WaitForDatabase)
        {
            var readiness = host.Services.GetRequiredService<DatabaseReadiness>();
            // A failed start shows up as the exception it was (Ready faults), not as a timeout.
            readiness.Ready.WaitAsync(TimeSpan.FromMinutes(3)).GetAwaiter().GetResult();
        }
        return host;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a closing connection; the temp folder is cleaned by the OS eventually.
        }
    }

    private sealed class CapturingLoggerProvider(ConcurrentQueue<string> sink) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new CapturingLogger(categoryName, sink);

        public void Dispose()
        {
        }
    }

    private sealed class CapturingLogger(string category, ConcurrentQueue<string> sink) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            sink.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception}");
    }
}
