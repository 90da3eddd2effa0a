// Short local calls; passing the test token to each would only add noise here.
#pragma warning disable xUnit1051
using System.Net;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using WalletHelp.Tests.Faq;
using WalletHelp.Tests.TestSupport;
using WalletHelp.Web.Data;
using WalletHelp.Web.Data.Faq;
using WalletHelp.Web.Data.Postgres;
using WalletHelp.Web.Services.Analytics;
using WalletHelp.Web.Services.Faq;

namespace WalletHelp.Tests.ScaleOut;

/// <summary>
/// What differs by provider, on the farm's PostgreSQL (each test its own database where it writes): the migrations
/// set, FAQ search (pg_trgm) against the SQLite FTS5 answers, concurrency tokens, the audit and analytics triggers.
/// </summary>
[Collection(FarmCollection.Name)]
public sealed class PostgresProviderTests(FarmFixture farm)
{
    [Fact]
    public async Task Migrations_PostgresSetAppliesFully_AndTheSqliteSetIsSeparate()
    {
        using var pg = new FaqTestDatabase(await farm.CreateDatabaseAsync());
        await using var db = await pg.Factory.CreateDbContextAsync();
        Assert.IsType<PostgresDbContext>(db);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        var applied = (await db.Database.GetAppliedMigrationsAsync()).ToList();
        Assert.Contains(applied, m => m.EndsWith("_PostgresInitial", StringComparison.Ordinal));
        Assert.False(db.Database.HasPendingModelChanges());

        using var sqlite = new FaqTestDatabase();
        await using var lite = await sqlite.Factory.CreateDbContextAsync();
        var liteMigrations = lite.Database.GetMigrations().ToList();
        Assert.Contains(liteMigrations, m => m.EndsWith("_InitialIdentity", StringComparison.Ordinal));
        Assert.DoesNotContain(liteMigrations, m => applied.Contains(m));
    }

    /// <summary>The queries of the SQLite search tests: Chinese substrings (1–4 characters), English words, word starts, none, synonyms.</summary>
    public static readonly string[] Queries =
    [
        "冻结", "预留手机", "银行卡", "验证码", "身份 核验", "verification", "verif", "erification", "card binding", "zzzqqq",
        "sms code", "绑卡失败", "收不到验证码",
    ];

    [Fact]
    public async Task FaqSearch_FindsTheSameArticlesAsSqlite()
    {
        using var pg = new FaqTestDatabase(await farm.CreateDatabaseAsync());
        using var sqlite = new FaqTestDatabase();
        foreach (var query in Queries)
        {
            foreach (var lang in new[] { "zh-CN", "en" })
            {
                var expected = (await sqlite.Reader.SearchAsync(query, lang, limit: 100)).Select(h => h.Slug).Order().ToList();
                var actual = await pg.Reader.SearchAsync(query, lang, limit: 100);
                Assert.True(expected.SequenceEqual(actual.Select(h => h.Slug).Order()),
                    $"'{query}' ({lang}): SQLite {string.Join(",", expected)}; PostgreSQL {string.Join(",", actual.Select(h => h.Slug).Order())}");
                // Title matches first, as on SQLite.
                Assert.Equal(actual.OrderBy(h => h.TitleMatch ? 0 : 1).Select(h => h.Slug), actual.Select(h => h.Slug));
            }
        }
    }

    [Fact]
    public async Task FaqSearch_ChineseSubstringsAndEnglishWordStarts()
    {
        using var pg = new FaqTestDatabase(await farm.CreateDatabaseAsync());
        await pg.CreateAsync("pg-cjk", "数字钱包开通指南", "请先完成实名认证，再绑定银行卡。", "Opening guide", "Verify your identity, then bind a card.");
        Assert.Contains(await pg.Reader.SearchAsync("钱包开通", "zh-CN"), h => h.Slug == "pg-cjk");
        Assert.Contains(await pg.Reader.SearchAsync("实名", "zh-CN"), h => h.Slug == "pg-cjk");
        Assert.Contains(await pg.Reader.SearchAsync("bind", "en"), h => h.Slug == "pg-cjk");
        Assert.DoesNotContain(await pg.Reader.SearchAsync("ind", "en"), h => h.Slug == "pg-cjk"); // inside a word
        await using (var db = await pg.Factory.CreateDbContextAsync())
        {
            // The index itself: every term must match (the service then widens the search, on both providers alike).
            await db.Database.OpenConnectionAsync();
            Assert.Empty(await FaqSearchIndex.SearchAsync(db.Database.GetDbConnection(), "钱包开通 不存在的词", "zh-CN", null, 20));
            Assert.Single(await FaqSearchIndex.SearchAsync(db.Database.GetDbConnection(), "钱包开通 实名", "zh-CN", null, 20));
        }
        // A draft leaves the index.
        var article = (await pg.Admin.GetAsync((await pg.Reader.SearchAsync("钱包开通", "zh-CN")).First(h => h.Slug == "pg-cjk").ArticleId))!;
        Assert.Equal(FaqSaveOutcome.Saved, (await pg.Admin.SaveAsync(article, FaqSaveAction.Unpublish, "tester")).Outcome);
        Assert.DoesNotContain(await pg.Reader.SearchAsync("钱包开通", "zh-CN"), h => h.Slug == "pg-cjk");
    }

