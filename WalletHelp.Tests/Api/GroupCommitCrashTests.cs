using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using WalletHelp.Tests.TestSupport;

namespace WalletHelp.Tests.Api;

/// <summary>
/// Group commit answers 201 only after the group's commit: the app (a separate process) is killed with SIGKILL in the
/// middle of a burst of diagnoses, started again on the same SQLite file, and every reference that got a 201 is there.
/// </summary>
public sealed class GroupCommitCrashTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "wallethelp-tests", "crash-" + Guid.NewGuid().ToString("N"));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly Dictionary<string, string> Settings = new()
    {
        ["WalletHelp__RateLimits__DiagnosesPerMinute"] = "100000",
    };

    [Fact]
    public async Task KilledMidBurst_EveryCreatedDiagnosisIsReadableAfterRestart()
    {
        Directory.CreateDirectory(folder);
        var databasePath = Path.Combine(folder, "wallethelp.db");
        var created = new ConcurrentBag<string>();
        var app = await AppProcess.StartAsync(databasePath, Settings, Ct);
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri(app.BaseUrl), Timeout = TimeSpan.FromSeconds(30) };
            using var burst = CancellationTokenSource.CreateLinkedTokenSource(Ct);
            var enough = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var posted = 0;
            async Task PostLoopAsync()
            {
                while (!burst.IsCancellationRequested)
                {
                    try
                    {
                        using var response = await http.PostAsync("/api/v1/diagnoses", ApiClient.Json("""
                            {"symptom":"application-rejected","language":"en","personal":{"name":"张三","idNumber":"110105194912310023"}}
                            """), burst.Token);
                        if (response.StatusCode == HttpStatusCode.Created)
                        {
                            var body = await response.Content.ReadFromJsonAsync<JsonElement>(burst.Token);
                            created.Add(body.GetProperty("reference").GetString()!);
                            if (Interlocked.Increment(ref posted) >= 150) enough.TrySetResult();
                        }
                        else
                        {
                            Assert.Fail($"{(int)response.StatusCode} before the kill: {await response.Content.ReadAsStringAsync(Ct)}");
                        }
                    }
                    catch (Exception ex) when (enough.Task.IsCompleted && ex is HttpRequestException or OperationCanceledException)
                    {
                        return; // the connection died with the process, or the burst is over
                    }
                }
            }
            var loops = Enumerable.Range(0, 24).Select(_ => Task.Run(PostLoopAsync, Ct)).ToList();
            await enough.Task.WaitAsync(TimeSpan.FromSeconds(120), Ct);
            app.Kill(); // mid-burst: 24 requests are in flight, some inside a group being written
            burst.Cancel();
            await Task.WhenAll(loops);
        }
        finally
        {
            await app.DisposeAsync();
        }

        var references = created.ToList();
        Assert.True(references.Count >= 150, $"{references.Count} created before the kill");
        Assert.Equal(references.Count, references.Distinct().Count());

        // Started again on the same file: every 201 is readable through the API.
        await using var again = await AppProcess.StartAsync(databasePath, Settings, Ct);
        using var staff = new HttpClient { BaseAddress = new Uri(again.BaseUrl), Timeout = TimeSpan.FromSeconds(30) };
        var login = await staff.PostAsJsonAsync("/api/v1/auth/login", new { email = WalletHelpFactory.AdminEmail, password = WalletHelpFactory.AdminPassword }, Ct);
        Assert.True(login.IsSuccessStatusCode, $"login: {(int)login.StatusCode} {again.Output}");
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("accessToken").GetString();
        staff.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var missing = new List<string>();
        foreach (var reference in references)
        {
            var response = await staff.GetAsync($"/api/v1/diagnoses/{reference}", Ct);
            if (response.StatusCode != HttpStatusCode.OK) missing.Add($"{reference}: {(int)response.StatusCode}");
        }
        Assert.Empty(missing);
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
