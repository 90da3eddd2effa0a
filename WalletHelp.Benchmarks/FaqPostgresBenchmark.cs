using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;
using NpgsqlTypes;
using WalletHelp.Core.Localization;
using WalletHelp.Web.Data;
using WalletHelp.Web.Data.Postgres;
using WalletHelp.Web.Services.Faq;

namespace WalletHelp.Benchmarks;

/// <summary>
/// FAQ search p50/p99 on PostgreSQL at 100k articles: the same generated Chinese/English articles as the SQLite
/// benchmark (<see cref="FaqBenchmarkDatabase"/>), in a database of their own on the given server built by the app's
/// PostgreSQL migrations (pg_trgm GIN indexes), queried through the app's <see cref="FaqSearchIndex.SearchAsync"/>
/// (which hands Npgsql connections to <c>PostgresFaqSearch</c>) and, when nothing matched, <see cref="FaqWiderSearch"/>
/// with the seeded synonyms — what <c>FaqService.SearchAsync</c> runs, without its log write.
/// <para><c>WH_BENCH_PG="&lt;Npgsql connection string&gt;" dotnet run -c Release --project WalletHelp.Benchmarks --
/// --faq-latency-postgres [articles=100000] [iterations=200]</c>; <c>deploy/local/bench-faq.sh</c> sets it to
/// <c>deploy/local/up.sh</c>'s PostgreSQL. The database <c>wallethelp_faqbench_&lt;articles&gt;</c> is created on first
/// use (the user needs CREATEDB) and reused while it holds the expected articles; <c>--reseed</c> rebuilds it.</para>
/// </summary>
public static class FaqPostgresBenchmark
{
    /// <summary>Chinese substrings (2–5 characters) and English words / word starts, as people type them.</summary>
    private static readonly (string Query, string Lang)[] Queries =
    [
        ("冻结", "zh-CN"), ("银行卡", "zh-CN"), ("预留手机", "zh-CN"), ("数字人民币", "zh-CN"), ("身份 验证", "zh-CN"),
        ("绑卡失败", "zh-CN"), ("收不到验证码", "zh-CN"),
        ("reserved", "en"), ("verification", "en"), ("verif", "en"), ("card binding", "en"), ("zzzqqq", "en"),
    ];

    public static async Task RunAsync(string serverConnectionString, int articles, int iterations, bool reseed, bool explain)
    {
        var database = $"wallethelp_faqbench_{articles}";
        var cs = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = database, Pooling = true }.ConnectionString;
        var stopwatch = Stopwatch.StartNew();
        var seeded = await PrepareAsync(serverConnectionString, database, cs, articles, reseed);
        Console.WriteLine(seeded
            ? $"{articles:N0} articles generated, copied and indexed in {stopwatch.Elapsed.TotalSeconds:F1} s (database {database})"
            : $"{articles:N0} articles already in database {database} (--reseed rebuilds it)");

        await using var connection = new NpgsqlConnection(cs);
        await connection.OpenAsync();
        await using (var version = new NpgsqlCommand("SELECT current_setting('server_version'), (SELECT count(*) FROM \"FaqSearchDocs\")", connection))
        await using (var reader = await version.ExecuteReaderAsync())
        {
            await reader.ReadAsync();
            Console.WriteLine($"PostgreSQL {reader.GetString(0)}, {reader.GetInt64(1):N0} indexed documents (both languages); " +
                              $"{iterations} runs per query after 10 warm-ups; load average {LoadAverage()}");
        }
        Console.WriteLine();
        Console.WriteLine("| query | lang | hits | p50 ms | p99 ms | max ms |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|");
        foreach (var (query, lang) in Queries)
        {
            for (var i = 0; i < 10; i++)
            {
                await SearchLikeAppAsync(connection, query, lang);
            }
            var samples = new double[iterations];
            var hits = 0;
            for (var i = 0; i < iterations; i++)
            {
                var start = Stopwatch.GetTimestamp();
                hits = (await SearchLikeAppAsync(connection, query, lang)).Count;
                samples[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            }
            Array.Sort(samples);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {query} | {lang} | {hits} | {samples[iterations / 2]:F1} | {samples[Math.Min(iterations - 1, (int)Math.Ceiling(iterations * 0.99) - 1)]:F1} | {samples[^1]:F1} |"));
        }
        if (explain)
        {
            await ExplainAsync(connection);
        }
    }

