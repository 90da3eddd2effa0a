using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Npgsql;

namespace WalletHelp.Tests.TestSupport;

/// <summary>
/// The scale-out topology, started once per test run with the shipped <c>deploy/local/up.sh</c>: PostgreSQL, Redis,
/// instances "a" and "b" of this build and nginx in front, on test ports and a temp data folder;
/// <c>down.sh --reset</c> at the end. One headless Chromium for the browser journeys.
/// </summary>
public sealed class FarmFixture : IAsyncLifetime
{
    public const int PostgresPort = 55433;
    public const int RedisPort = 56380;
    public const int PortA = 55301;
    public const int PortB = 55302;
    public const int NginxPort = 58080;

    private IPlaywright? playwright;

    public string DataFolder { get; } = Path.Combine(Path.GetTempPath(), "wallethelp-farm-" + Guid.NewGuid().ToString("N")[..8]);

    public string Nginx => $"http://127.0.0.1:{NginxPort}";

    public string A => $"http://127.0.0.1:{PortA}";

    public string B => $"http://127.0.0.1:{PortB}";

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>What up.sh printed (for failure messages).</summary>
    public string UpOutput { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        UpOutput = await RunScriptAsync("up.sh");
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserFixture.ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"],
        });
    }

    /// <summary>Runs a deploy/local script with the test environment; throws with its output when it fails.</summary>
    public async Task<string> RunScriptAsync(string script, params string[] args)
    {
        var log = Path.Combine(Path.GetTempPath(), $"wallethelp-farm-{script}-{Guid.NewGuid():N}.log");
        // Output to a file: the daemons it starts must not hold a pipe of ours open.
        var start = new ProcessStartInfo("bash", ["-c", $"\"$0\" \"$@\" >'{log}' 2>&1", RepoPaths.Of("deploy", "local", script), .. args])
        {
            UseShellExecute = false,
        };
        var env = start.Environment;
        env["WH_DATA"] = DataFolder;
        env["WH_PG_PORT"] = PostgresPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        env["WH_REDIS_PORT"] = RedisPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        env["WH_PORT_A"] = PortA.ToString(System.Globalization.CultureInfo.InvariantCulture);
        env["WH_PORT_B"] = PortB.ToString(System.Globalization.CultureInfo.InvariantCulture);
        env["WH_NGINX_PORT"] = NginxPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        // This build of the app (no publish step in the test run): Development serves its static assets from the project.
        env["WH_APP_DIR"] = WebBuildFolder();
        env["WH_ENVIRONMENT"] = "Development";
        env["WH_CONTENT_ROOT"] = RepoPaths.Of("WalletHelp.Web");
        env["WalletHelp__Seed__AdminEmail"] = WalletHelpFactory.AdminEmail;
        env["WalletHelp__Seed__AdminPassword"] = WalletHelpFactory.AdminPassword;
        env["WalletHelp__Seed__AgentEmail"] = WalletHelpFactory.AgentEmail;
        env["WalletHelp__Seed__AgentPassword"] = WalletHelpFactory.AgentPassword;
        env["WalletHelp__Security__RequireStaffTwoFactor"] = "false";
        env["WalletHelp__RateLimits__DiagnosesPerMinute"] = "100000";
        env["WalletHelp__RateLimits__SignInPerMinute"] = "1000";
        env.Remove("ASPNETCORE_ENVIRONMENT");
        env.Remove("DOTNET_ENVIRONMENT");
        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        var output = File.Exists(log) ? await File.ReadAllTextAsync(log) : "";
        File.Delete(log);
        if (process.ExitCode != 0)
        {
            var logs = Path.Combine(DataFolder, "logs");
            var tails = Directory.Exists(logs)
                ? string.Join("\n", Directory.GetFiles(logs).Select(f => $"--- {Path.GetFileName(f)}\n" + string.Join("\n", File.ReadLines(f).TakeLast(15))))
                : "";
            throw new InvalidOperationException($"deploy/local/{script} failed ({process.ExitCode}):\n{output}\n{tails}");
        }
        return output;
    }

    /// <summary>WalletHelp.Web's own build output for the configuration the tests were built in.</summary>
    private static string WebBuildFolder()
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
            ? "Release" : "Debug";
        return RepoPaths.Of("WalletHelp.Web", "bin", configuration, "net10.0");
    }

    /// <summary>The PID file up.sh wrote for an instance ("a" or "b").</summary>
    public int InstancePid(string name) => int.Parse(File.ReadAllText(Path.Combine(DataFolder, "run", $"app-{name}.pid")).Trim(), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Npgsql connection string of the farm's database, or of another database on the same server.</summary>
    public string PostgresConnectionString(string database = "wallethelp")
    {
        var password = File.ReadLines(Path.Combine(DataFolder, "secrets.env")).First(l => l.StartsWith("PG_PASSWORD=", StringComparison.Ordinal))["PG_PASSWORD=".Length..];
        return $"Host=127.0.0.1;Port={PostgresPort};Database={database};Username=wallethelp;Password={password}";
    }

    /// <summary>StackExchange.Redis connection string of the farm's Redis (what up.sh gives both instances).</summary>
    public string RedisConnectionString()
    {
        var password = File.ReadLines(Path.Combine(DataFolder, "secrets.env")).First(l => l.StartsWith("REDIS_PASSWORD=", StringComparison.Ordinal))["REDIS_PASSWORD=".Length..];
        return $"127.0.0.1:{RedisPort},password={password}";
    }

    /// <summary>A new, empty database on the farm's PostgreSQL (for provider tests that must not share data).</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = "wh_test_" + Guid.NewGuid().ToString("N")[..12];
        await using var connection = new NpgsqlConnection(PostgresConnectionString());
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand($"CREATE DATABASE {name} TEMPLATE template0 ENCODING 'UTF8'", connection);
        await cmd.ExecuteNonQueryAsync();
        return PostgresConnectionString(name);
    }

    /// <summary>An HTTP client with its own cookie jar (cookies are per host, not per port: like one browser).</summary>
    public static HttpClient Client(string baseUrl, CookieContainer? cookies = null) =>
        new(new HttpClientHandler { CookieContainer = cookies ?? new CookieContainer(), AllowAutoRedirect = false, UseCookies = true })
        {
            BaseAddress = new Uri(baseUrl),
        };

    public static async Task<string> BearerTokenAsync(string baseUrl, string email, string password)
    {
        using var client = Client(baseUrl);
        var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }

    public static HttpClient BearerClient(string baseUrl, string token)
    {
        var client = Client(baseUrl);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public static string? Instance(HttpResponseMessage response) =>
        response.Headers.TryGetValues("X-WalletHelp-Instance", out var values) ? values.FirstOrDefault() : null;

    public async Task<IPage> NewPageAsync(string baseUrl, string locale = "zh-CN")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl,
            ViewportSize = new ViewportSize { Width = 1100, Height = 900 },
            Locale = locale,
        });
        context.SetDefaultTimeout(20_000);
        return await context.NewPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        playwright?.Dispose();
        NpgsqlConnection.ClearAllPools();
        await RunScriptAsync("down.sh", "--reset");
    }
}

[CollectionDefinition(Name)]
public sealed class FarmCollection : ICollectionFixture<FarmFixture>
{
    public const string Name = "farm";
}
