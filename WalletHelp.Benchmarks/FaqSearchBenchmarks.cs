using System.Data.Common;
using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using WalletHelp.Core.Localization;
using WalletHelp.Web.Data;
using WalletHelp.Web.Services.Faq;

namespace WalletHelp.Benchmarks;

/// <summary>
/// FAQ search over 10k and 100k generated articles (Chinese and English) in a temp SQLite file built by the
/// app's own migrations, queried by the app's own <see cref="FaqSearchIndex.SearchAsync"/> and, when that finds nothing,
/// <see cref="FaqWiderSearch.SearchAsync"/> with the seeded synonym groups (as <c>FaqService</c> does).
/// </summary>
[Config(typeof(PercentileConfig))]
[MemoryDiagnoser]
public class FaqSearchBenchmarks
{
    private FaqBenchmarkDatabase? database;

    [Params(10_000, 100_000)]
    public int Articles { get; set; }

    [GlobalSetup]
    public void Setup() => database = FaqBenchmarkDatabase.Create(Articles);

    [GlobalCleanup]
    public void Cleanup() => database?.Dispose();

    [Benchmark(Description = "zh 3+ chars (trigram FTS)")]
    public Task<IReadOnlyList<FaqSearchHit>> ChineseSubstring() => database!.SearchAsync("预留手机", "zh-CN");

    [Benchmark(Description = "zh 2 chars (gram table)")]
    public Task<IReadOnlyList<FaqSearchHit>> ChineseTwoCharacters() => database!.SearchAsync("冻结", "zh-CN");

    [Benchmark(Description = "en word")]
    public Task<IReadOnlyList<FaqSearchHit>> EnglishWord() => database!.SearchAsync("Reserved", "en");

    [Benchmark(Description = "en two words")]
    public Task<IReadOnlyList<FaqSearchHit>> EnglishTwoWords() => database!.SearchAsync("card binding", "en");

    [Benchmark(Description = "zh everyday wording, via synonyms (绑卡失败)")]
    public Task<IReadOnlyList<FaqSearchHit>> ChineseSynonym() => database!.SearchLikeAppAsync("绑卡失败", "zh-CN");

    [Benchmark(Description = "zh no match, fallback (银行卡绑定)")]
    public Task<IReadOnlyList<FaqSearchHit>> ChineseNoMatch() => database!.SearchLikeAppAsync("银行卡绑定", "zh-CN");

    [Benchmark(Description = "en no match, fallback (zzzqqq)")]
    public Task<IReadOnlyList<FaqSearchHit>> EnglishNoMatch() => database!.SearchLikeAppAsync("zzzqqq", "en");

    private sealed class PercentileConfig : ManualConfig
    {
        public PercentileConfig()
        {
            AddColumn(StatisticColumn.P50, StatisticColumn.P95, StatisticColumn.Max);
        }
    }
}

/// <summary>Builds the database and measures p50/p99 by plain repetition (BenchmarkDotNet has no p99 column).</summary>
public sealed class FaqBenchmarkDatabase : IDisposable
{
    internal static readonly string[] ZhWords =
    [
        "身份", "验证", "银行卡", "预留手机号", "绑定", "钱包", "开通", "审核", "风控", "冻结", "维护", "网络", "客服", "额度",
        "充值", "提现", "密码", "安全", "证件", "过期", "校验位", "姓名", "支付", "转账", "等级", "限额", "信用", "记录", "失败", "重试",
        "数字人民币", "运营机构", "网点", "短信", "验证码", "升级", "余额", "商户", "扫码", "离线",
    ];

    internal static readonly string[] EnWords =
    [
        "identity", "verification", "bank", "card", "reserved", "phone", "binding", "wallet", "opening", "review", "risk",
        "frozen", "maintenance", "network", "support", "limit", "top-up", "withdraw", "password", "security", "document",
        "expired", "check", "digit", "name", "payment", "transfer", "class", "credit", "record", "failed", "retry", "branch",
        "operator", "sms", "code", "upgrade", "balance", "merchant", "offline", "the", "and", "your", "when", "with",
    ];

    private readonly string folder;
    private readonly SqliteConnection connection;

    private FaqBenchmarkDatabase(string folder, SqliteConnection connection)
    {
        this.folder = folder;
        this.connection = connection;
    }

    public DbConnection Connection => connection;

