// Short local calls; passing the test token to each would only add noise here.
#pragma warning disable xUnit1051
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;
using WalletHelp.Tests.TestSupport;
using WalletHelp.Web.Infrastructure.Security;

namespace WalletHelp.Tests.ScaleOut;

/// <summary>
/// Rate limits across instances: two app hosts with the farm's Redis spend one budget per client address (the API's
/// diagnoses and the sign-in policy); with Redis unreachable each instance falls back to its own budget, with a warning.
/// </summary>
[Collection(FarmCollection.Name)]
public sealed class SharedRateLimitTests(FarmFixture farm) : IDisposable
{
    private readonly List<IDisposable> owned = [];

    private WalletHelpFactory Instance(string redis)
    {
        var factory = new WalletHelpFactory()
            .With("ConnectionStrings:Redis", redis)
            .With("ForwardedHeaders_Enabled", "true")
            .With("WalletHelp:RateLimits:DiagnosesPerMinute", "3")
            .With("WalletHelp:RateLimits:SignInPerMinute", "2");
        owned.Add(factory);
        return factory;
    }

    /// <summary>A client address of its own for each test and run (the farm's Redis keeps counters for a minute).</summary>
    private static string NewClient() => $"198.51.{Random.Shared.Next(0, 256)}.{Random.Shared.Next(1, 255)}";

    private static Task<HttpResponseMessage> Post(HttpClient client, string path, string body, string address)
    {
        var post = new HttpRequestMessage(HttpMethod.Post, path) { Content = ApiClient.Json(body) };
        post.Headers.Add("X-Forwarded-For", address);
        return client.SendAsync(post);
    }

    [Fact]
    public async Task Diagnoses_TwoInstancesWithRedis_SpendOneBudgetPerClient()
    {
        var a = Instance(farm.RedisConnectionString()).CreateClient();
        var b = Instance(farm.RedisConnectionString()).CreateClient();
        var client = NewClient();
        const string body = """{ "symptom": "try-again-later" }""";

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Created, (await Post(a, "/api/v1/diagnoses", body, client)).StatusCode);
        }
        var limited = await Post(b, "/api/v1/diagnoses", body, client);

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        var problem = await limited.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
        Assert.InRange(limited.Headers.RetryAfter?.Delta?.TotalSeconds ?? 0, 1, 60);
        // A spends from the same budget too, and another address on B has its own.
        Assert.Equal(HttpStatusCode.TooManyRequests, (await Post(a, "/api/v1/diagnoses", body, client)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await Post(b, "/api/v1/diagnoses", body, NewClient())).StatusCode);
    }

    [Fact]
    public async Task SignIn_TwoInstancesWithRedis_ShareTheMiddlewareBudget()
    {
        var a = Instance(farm.RedisConnectionString()).CreateClient();
        var b = Instance(farm.RedisConnectionString()).CreateClient();
        var client = NewClient();
        const string body = """{ "email": "nobody@test.local", "password": "wrong" }""";

        Assert.Equal(HttpStatusCode.Unauthorized, (await Post(a, "/api/v1/auth/login", body, client)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Post(b, "/api/v1/auth/login", body, client)).StatusCode);
        var limited = await Post(a, "/api/v1/auth/login", body, client);

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.InRange(limited.Headers.RetryAfter?.Delta?.TotalSeconds ?? 0, 1, 60);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await Post(b, "/api/v1/auth/login", body, client)).StatusCode);
    }

    [Fact]
    public async Task RedisCounter_CountsOncePerRequest_AndAnswersWithTheWindowsRemainingTime()
    {
        using var redis = await ConnectionMultiplexer.ConnectAsync(farm.RedisConnectionString());
        using var fallback = new InProcessRateCounter();
        var one = new RedisRateCounter(redis, fallback, NullLogger<RedisRateCounter>.Instance, TimeProvider.System);
        var other = new RedisRateCounter(redis, new InProcessRateCounter(), NullLogger<RedisRateCounter>.Instance, TimeProvider.System);
        var client = NewClient();

        Assert.True((await one.TryTakeAsync("test", client, 2, TimeSpan.FromMinutes(1))).Allowed);
        Assert.True((await other.TryTakeAsync("test", client, 2, TimeSpan.FromMinutes(1))).Allowed);
        var refused = await one.TryTakeAsync("test", client, 2, TimeSpan.FromMinutes(1));

        Assert.False(refused.Allowed);
        Assert.InRange(refused.RetryAfter, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
        // Another bucket and another window length are other budgets.
        Assert.True((await one.TryTakeAsync("other", client, 2, TimeSpan.FromMinutes(1))).Allowed);
        Assert.True((await one.TryTakeAsync("test", client, 2, TimeSpan.FromMinutes(10))).Allowed);
        var ttl = await redis.GetDatabase().KeyTimeToLiveAsync($"{RedisRateCounter.KeyPrefix}test:60000:{client}");
        Assert.InRange(ttl ?? TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task RedisUnreachable_EachInstanceKeepsItsOwnBudget_AndSaysSo()
    {
        // A port nothing listens on: the multiplexer never connects.
        const string nowhere = "127.0.0.1:1,connectTimeout=200,abortConnect=false";
        using var redis = await ConnectionMultiplexer.ConnectAsync(nowhere);
        using var fallback = new InProcessRateCounter();
        var logger = new ListLogger();
        var counter = new RedisRateCounter(redis, fallback, logger, TimeProvider.System);
        var client = NewClient();

        Assert.True((await counter.TryTakeAsync("test", client, 2, TimeSpan.FromMinutes(1))).Allowed);
        Assert.True((await counter.TryTakeAsync("test", client, 2, TimeSpan.FromMinutes(1))).Allowed);
        var refused = await counter.TryTakeAsync("test", client, 2, TimeSpan.FromMinutes(1));

        Assert.False(refused.Allowed);
        Assert.True(refused.RetryAfter > TimeSpan.Zero);
        // One warning, not one per request.
        Assert.Single(logger.Warnings);
        Assert.Contains("own budgets", logger.Warnings[0], StringComparison.Ordinal);
    }

    public void Dispose() => owned.ForEach(o => o.Dispose());

    private sealed class ListLogger : ILogger<RedisRateCounter>
    {
        public List<string> Warnings { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel == LogLevel.Warning)
            {
                lock (Warnings) Warnings.Add(formatter(state, exception));
            }
        }
    }
}
