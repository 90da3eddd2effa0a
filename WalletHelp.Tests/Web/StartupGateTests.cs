using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using WalletHelp.Tests.TestSupport;
using WalletHelp.Web.Infrastructure.Startup;

namespace WalletHelp.Tests.Web;

/// <summary>
/// The port opens before the database is ready (issue 13, cold start): requests wait for migrations and seeding,
/// <c>/healthz/ready</c> says "starting" meanwhile, and a request that waited too long gets a 503 with Retry-After.
/// A start-up step the test holds stands in for a slow migration.
/// </summary>
public sealed class StartupGateTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed class HeldStartFactory : WalletHelpFactory
    {
        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public HeldStartFactory()
        {
            WaitForDatabase = false;
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<IDatabaseReadyStep>(new HeldStep(Release.Task)));
        }

        private sealed class HeldStep(Task release) : IDatabaseReadyStep
        {
            public Task RunAsync(CancellationToken cancellationToken) => release.WaitAsync(cancellationToken);
        }
    }

    [Fact]
    public async Task BeforeTheDatabaseIsReady_ReadinessSaysStarting_AndTheFirstPageWaitsForIt()
    {
        await using var factory = new HeldStartFactory();
        // Longer than any fresh database's migrations and seeding on a loaded machine: this request must wait, not give up.
        factory.With("WalletHelp:Startup:RequestWaitSeconds", "300");
        using var client = factory.CreateClient();

        var notReady = await client.GetAsync("/healthz/ready", Ct);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, notReady.StatusCode);
        Assert.False(factory.Services.GetRequiredService<DatabaseReadiness>().IsReady);

        var home = client.GetAsync("/faq", Ct);
        await Task.Delay(300, Ct);
        Assert.False(home.IsCompleted, "the page was answered before the database was ready");

        factory.Release.SetResult();
        var page = await home;
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        // Seeded content is there for the request that waited.
        Assert.Contains("/faq/bank-reserved-phone", await page.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz/ready", Ct)).StatusCode);
    }

    [Fact]
    public async Task AStartLongerThanTheWait_AnswersStartingWithRetryAfter_PageAndApi()
    {
        await using var factory = new HeldStartFactory();
        factory.With("WalletHelp:Startup:RequestWaitSeconds", "0.2").With("WalletHelp:Startup:RetryAfterSeconds", "4");
        using var client = factory.CreateClient();

        var page = await client.GetAsync("/", Ct);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(4), page.Headers.RetryAfter?.Delta);
        var html = await page.Content.ReadAsStringAsync(Ct);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("正在启动", html, StringComparison.Ordinal);
        Assert.Contains("is starting", html, StringComparison.Ordinal);
        Assert.Contains("http-equiv=\"refresh\" content=\"4\"", html, StringComparison.Ordinal);
        // Answered after the security headers, like every other page.
        Assert.Equal("nosniff", Assert.Single(page.Headers.GetValues("X-Content-Type-Options")));

        var api = await client.GetAsync("/api/v1/faq?q=x", Ct);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(api.Headers.RetryAfter);

        factory.Release.SetResult();
        await factory.Services.GetRequiredService<DatabaseReadiness>().Ready.WaitAsync(TimeSpan.FromMinutes(2), Ct);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/", Ct)).StatusCode);
    }
}