    [Fact]
    public async Task ConcurrencyToken_TwoEditorsFromTheSameVersion_ExactlyOneConflict()
    {
        using var pg = new FaqTestDatabase(await farm.CreateDatabaseAsync());
        var loaded = await pg.CreateAsync("pg-race", "原标题", "原正文");
        var alice = loaded.Clone();
        alice.BodyZh = "Alice 的正文";
        var bob = loaded.Clone();
        bob.BodyZh = "Bob 的正文";
        var results = await Task.WhenAll(
            Task.Run(() => pg.Admin.SaveAsync(alice, FaqSaveAction.SaveDraft, "alice")),
            Task.Run(() => pg.Admin.SaveAsync(bob, FaqSaveAction.SaveDraft, "bob")));
        Assert.Single(results, r => r.Outcome == FaqSaveOutcome.Saved);
        Assert.Single(results, r => r.Outcome == FaqSaveOutcome.Conflict);

        await using var one = await pg.Factory.CreateDbContextAsync();
        await using var two = await pg.Factory.CreateDbContextAsync();
        var a = await one.Set<FaqArticle>().SingleAsync(x => x.Id == loaded.Id);
        var b = await two.Set<FaqArticle>().SingleAsync(x => x.Id == loaded.Id);
        a.BodyZh = "one";
        a.Version++;
        b.BodyZh = "two";
        b.Version++;
        await one.SaveChangesAsync();
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => two.SaveChangesAsync());
    }

    [Fact]
    public async Task AuditLogIsAppendOnly_AndDiagnosesAreCountedPerDay_OnPostgres()
    {
        using var client = FarmFixture.Client(farm.A);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsync("/api/v1/diagnoses", ApiClient.Json(
            """{"symptom":"application-rejected","language":"en","personal":{"name":"张三","idNumber":"110105194912310023"}}"""))).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/faq?q=zzzqqqpg&lang=en")).StatusCode);

        await using var connection = new NpgsqlConnection(farm.PostgresConnectionString());
        await connection.OpenAsync();
        // The search log is written in batches off the request path: give the writer a moment to add the search.
        var summary = await AnalyticsQueries.SummaryAsync(connection, AnalyticsRange.LastDays(DateTimeOffset.UtcNow, 2));
        for (var waited = 0; waited < 5_000 && !summary.ZeroResultSearches.Any(z => z.Query == "zzzqqqpg"); waited += 100)
        {
            await Task.Delay(100);
            summary = await AnalyticsQueries.SummaryAsync(connection, AnalyticsRange.LastDays(DateTimeOffset.UtcNow, 2));
        }
        Assert.Contains(summary.DiagnosesPerDay, d => d.Count > 0);
        Assert.Contains(summary.TopFindings, f => f.Code == "PI-ID-CHECKSUM");
        Assert.Contains(summary.CasesByStatus, c => c.Status == "open" && c.Count > 0);
        Assert.Contains(summary.ZeroResultSearches, z => z.Query == "zzzqqqpg");

        await using (var insert = new NpgsqlCommand(
            """INSERT INTO "AuditEntries" ("At", "Actor", "Action", "Target") VALUES (0, 'test', 'test.appended', 'farm')""", connection))
        {
            Assert.Equal(1, await insert.ExecuteNonQueryAsync()); // appending is allowed
        }
        await using var update = new NpgsqlCommand("""UPDATE "AuditEntries" SET "Actor" = 'someone else'""", connection);
        var refused = await Assert.ThrowsAsync<PostgresException>(() => update.ExecuteNonQueryAsync());
        Assert.Contains("append-only", refused.MessageText, StringComparison.Ordinal);
        await using var delete = new NpgsqlCommand("""DELETE FROM "AuditEntries" """, connection);
        await Assert.ThrowsAsync<PostgresException>(() => delete.ExecuteNonQueryAsync());
    }
}