    /// <summary>What FaqService.SearchAsync runs (limit 50, as the API): the index, then the synonym fallback.</summary>
    private static async Task<IReadOnlyList<FaqSearchHit>> SearchLikeAppAsync(NpgsqlConnection connection, string query, string lang)
    {
        var hits = await FaqSearchIndex.SearchAsync(connection, query, lang, null, 50, CancellationToken.None);
        return hits.Count > 0 ? hits : await FaqWiderSearch.SearchAsync(connection, query, lang, null, 50, FaqBenchmarkDatabase.Synonyms, CancellationToken.None);
    }

    /// <summary>EXPLAIN ANALYZE of the statements PostgresFaqSearch sends (<c>--explain</c>).</summary>
    private static async Task ExplainAsync(NpgsqlConnection connection)
    {
        foreach (var (query, lang) in Queries.Where(q => q.Query is "冻结" or "预留手机" or "reserved" or "card binding"))
        {
            await using var cmd = connection.CreateCommand();
            PostgresFaqSearch.Prepare(cmd, FaqSearchIndex.Terms(query), lang, null, 50);
            cmd.CommandText = "EXPLAIN (ANALYZE, BUFFERS) " + cmd.CommandText;
            Console.WriteLine($"\n-- EXPLAIN ANALYZE: {query} ({lang})");
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                Console.WriteLine(reader.GetString(0));
            }
        }
    }

    private static async Task<bool> PrepareAsync(string serverConnectionString, string database, string cs, int articles, bool reseed)
    {
        await using (var server = new NpgsqlConnection(serverConnectionString))
        {
            await server.OpenAsync();
            await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", server);
            exists.Parameters.AddWithValue("name", database);
            var found = await exists.ExecuteScalarAsync() is not null;
            if (found && !reseed && await CountAsync(cs) == articles)
            {
                // Migrations added since it was seeded (e.g. an index) apply to the kept data.
                await using var kept = new PostgresDbContext(Options(cs));
                await kept.Database.MigrateAsync();
                await using var analyze = new NpgsqlConnection(cs);
                await analyze.OpenAsync();
                await using var cmd = new NpgsqlCommand("VACUUM ANALYZE", analyze) { CommandTimeout = 0 };
                await cmd.ExecuteNonQueryAsync();
                return false;
            }
            NpgsqlConnection.ClearAllPools();
            if (found)
            {
                await using var drop = new NpgsqlCommand($"DROP DATABASE \"{database}\" WITH (FORCE)", server);
                await drop.ExecuteNonQueryAsync();
            }
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database}\" TEMPLATE template0 ENCODING 'UTF8'", server);
            await create.ExecuteNonQueryAsync();
        }

        await using (var db = new PostgresDbContext(Options(cs)))
        {
            await db.Database.MigrateAsync();
        }

        await using var connection = new NpgsqlConnection(cs);
        await connection.OpenAsync();
        await using (var categories = await connection.BeginBinaryImportAsync(
                         "COPY \"FaqCategories\" (\"Id\", \"Slug\", \"NameZh\", \"NameEn\", \"SortOrder\") FROM STDIN (FORMAT BINARY)"))
        {
            for (var c = 1; c <= 5; c++)
            {
                await categories.WriteRowAsync(default, c, $"cat-{c}", $"分类{c}", $"Category {c}", c * 10);
            }
            await categories.CompleteAsync();
        }

        // The same generator and seed as the SQLite benchmark: every tenth article is a draft (not indexed).
        var random = new Random(42);
        var updatedAt = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks;
        var docs = new List<(long Rid, int Id, string Lang, string Title, string Body)>(articles * 2);
        await using (var copy = await connection.BeginBinaryImportAsync(
                         """
                         COPY "FaqArticles" ("Id", "Slug", "CategoryId", "TitleZh", "BodyZh", "TitleEn", "BodyEn", "Status", "Tags",
                                             "SortOrder", "UpdatedBy", "UpdatedAt", "IsDeleted", "Version") FROM STDIN (FORMAT BINARY)
                         """))
        {
            for (var i = 1; i <= articles; i++)
            {
                var tzh = FaqBenchmarkDatabase.Text(random, FaqBenchmarkDatabase.ZhWords, FaqBenchmarkDatabase.ZhFiller, 1, 5, "");
                var bzh = FaqBenchmarkDatabase.Text(random, FaqBenchmarkDatabase.ZhWords, FaqBenchmarkDatabase.ZhFiller, 4, 70, "，");
                var ten = FaqBenchmarkDatabase.Text(random, FaqBenchmarkDatabase.EnWords, FaqBenchmarkDatabase.EnFiller, 1, 6, " ");
                var ben = FaqBenchmarkDatabase.Text(random, FaqBenchmarkDatabase.EnWords, FaqBenchmarkDatabase.EnFiller, 4, 60, " ");
                var published = i % 10 != 0;
                await copy.StartRowAsync();
                await copy.WriteAsync(i, NpgsqlDbType.Integer);
                await copy.WriteAsync($"article-{i}", NpgsqlDbType.Varchar);
                await copy.WriteAsync((i % 5) + 1, NpgsqlDbType.Integer);
                await copy.WriteAsync(tzh, NpgsqlDbType.Varchar);
                await copy.WriteAsync(bzh, NpgsqlDbType.Text);
                await copy.WriteAsync(ten, NpgsqlDbType.Varchar);
                await copy.WriteAsync(ben, NpgsqlDbType.Text);
                await copy.WriteAsync(published ? 1 : 0, NpgsqlDbType.Integer);
                await copy.WriteAsync("", NpgsqlDbType.Varchar);
                await copy.WriteAsync(i, NpgsqlDbType.Integer);
                await copy.WriteAsync("bench", NpgsqlDbType.Varchar);
                await copy.WriteAsync(updatedAt, NpgsqlDbType.Bigint);
                await copy.WriteAsync(false, NpgsqlDbType.Boolean);
                await copy.WriteAsync(1, NpgsqlDbType.Integer);
                if (published)
                {
                    docs.Add((FaqSearchIndex.RowId(i, Languages.Chinese), i, Languages.Chinese, tzh, bzh));
                    docs.Add((FaqSearchIndex.RowId(i, Languages.English), i, Languages.English, ten, ben));
                }
            }
            await copy.CompleteAsync();
        }
        await using (var copy = await connection.BeginBinaryImportAsync(
                         $"COPY \"{PostgresSql.FaqSearchTable}\" (rid, article_id, lang, title, body) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var d in docs)
            {
                await copy.WriteRowAsync(default, d.Rid, d.Id, d.Lang, d.Title, d.Body);
            }
            await copy.CompleteAsync();
        }
        foreach (var sql in new[] { """SELECT setval(pg_get_serial_sequence('"FaqArticles"', 'Id'), (SELECT max("Id") FROM "FaqArticles"))""", "VACUUM ANALYZE" })
        {
            await using var cmd = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
            await cmd.ExecuteNonQueryAsync();
        }
        return true;
    }

    private static DbContextOptions<ApplicationDbContext> Options(string cs) =>
        new DbContextOptionsBuilder<ApplicationDbContext>().UseNpgsql(cs, o => o.CommandTimeout(0)) // the migrations backfill 180k rows
            // Identity's schema version comes from the host's options; irrelevant to the FAQ tables migrated here.
            .ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning)).Options;

    private static async Task<long> CountAsync(string cs)
    {
        try
        {
            await using var connection = new NpgsqlConnection(cs);
            await connection.OpenAsync();
            await using var count = new NpgsqlCommand("SELECT count(*) FROM \"FaqArticles\"", connection);
            return (long)(await count.ExecuteScalarAsync())!;
        }
        catch (PostgresException)
        {
            return -1;
        }
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
