using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace WalletHelp.Tests.TestSupport;

/// <summary>
/// The built app (<c>WalletHelp.Web.dll</c> of the same configuration as the tests) as a separate process on a real
/// port, for tests that must kill it (SIGKILL) and start it again on the same SQLite file.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly System.Text.StringBuilder output = new();

    private AppProcess(Process process, string baseUrl)
    {
        this.process = process;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    /// <summary>What the process wrote (stdout and stderr), for failure messages.</summary>
    public string Output
    {
        get
        {
            lock (output) return output.ToString();
        }
    }

    public static string WebDll
    {
        get
        {
            // .../WalletHelp.Tests/bin/<Configuration>/net10.0/ → .../WalletHelp.Web/bin/<Configuration>/net10.0/WalletHelp.Web.dll
            var testBin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var configuration = testBin.Parent!.Name;
            return RepoPaths.Of("WalletHelp.Web", "bin", configuration, testBin.Name, "WalletHelp.Web.dll");
        }
    }

    public static async Task<AppProcess> StartAsync(string databasePath, IReadOnlyDictionary<string, string>? settings = null,
        CancellationToken cancellationToken = default)
    {
        var port = FreePort();
        var baseUrl = $"http://127.0.0.1:{port}";
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            // The project folder holds appsettings.json and wwwroot: the content root, as with `dotnet run`.
            WorkingDirectory = RepoPaths.Of("WalletHelp.Web"),
        };
        start.ArgumentList.Add(WebDll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(baseUrl);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ConnectionStrings__WalletHelp"] = $"Data Source={databasePath}";
        start.Environment["WalletHelp__Seed__AdminEmail"] = WalletHelpFactory.AdminEmail;
        start.Environment["WalletHelp__Seed__AdminPassword"] = WalletHelpFactory.AdminPassword;
        start.Environment["WalletHelp__Seed__AgentEmail"] = WalletHelpFactory.AgentEmail;
        start.Environment["WalletHelp__Seed__AgentPassword"] = WalletHelpFactory.AgentPassword;
        start.Environment["WalletHelp__Security__RequireStaffTwoFactor"] = "false";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var app = new AppProcess(process, baseUrl);
        process.OutputDataReceived += (_, e) => app.Append(e.Data);
        process.ErrorDataReceived += (_, e) => app.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var http = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(5) };
        var until = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The app exited with {process.ExitCode}:\n{app.Output}");
            }
            try
            {
                if ((await http.GetAsync("/healthz", cancellationToken)).StatusCode == HttpStatusCode.OK) return app;
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
            }
            if (DateTime.UtcNow > until)
            {
                await app.DisposeAsync();
                throw new TimeoutException($"The app did not answer /healthz within 90 s:\n{app.Output}");
            }
            await Task.Delay(100, cancellationToken);
        }
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (output) output.AppendLine(line);
    }

    /// <summary>SIGKILL: no shutdown, no flush; whatever was not committed is lost.</summary>
    public void Kill()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: false);
        }
        process.WaitForExit();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        process.Dispose();
        return ValueTask.CompletedTask;
    }
}
