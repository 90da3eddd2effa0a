using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;
using WalletHelp.Tests.TestSupport;

namespace WalletHelp.Tests.ScaleOut;

/// <summary>
/// Two instances behind nginx on PostgreSQL and Redis (<see cref="FarmFixture"/>, started by deploy/local/up.sh):
/// what is written or signed on one instance works on the other, live assist crosses instances, and losing an
/// instance loses no acknowledged write.
/// </summary>
[Collection(FarmCollection.Name)]
public sealed class FarmTests(FarmFixture farm)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string DiagnosisJson =
        """{"symptom":"application-rejected","language":"en","personal":{"name":"张三","idNumber":"110105194912310023"}}""";

    [Fact]
    public async Task EveryResponseNamesItsInstance_AndHealthChecksDatabaseAndRedis()
    {
        using var a = FarmFixture.Client(farm.A);
        using var b = FarmFixture.Client(farm.B);
        var healthA = await a.GetAsync("/healthz", Ct);
        Assert.Equal("a", FarmFixture.Instance(healthA));
        Assert.Equal("b", FarmFixture.Instance(await b.GetAsync("/healthz/ready", Ct)));
        var checks = (await healthA.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("checks");
        Assert.Equal("Healthy", checks.GetProperty("database").GetString());
        Assert.Equal("Healthy", checks.GetProperty("redis").GetString());

        // Through nginx: a new visitor gets the affinity cookie and sticks to one instance.
        var cookies = new CookieContainer();
        using var viaNginx = FarmFixture.Client(farm.Nginx, cookies);
        var first = await viaNginx.GetAsync("/faq", Ct);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.NotNull(cookies.GetCookies(new Uri(farm.Nginx))["wh_affinity"]);
        var instance = FarmFixture.Instance(first);
        Assert.Contains(instance, new[] { "a", "b" });
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(instance, FarmFixture.Instance(await viaNginx.GetAsync("/status", Ct)));
        }
    }

    [Fact]
    public async Task DiagnosisPostedToA_IsReadByAdminOnB_WithABearerTokenMintedOnA()
    {
        using var a = FarmFixture.Client(farm.A);
        var posted = await a.PostAsync("/api/v1/diagnoses", ApiClient.Json(DiagnosisJson), Ct);
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        Assert.Equal("a", FarmFixture.Instance(posted));
        var reference = (await posted.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("reference").GetString()!;

        var token = await FarmFixture.BearerTokenAsync(farm.A, WalletHelpFactory.AdminEmail, WalletHelpFactory.AdminPassword);
        using var adminOnB = FarmFixture.BearerClient(farm.B, token);
        var read = await adminOnB.GetAsync($"/api/v1/diagnoses/{reference}?lang=en", Ct);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal("b", FarmFixture.Instance(read));
        var body = await read.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(reference, body.GetProperty("reference").GetString());
        Assert.DoesNotContain("110105194912310023", body.GetRawText(), StringComparison.Ordinal);

        // A token that is not one of ours is refused on B (so the 200 above is the shared key ring at work).
        using var forged = FarmFixture.BearerClient(farm.B, token[..^6] + "AAAAAA");
        Assert.Equal(HttpStatusCode.Unauthorized, (await forged.GetAsync($"/api/v1/diagnoses/{reference}", Ct)).StatusCode);
    }

    [Fact]
    public async Task BrowserSessionSignedInThroughNginx_KeepsWorkingOnTheOtherInstance()
    {
        var cookies = new CookieContainer();
        using var nginx = FarmFixture.Client(farm.Nginx, cookies);
        var signIn = await nginx.SignInAsync(WalletHelpFactory.AgentEmail, WalletHelpFactory.AgentPassword);
        Assert.True(signIn.IsRedirect(), $"sign-in answered {(int)signIn.StatusCode}");
        var home = FarmFixture.Instance(signIn)!;
        var other = home == "a" ? farm.B : farm.A;

        // The same cookie jar's next request lands on the other instance: still signed in (the cookie decrypts there).
        using var elsewhere = FarmFixture.Client(other, cookies);
        var page = await elsewhere.GetAsync("/agent", Ct);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.NotEqual(home, FarmFixture.Instance(page));

        // Without the cookie the same page sends you to sign in, so the 200 above is the session.
        using var stranger = FarmFixture.Client(other);
        var refused = await stranger.GetAsync("/agent", Ct);
        Assert.True(refused.IsRedirect());
        Assert.Contains("/Account/Login", refused.Headers.Location!.ToString(), StringComparison.Ordinal);

        // A form rendered by one instance is accepted by the other (antiforgery tokens share the key ring too).
        var jar = new CookieContainer();
        using var onA = FarmFixture.Client(farm.A, jar);
        using var onB = FarmFixture.Client(farm.B, jar);
        var form = await onA.GetStringAsync("/Account/Login", Ct);
        var token = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\"[^>]*?value=\"([^\"]+)\"").Groups[1].Value;
        var post = await onB.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["_handler"] = "login",
            ["Input.Email"] = WalletHelpFactory.AgentEmail,
            ["Input.Password"] = WalletHelpFactory.AgentPassword,
            ["Input.RememberMe"] = "false",
        }), Ct);
        Assert.True(post.IsRedirect(), $"a login form from A posted to B answered {(int)post.StatusCode}");
    }

    [Fact]
    public async Task MaintenanceAnnouncedThroughA_ShowsOnBsCachedApiAndPagesWithinTwoSeconds()
    {
        var token = await FarmFixture.BearerTokenAsync(farm.A, WalletHelpFactory.AdminEmail, WalletHelpFactory.AdminPassword);
        using var adminOnA = FarmFixture.BearerClient(farm.A, token);
        using var b = FarmFixture.Client(farm.B);
        // Warm B's pages and API first, so a cache there would be stale.
        await b.GetStringAsync("/api/v1/status", Ct);
        await b.GetStringAsync("/status", Ct);

        var title = "集群维护" + Guid.NewGuid().ToString("N")[..6];
        var start = DateTimeOffset.UtcNow.AddMinutes(-1);
        var created = await adminOnA.PostAsync("/api/v1/status/maintenance", ApiClient.Json(
            $$"""{ "startsAt": "{{start:O}}", "endsAt": "{{start.AddMinutes(30):O}}", "title": "{{title}}" }"""), Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetInt64();
        try
        {
            // B's output cache held the old answers: A's eviction reaches it as a cluster event (Redis pub/sub), so
            // B shows the window within moments, long before the cache entries would expire (60 s).
            var watch = Stopwatch.StartNew();
            string api;
            do
            {
                api = await b.GetStringAsync("/api/v1/status", Ct);
                if (api.Contains(title, StringComparison.Ordinal)) break;
                await Task.Delay(50, Ct);
            }
            while (watch.ElapsedMilliseconds < 5_000);
            Assert.Contains(title, api, StringComparison.Ordinal);
            Assert.True(watch.ElapsedMilliseconds < 2_000, $"B showed the maintenance after {watch.ElapsedMilliseconds} ms");
            Assert.Contains(title, await b.GetStringAsync("/status", Ct), StringComparison.Ordinal);
        }
        finally
        {
            Assert.Equal(HttpStatusCode.NoContent, (await adminOnA.DeleteAsync($"/api/v1/status/maintenance/{id}", Ct)).StatusCode);
        }
        var gone = Stopwatch.StartNew();
        string after;
        do
        {
            after = await b.GetStringAsync("/api/v1/status", Ct);
            if (!after.Contains(title, StringComparison.Ordinal)) break;
            await Task.Delay(50, Ct);
        }
        while (gone.ElapsedMilliseconds < 5_000);
        Assert.DoesNotContain(title, after, StringComparison.Ordinal);
        Assert.True(gone.ElapsedMilliseconds < 2_000, $"B still showed the deleted maintenance after {gone.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task BinImportOnA_IsUsedByBWithinTwoSeconds()
    {
        using var b = FarmFixture.Client(farm.B);
        Assert.Equal(HttpStatusCode.NotFound, (await b.GetAsync("/api/v1/reference/bins/70000091", Ct)).StatusCode);

        var token = await FarmFixture.BearerTokenAsync(farm.A, WalletHelpFactory.AdminEmail, WalletHelpFactory.AdminPassword);
        using var adminOnA = FarmFixture.BearerClient(farm.A, token);
        var import = await adminOnA.PostAsync("/api/v1/reference/bins?dryRun=false",
            new StringContent("7000009,QQRCB,DC,19,青青农商银行,Qingqing Rural Bank\n", Encoding.UTF8, "text/csv"), Ct);
        Assert.Equal(HttpStatusCode.OK, import.StatusCode);

        // B reloads on the cluster event (Redis pub/sub), not at its next start.
        var watch = Stopwatch.StartNew();
        HttpStatusCode status;
        do
        {
            status = (await b.GetAsync("/api/v1/reference/bins/70000091", Ct)).StatusCode;
            if (status == HttpStatusCode.OK) break;
            await Task.Delay(50, Ct);
        }
        while (watch.ElapsedMilliseconds < 5_000);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(watch.ElapsedMilliseconds < 2_000, $"B saw the import after {watch.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task LiveAssist_UserOnA_AgentOnB_AgentSeesTheStepAndFindingLive()
    {
        var user = await farm.NewPageAsync(farm.A);
        await user.GotoAsync("/diagnose/application-rejected");
        await user.WaitForInteractiveAsync();
        await user.Locator("[data-testid='wizard-state'][data-restored='true']").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await user.ClickAsync("[data-testid='assist-start']");
        var code = await user.Locator("[data-testid='assist-code']").GetAttributeAsync("data-code");
        Assert.Matches("^[0-9]{6}$", code);

        var agent = await farm.NewPageAsync(farm.B);
        await agent.GotoAsync("/Account/Login?ReturnUrl=%2Fagent%2Fassist");
        await agent.FillAsync("#Input\\.Email", WalletHelpFactory.AgentEmail);
        await agent.FillAsync("#Input\\.Password", WalletHelpFactory.AgentPassword);
        await agent.ClickAsync("[data-testid='login-submit']");
        await agent.WaitForURLAsync("**/agent/assist");
        await agent.WaitForInteractiveAsync();
        await agent.FillAsync("[data-testid='assist-code-input']", code!);
        await agent.ClickAsync("[data-testid='assist-join']");
        await Assertions.Expect(agent.Locator("[data-testid='assist-step']")).ToHaveAttributeAsync("data-step", "personal");
        await Assertions.Expect(user.Locator("[data-testid='assist-connected']")).ToContainTextAsync("agent");

        await user.Locator("[data-testid='field-personal-name']").FillAsync("张三");
        await user.Locator("[data-testid='field-personal-idNumber']").FillAsync("110105194912310023");
        var finding = agent.Locator("[data-testid='assist-finding-PI-ID-CHECKSUM']");
        await finding.WaitForAsync(new() { Timeout = 10_000 });
        Assert.Equal("110105********0023", (await agent.InnerTextAsync("[data-testid='assist-value-personal-idNumber']")).Trim());

        // And back: the agent's hint (B) reaches the user's page (A).
        await agent.SelectOptionAsync("[data-testid='assist-point-field']", "personal.idNumber");
        await agent.FillAsync("[data-testid='assist-hint-text']", "请看最后一位");
        await agent.ClickAsync("[data-testid='assist-point']");
        await Assertions.Expect(user.Locator("[data-testid='agent-pointer-personal-idNumber']")).ToContainTextAsync("请看最后一位");

        await user.ClickAsync("[data-testid='assist-end']");
        await Assertions.Expect(agent.Locator("[data-testid='assist-presence']")).ToHaveAttributeAsync("data-presence", "ended");
        await user.Context.CloseAsync();
        await agent.Context.CloseAsync();
    }

    [Fact]
    public async Task WizardInProgressThroughNginx_SurvivesARefresh()
    {
        var page = await farm.NewPageAsync(farm.Nginx);
        await page.GotoAsync("/diagnose/application-rejected");
        await page.WaitForInteractiveAsync();
        await page.Locator("[data-testid='wizard-state'][data-restored='true']").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await page.Locator("[data-testid='field-personal-name']").FillAsync("李四");
        await page.Locator("[data-testid='field-personal-idNumber']").FillAsync("110105194912310023");
        await Assertions.Expect(page.Locator("[data-testid='field-personal-idNumber']")).ToHaveValueAsync("110105194912310023");
        // The answers are saved to session storage after the typing pause: wait for the save that includes them.
        await page.WaitForWizardSavedAsync();

        await page.ReloadAsync();
        await page.WaitForInteractiveAsync();
        await page.Locator("[data-testid='wizard-state'][data-restored='true']").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await Assertions.Expect(page.Locator("[data-testid='field-personal-name']")).ToHaveValueAsync("李四");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task KillingInstanceB_NginxRoutesToA_AndNoAcknowledgedWriteIsLost()
    {
        var acknowledged = new ConcurrentBag<string>();
        var failures = new ConcurrentBag<string>();
        var instancesAfterKill = new ConcurrentBag<string>();
        var killed = false;
        using var stop = new CancellationTokenSource();

        async Task PostLoopAsync()
        {
            while (!stop.IsCancellationRequested)
            {
                // A new visitor each time (no affinity cookie): nginx spreads them over both instances.
                using var client = FarmFixture.Client(farm.Nginx);
                var wasKilled = Volatile.Read(ref killed);
                try
                {
                    var response = await client.PostAsync("/api/v1/diagnoses", ApiClient.Json(DiagnosisJson), Ct);
                    if (response.StatusCode == HttpStatusCode.Created)
                    {
                        acknowledged.Add((await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("reference").GetString()!);
                        if (wasKilled) instancesAfterKill.Add(FarmFixture.Instance(response) ?? "?");
                    }
                    else
                    {
                        failures.Add($"{(int)response.StatusCode} (after kill: {wasKilled})");
                    }
                }
                catch (HttpRequestException ex)
                {
                    failures.Add(ex.Message);
                }
            }
        }

        var loops = Enumerable.Range(0, 4).Select(_ => Task.Run(PostLoopAsync, Ct)).ToArray();
        var warm = Stopwatch.StartNew();
        while (acknowledged.Count < 10 && warm.ElapsedMilliseconds < 20_000)
        {
            await Task.Delay(100, Ct);
        }
        var before = acknowledged.Count;
        Process.GetProcessById(farm.InstancePid("b")).Kill();
        Volatile.Write(ref killed, true);
        var after = Stopwatch.StartNew();
        while (instancesAfterKill.Count < 20 && after.ElapsedMilliseconds < 20_000)
        {
            await Task.Delay(100, Ct);
        }
        await stop.CancelAsync();
        await Task.WhenAll(loops);

        try
        {
            Assert.True(before > 0, $"no diagnosis was stored before the kill; failures: {string.Join(", ", failures.Take(10))}");
            Assert.True(instancesAfterKill.Count > 10, $"only {instancesAfterKill.Count} diagnoses were stored after the kill; failures: {string.Join(", ", failures)}");
            // New visitors after the kill: the ones that were answered were answered by A (requests in flight at the kill may fail).
            Assert.All(instancesAfterKill, i => Assert.Equal("a", i));

            // Every acknowledged write is there.
            var token = await FarmFixture.BearerTokenAsync(farm.A, WalletHelpFactory.AdminEmail, WalletHelpFactory.AdminPassword);
            using var admin = FarmFixture.BearerClient(farm.A, token);
            foreach (var reference in acknowledged)
            {
                Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/api/v1/diagnoses/{reference}", Ct)).StatusCode);
            }
            Assert.True(failures.Count <= 4, $"more failures than requests in flight at the kill: {string.Join(", ", failures)}");
        }
        finally
        {
            // up.sh is idempotent: it starts only what is not running (instance b), for the other tests.
            await farm.RunScriptAsync("up.sh");
        }
    }
}
