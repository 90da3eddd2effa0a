using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using WalletHelp.Core;
using WalletHelp.Web.Data;
using WalletHelp.Web.Services.Analytics;

namespace WalletHelp.Benchmarks;

/// <summary>
/// The /admin/analytics queries (the app's own <see cref="AnalyticsQueries"/>) over one million stored diagnoses in a
/// year, in an SQLite file built by the app's migrations (so the findings trigger and the indexes are the app's).
/// The file is seeded once and reused by every benchmark process (<see cref="AnalyticsBenchmarkDatabase.Path"/>).
/// </summary>
[MemoryDiagnoser]
public class AnalyticsBenchmarks
{
    private SqliteConnection? connection;
    private AnalyticsRange range = null!;

    [Params(30, 365)]
    public int Days { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        connection = AnalyticsBenchmarkDatabase.Open(AnalyticsBenchmarkDatabase.DefaultDiagnoses);
        range = AnalyticsBenchmarkDatabase.RangeOf(Days);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        connection?.Dispose();
        SqliteConnection.ClearAllPools();
    }

    [Benchmark(Description = "diagnoses per day by outcome")]
    public Task<IReadOnlyList<DailyOutcomeCount>> PerDay() => AnalyticsQueries.DiagnosesPerDayAsync(connection!, range);

    [Benchmark(Description = "top findings by symptom")]
    public Task<IReadOnlyList<SymptomFindingCount>> TopFindings() => AnalyticsQueries.TopFindingsAsync(connection!, range);

    [Benchmark(Description = "wizard funnel")]
    public Task<IReadOnlyList<FunnelStageCount>> Funnel() => AnalyticsQueries.FunnelAsync(connection!, range);

    [Benchmark(Description = "FAQ searches without results")]
    public Task<IReadOnlyList<ZeroResultSearch>> Searches() => AnalyticsQueries.ZeroResultSearchesAsync(connection!, range);

    [Benchmark(Description = "least helpful articles")]
    public Task<IReadOnlyList<ArticleHelpfulness>> LeastHelpful() => AnalyticsQueries.LeastHelpfulAsync(connection!, range);

    [Benchmark(Description = "cases by status")]
    public Task<IReadOnlyList<StatusCount>> Cases() => AnalyticsQueries.CasesByStatusAsync(connection!, range);

    [Benchmark(Description = "assist sessions")]
    public Task<IReadOnlyList<StatusCount>> Assist() => AnalyticsQueries.AssistSessionsAsync(connection!, range);

    [Benchmark(Description = "whole summary (page / API)")]
    public Task<AnalyticsSummary> Summary() => AnalyticsQueries.SummaryAsync(connection!, range);
}

public static class AnalyticsBenchmarkDatabase
{
    public const int DefaultDiagnoses = 1_000_000;

    /// <summary>The last day of the seeded year (fixed, so every run measures the same data).</summary>
    public static readonly DateOnly LastDay = new(2026, 11, 25);

    private static readonly string[] Symptoms =
        ["application-rejected", "cannot-log-in", "identity-verification-failed", "transaction-failed", "balance-query-failed", "account-frozen", "system-maintenance", "try-again-later"];

    private static readonly string[] Outcomes = ["ready", "wait", "fix-and-retry", "contact-support"];

    private static readonly string[] CodePool =
    [
        "PI-ID-CHECKSUM", "PI-ID-FORMAT", "PI-ID-EXPIRED", "PI-NAME-MISSING", "PI-PHONE-FORMAT", "PI-AGE-MINIMUM", "BK-CARD-LENGTH", "BK-CARD-LUHN",
        "BK-CARD-CREDIT", "BK-BANK-MISMATCH", "BK-PHONE-MISMATCH", "BK-CARD-MISSING", "AP-COOLDOWN", "AP-MAINTENANCE", "AP-INCIDENT", "AP-RISK-HOLD",
        "AP-READY", "AP-CLASS-PREREQ", "AP-REVIEW-REJECTED", "TX-LIMIT-SINGLE", "TX-LIMIT-DAILY", "TX-BALANCE", "AP-PEAK-HOURS", "AP-NETWORK",
    ];

    /// <summary>The seeded file, named after the schema it was built with (a new migration seeds a new file).</summary>
    public static string Path(int diagnoses) =>
        System.IO.Path.Combine(System.IO.Path.GetTempPath(), "wallethelp-bench", $"analytics-{diagnoses}-{LatestMigration}.db");

    private static string LatestMigration =>
        typeof(ApplicationDbContext).Assembly.GetTypes()
            .Select(t => t.GetCustomAttributes(typeof(Microsoft.EntityFrameworkCore.Migrations.MigrationAttribute), false).FirstOrDefault())
            .OfType<Microsoft.EntityFrameworkCore.Migrations.MigrationAttribute>()
            .Max(m => m.Id)!.Split('_')[0];

    public static AnalyticsRange RangeOf(int days) => new(LastDay.AddDays(1 - days), LastDay);

    /// <summary>Opens the seeded file, seeding it first if it does not exist yet.</summary>
    public static SqliteConnection Open(int diagnoses)
    {
        var path = Path(diagnoses);
        if (!File.Exists(path)) Seed(path, diagnoses);
        var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly");
        connection.Open();
        return connection;
    }