    public static FaqBenchmarkDatabase Create(int articles)
    {
        var folder = Path.Combine(Path.GetTempPath(), "wallethelp-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var cs = $"Data Source={Path.Combine(folder, "faq.db")}";
        var options = new DbContextOptionsBuilder<ApplicationDbContext>().UseSqlite(cs)
            // Identity's schema version comes from the host's options; irrelevant to the FAQ tables migrated here.
            .ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning)).Options;
        using (var db = new ApplicationDbContext(options))
        {
            db.Database.Migrate();
        }

        var connection = new SqliteConnection(cs);
        connection.Open();
        Exec(connection, "PRAGMA journal_mode=WAL;");
        var random = new Random(42);
        using (var tx = connection.BeginTransaction())
        {
            for (var c = 1; c <= 5; c++)
            {
                Exec(connection, $"INSERT INTO FaqCategories (Id, Slug, NameZh, NameEn, SortOrder) VALUES ({c}, 'cat-{c}', '分类{c}', 'Category {c}', {c * 10});", tx);
            }
            using var article = connection.CreateCommand();
            article.Transaction = tx;
            article.CommandText = """
                INSERT INTO FaqArticles (Id, Slug, CategoryId, TitleZh, BodyZh, TitleEn, BodyEn, Status, Tags, SortOrder, UpdatedBy, UpdatedAt, IsDeleted, Version)
                VALUES ($id, $slug, $cat, $tzh, $bzh, $ten, $ben, $status, '', $id, 'bench', '2026-01-01 00:00:00', 0, 1);
                """;
            using var fts = connection.CreateCommand();
            fts.Transaction = tx;
            fts.CommandText = """
                INSERT INTO FaqSearch(rowid, title, body, lang, article_id) VALUES ($rowid, $title, $body, $lang, $id);
                INSERT INTO FaqSearchGrams(rowid, title, body) VALUES ($rowid, $gramTitle, $gramBody);
                """;
            for (var i = 1; i <= articles; i++)
            {
                var tzh = Text(random, ZhWords, ZhFiller, 1, 5, "");
                var bzh = Text(random, ZhWords, ZhFiller, 4, 70, "，");
                var ten = Text(random, EnWords, EnFiller, 1, 6, " ");
                var ben = Text(random, EnWords, EnFiller, 4, 60, " ");
                var published = i % 10 != 0; // every tenth is a draft (not indexed, as the app does)
                Set(article, ("$id", i), ("$slug", $"article-{i}"), ("$cat", (i % 5) + 1), ("$tzh", tzh), ("$bzh", bzh), ("$ten", ten), ("$ben", ben), ("$status", published ? 1 : 0));
                article.ExecuteNonQuery();
                if (published)
                {
                    Set(fts, ("$rowid", FaqSearchIndex.RowId(i, Languages.Chinese)), ("$title", tzh), ("$body", bzh), ("$lang", Languages.Chinese), ("$id", i),
                        ("$gramTitle", FaqSearchIndex.GramText(tzh)), ("$gramBody", FaqSearchIndex.GramText(bzh)));
                    fts.ExecuteNonQuery();
                    Set(fts, ("$rowid", FaqSearchIndex.RowId(i, Languages.English)), ("$title", ten), ("$body", ben), ("$lang", Languages.English), ("$id", i),
                        ("$gramTitle", FaqSearchIndex.GramText(ten)), ("$gramBody", FaqSearchIndex.GramText(ben)));
                    fts.ExecuteNonQuery();
                }
            }
            tx.Commit();
        }
        Exec(connection, "INSERT INTO FaqSearch(FaqSearch) VALUES('optimize'); INSERT INTO FaqSearchGrams(FaqSearchGrams) VALUES('optimize'); ANALYZE;");
        return new FaqBenchmarkDatabase(folder, connection);
    }

    /// <summary>The seeded synonym groups, as <see cref="FaqSynonymService.GroupsAsync"/> reads them back.</summary>
    internal static readonly IReadOnlyList<IReadOnlyList<string>> Synonyms =
        [.. FaqSynonymSeed.Groups.Select(g => FaqSynonymService.Split(string.Join(", ", g))).Where(g => g.Count >= 2)];

    /// <summary>The index alone (a query whose terms all match never goes further).</summary>
    public Task<IReadOnlyList<FaqSearchHit>> SearchAsync(string query, string lang) =>
        FaqSearchIndex.SearchAsync(connection, query, lang, null, 20);

    /// <summary>What <c>FaqService.SearchAsync</c> runs (without its log write): the index, then the synonym fallback.</summary>
    public async Task<IReadOnlyList<FaqSearchHit>> SearchLikeAppAsync(string query, string lang)
    {
        var hits = await FaqSearchIndex.SearchAsync(connection, query, lang, null, 20);
        return hits.Count > 0 ? hits : await FaqWiderSearch.SearchAsync(connection, query, lang, null, 20, Synonyms);
    }

    /// <summary>Runs each query <paramref name="iterations"/> times after a warm-up; prints p50, p99 and max in ms.</summary>
    public static async Task RunLatencyAsync(int articles, int iterations)
    {
        var stopwatch = Stopwatch.StartNew();
        using var database = Create(articles);
        Console.WriteLine($"{articles:N0} articles generated and indexed in {stopwatch.Elapsed.TotalSeconds:F1} s");
        (string Query, string Lang)[] queries =
        [
            ("预留手机", "zh-CN"), ("银行卡绑定", "zh-CN"), ("冻结", "zh-CN"), ("Reserved", "en"), ("card binding", "en"), ("zzzqqq", "en"),
            ("绑卡失败", "zh-CN"), ("收不到验证码", "zh-CN"), ("sms code", "en"),
        ];
        foreach (var (query, lang) in queries)
        {
            // "index": FaqSearchIndex alone; "app": as FaqService searches, with the synonym fallback when nothing matched.
            foreach (var (path, search) in new (string, Func<Task<IReadOnlyList<FaqSearchHit>>>)[]
                     {
                         ("index", () => database.SearchAsync(query, lang)),
                         ("app", () => database.SearchLikeAppAsync(query, lang)),
                     })
            {
                for (var i = 0; i < 20; i++)
                {
                    await search();
                }
                var samples = new double[iterations];
                var hits = 0;
                for (var i = 0; i < iterations; i++)
                {
                    var start = Stopwatch.GetTimestamp();
                    hits = (await search()).Count;
                    samples[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                }
                Array.Sort(samples);
                Console.WriteLine($"  {articles,7:N0}  {lang,-5} {query,-14} {path,-5} hits={hits,2}  p50={samples[iterations / 2]:F3} ms  p99={samples[(int)(iterations * 0.99)]:F3} ms  max={samples[^1]:F3} ms");
            }
        }
    }

    public void Dispose()
    {
        connection.Dispose();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>
    /// A few product words among many filler words, so a product word occurs in a few percent of articles
    /// (as in a real knowledge base) rather than in every one.
    /// </summary>
    internal static string Text(Random random, string[] topics, string[] filler, int topicCount, int fillerCount, string separator)
    {
        var words = Enumerable.Range(0, fillerCount).Select(_ => filler[random.Next(filler.Length)]).ToList();
        for (var i = 0; i < topicCount; i++)
        {
            words.Insert(random.Next(words.Count + 1), topics[random.Next(topics.Length)]);
        }
        return string.Join(separator, words);
    }

    private const string CommonHanzi =
        "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理府研";

    internal static readonly string[] ZhFiller =
        [.. Enumerable.Range(0, 6000).Select(i => new string([CommonHanzi[(i * 7) % CommonHanzi.Length], CommonHanzi[(i * 13 + i / CommonHanzi.Length) % CommonHanzi.Length]]))];

    internal static readonly string[] EnFiller =
        [.. Enumerable.Range(0, 6000).Select(i => Syllable(i) + Syllable(i / 17 + 5) + Syllable(i / 289 + 11))];

    private static string Syllable(int i) =>
        "bcdfghjklmnprstvwz"[i % 18] + "aeiou"[(i / 18) % 5].ToString() + "nrsxl"[(i / 90) % 5];

    private static void Exec(SqliteConnection connection, string sql, SqliteTransaction? tx = null)
    {
        using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    private static void Set(SqliteCommand cmd, params (string Name, object Value)[] values)
    {
        foreach (var (name, value) in values)
        {
            if (cmd.Parameters.Contains(name))
            {
                cmd.Parameters[name].Value = value;
            }
            else
            {
                cmd.Parameters.AddWithValue(name, value);
            }
        }
    }
}