    /// <summary>
    /// Migrates a new file, then inserts <paramref name="diagnoses"/> diagnoses spread over the year up to
    /// <see cref="LastDay"/> (0–3 finding codes each; the app's trigger counts them), 200,000 FAQ searches (one in
    /// five without results), 100,000 votes on 50 articles and a year of funnel counts, with prepared statements in
    /// one transaction. The file appears under its final name only when complete.
    /// </summary>
    public static void Seed(string path, int diagnoses)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        var building = path + ".building";
        File.Delete(building);
        var cs = $"Data Source={building}";
        var options = new DbContextOptionsBuilder<ApplicationDbContext>().UseSqlite(cs)
            .ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning)).Options;
        using (var db = new ApplicationDbContext(options))
        {
            db.Database.Migrate();
        }
        var stopwatch = Stopwatch.StartNew();
        var random = new Random(7);
        using (var connection = new SqliteConnection(cs))
        {
            connection.Open();
            Exec(connection, "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA cache_size=-200000;");
            using (var tx = connection.BeginTransaction())
            {
                using var insert = Prepared(connection, tx, """
                    INSERT INTO Diagnoses (Reference, CreatedAt, Symptom, Outcome, Language, RuleSetVersion, ParameterSet, FindingsJson, MaskedInputJson, Codes, Status)
                    VALUES ($ref, $at, $symptom, $outcome, 'zh-CN', '2026.11.1', 0, '[]', '{}', $codes, 'open');
                    """, "$ref", "$at", "$symptom", "$outcome", "$codes");
                var start = ChinaTime.StartOfDay(LastDay.AddDays(-364)).UtcTicks;
                var span = ChinaTime.StartOfDay(LastDay.AddDays(1)).UtcTicks - start;
                var step = span / diagnoses;
                var codes = new List<string>(3);
                for (var i = 0; i < diagnoses; i++)
                {
                    codes.Clear();
                    var count = random.Next(4);
                    while (codes.Count < count)
                    {
                        var code = CodePool[random.Next(CodePool.Length)];
                        if (!codes.Contains(code)) codes.Add(code);
                    }
                    insert.Parameters[0].Value = "WH-B" + i.ToString("D8", System.Globalization.CultureInfo.InvariantCulture);
                    insert.Parameters[1].Value = start + step * i;
                    insert.Parameters[2].Value = Symptoms[random.Next(Symptoms.Length)];
                    insert.Parameters[3].Value = Outcomes[random.Next(Outcomes.Length)];
                    insert.Parameters[4].Value = string.Join(',', codes);
                    insert.ExecuteNonQuery();
                }

                for (var c = 1; c <= 5; c++)
                {
                    Exec(connection, $"INSERT INTO FaqCategories (Id, Slug, NameZh, NameEn, SortOrder) VALUES ({c}, 'cat-{c}', '分类{c}', 'Category {c}', {c * 10});", tx);
                }
                for (var a = 1; a <= 50; a++)
                {
                    Exec(connection, $"""
                        INSERT INTO FaqArticles (Id, Slug, CategoryId, TitleZh, BodyZh, TitleEn, BodyEn, Status, Tags, SortOrder, UpdatedBy, UpdatedAt, IsDeleted, Version)
                        VALUES ({a}, 'article-{a}', {(a % 5) + 1}, '文章{a}', '正文', 'Article {a}', 'Body', 1, '', {a}, 'bench', '2026-01-01 00:00:00', 0, 1);
                        """, tx);
                }
                var yearStart = ChinaTime.StartOfDay(LastDay.AddDays(-364));
                using var search = Prepared(connection, tx,
                    "INSERT INTO FaqSearchQueries (Query, Language, ResultCount, CreatedAt) VALUES ($q, 'zh-CN', $n, $at);", "$q", "$n", "$at");
                for (var i = 0; i < 200_000; i++)
                {
                    var none = i % 5 == 0;
                    search.Parameters[0].Value = none ? $"没有结果的搜索{random.Next(2_000)}" : $"绑卡{random.Next(500)}";
                    search.Parameters[1].Value = none ? 0 : 1 + random.Next(20);
                    search.Parameters[2].Value = yearStart.AddSeconds(random.Next(365 * 86_400)).UtcTicks;
                    search.ExecuteNonQuery();
                }
                using var vote = Prepared(connection, tx,
                    "INSERT INTO FaqArticleVotes (ArticleId, Helpful, Comment, Language, CreatedAt) VALUES ($a, $h, $c, 'zh-CN', $at);", "$a", "$h", "$c", "$at");
                for (var i = 0; i < 100_000; i++)
                {
                    var helpful = random.Next(3) > 0;
                    vote.Parameters[0].Value = 1 + random.Next(50);
                    vote.Parameters[1].Value = helpful ? 1 : 0;
                    vote.Parameters[2].Value = !helpful && i % 3 == 0 ? $"第{i}条：步骤看不懂" : DBNull.Value;
                    vote.Parameters[3].Value = yearStart.AddSeconds(random.Next(365 * 86_400)).UtcTicks;
                    vote.ExecuteNonQuery();
                }
                // Agents worked one diagnosis in ten (the status triggers move its case count), and 20,000 assist events.
                Exec(connection, """
                    UPDATE Diagnoses SET Status = CASE Id % 40 WHEN 0 THEN 'waiting-on-user' WHEN 10 THEN 'escalated' ELSE 'resolved' END
                    WHERE Id % 10 = 0;
                    """, tx);
                using var assist = Prepared(connection, tx,
                    "INSERT INTO AuditEntries (At, Actor, Action, Target) VALUES ($at, 'agent@bench', $action, 'WH-BENCH');", "$at", "$action");
                string[] assistActions = ["assist.started", "assist.joined", "assist.hint", "assist.pointed", "assist.ended", "assist.left"];
                for (var i = 0; i < 20_000; i++)
                {
                    assist.Parameters[0].Value = yearStart.AddSeconds(random.Next(365 * 86_400)).UtcTicks;
                    assist.Parameters[1].Value = assistActions[i % assistActions.Length];
                    assist.ExecuteNonQuery();
                }
                using var funnel = Prepared(connection, tx,
                    "INSERT INTO AnalyticsFunnelDays (Day, Symptom, Stage, StepKey, Count) VALUES ($d, $s, $stage, $key, $n);", "$d", "$s", "$stage", "$key", "$n");
                string[] keys = ["personal", "bank", "application", "transaction"];
                for (var day = LastDay.AddDays(-364); day <= LastDay; day = day.AddDays(1))
                {
                    foreach (var symptom in Symptoms)
                    {
                        long reached = 400 + random.Next(100);
                        for (var stage = 1; stage <= 5; stage++)
                        {
                            funnel.Parameters[0].Value = day.DayNumber;
                            funnel.Parameters[1].Value = symptom;
                            funnel.Parameters[2].Value = stage == 5 ? 99 : stage;
                            funnel.Parameters[3].Value = stage == 5 ? "result" : keys[stage - 1];
                            funnel.Parameters[4].Value = reached;
                            funnel.ExecuteNonQuery();
                            reached = reached * (70 + random.Next(25)) / 100;
                        }
                    }
                }
                tx.Commit();
            }
            Exec(connection, "ANALYZE;");
        }
        SqliteConnection.ClearAllPools();
        File.Move(building, path, overwrite: true);
        Console.WriteLine($"Seeded {diagnoses:N0} diagnoses (+ searches, votes, funnel) into {path} in {stopwatch.Elapsed.TotalSeconds:F0} s");
    }

    /// <summary>Plain timings: each query 10 times after 2 warm-ups, for 30 and 365 days; prints median and max in ms.</summary>
    public static async Task RunLatencyAsync(int diagnoses)
    {
        await using var connection = Open(diagnoses);
        Console.WriteLine($"{diagnoses:N0} diagnoses in {Path(diagnoses)} ({new FileInfo(Path(diagnoses)).Length / 1_048_576} MB)");
        foreach (var days in new[] { 30, 365 })
        {
            var range = RangeOf(days);
            var queries = new (string Name, Func<Task<int>> Run)[]
            {
                ("diagnoses per day by outcome", async () => (await AnalyticsQueries.DiagnosesPerDayAsync(connection, range)).Count),
                ("top findings by symptom", async () => (await AnalyticsQueries.TopFindingsAsync(connection, range)).Count),
                ("wizard funnel", async () => (await AnalyticsQueries.FunnelAsync(connection, range)).Count),
                ("FAQ searches without results", async () => (await AnalyticsQueries.ZeroResultSearchesAsync(connection, range)).Count),
                ("least helpful articles", async () => (await AnalyticsQueries.LeastHelpfulAsync(connection, range)).Count),
                ("cases by status", async () => (await AnalyticsQueries.CasesByStatusAsync(connection, range)).Count),
                ("assist sessions", async () => (await AnalyticsQueries.AssistSessionsAsync(connection, range)).Count),
                ("whole summary", async () => (int)(await AnalyticsQueries.SummaryAsync(connection, range)).TotalDiagnoses),
            };
            foreach (var (name, run) in queries)
            {
                await run();
                await run();
                var samples = new double[10];
                var rows = 0;
                for (var i = 0; i < samples.Length; i++)
                {
                    var t = Stopwatch.GetTimestamp();
                    rows = await run();
                    samples[i] = Stopwatch.GetElapsedTime(t).TotalMilliseconds;
                }
                Array.Sort(samples);
                Console.WriteLine($"  {days,3} days  {name,-30} rows={rows,8}  median={samples[5],8:F1} ms  max={samples[^1],8:F1} ms");
            }
        }
    }

    private static SqliteCommand Prepared(SqliteConnection connection, SqliteTransaction tx, string sql, params string[] names)
    {
        var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        foreach (var name in names) cmd.Parameters.Add(new SqliteParameter { ParameterName = name });
        cmd.Prepare();
        return cmd;
    }

    private static void Exec(SqliteConnection connection, string sql, SqliteTransaction? tx = null)
    {
        using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }
}
