using Microsoft.EntityFrameworkCore;
using WalletHelp.Core;
using WalletHelp.Tests.Faq;
using WalletHelp.Web.Data.Diagnoses;
using WalletHelp.Web.Data.Faq;

namespace WalletHelp.Tests.Analytics;

/// <summary>A generated diagnosis: what the tests insert and compute their expectations from.</summary>
internal sealed record GeneratedDiagnosis(DateTimeOffset At, string Symptom, string Outcome, string[] Codes)
{
    public DateOnly Day => ChinaTime.Today(At);
}

internal static class AnalyticsTestData
{
    public static readonly string[] Outcomes = ["ready", "wait", "fix-and-retry", "contact-support"];

    /// <summary>
    /// <paramref name="count"/> diagnoses every 37 minutes from 2026-11-01 00:00 Beijing time (about 5 days for 200),
    /// with outcomes, symptoms and finding codes in fixed cycles (some with no finding at all).
    /// </summary>
    public static List<GeneratedDiagnosis> Generate(int count)
    {
        var start = ChinaTime.StartOfDay(new DateOnly(2026, 11, 1));
        var list = new List<GeneratedDiagnosis>(count);
        for (var i = 0; i < count; i++)
        {
            var codes = new List<string>();
            if (i % 2 == 0) codes.Add("PI-ID-CHECKSUM");
            if (i % 5 == 0) codes.Add("BK-CARD-LENGTH");
            if (i % 7 == 0) codes.Add("AP-COOLDOWN");
            list.Add(new(start.AddMinutes(37 * i), i % 3 == 0 ? "cannot-log-in" : "application-rejected", Outcomes[i % 4], [.. codes]));
        }
        return list;
    }

    /// <summary>Stored through EF Core, like DiagnosisService does (the findings trigger runs on each insert).</summary>
    public static async Task InsertAsync(FaqTestDatabase database, IEnumerable<GeneratedDiagnosis> diagnoses)
    {
        await using var db = await database.Factory.CreateDbContextAsync();
        var n = await db.Diagnoses.CountAsync();
        foreach (var d in diagnoses)
        {
            n++;
            db.Diagnoses.Add(new DiagnosisRecord
            {
                Reference = $"WH-T{n:D7}",
                CreatedAt = d.At,
                Symptom = d.Symptom,
                Outcome = d.Outcome,
                Language = "zh-CN",
                RuleSetVersion = "test",
                FindingsJson = "[]",
                MaskedInputJson = "{}",
                Codes = string.Join(',', d.Codes),
            });
        }
        await db.SaveChangesAsync();
    }

    public static async Task SearchAsync(FaqTestDatabase database, string query, int results, DateTimeOffset at, int times = 1)
    {
        await using var db = await database.Factory.CreateDbContextAsync();
        for (var i = 0; i < times; i++)
        {
            db.Add(new FaqSearchQuery { Query = query, Language = "zh-CN", ResultCount = results, CreatedAt = at.UtcDateTime.AddSeconds(i) });
        }
        await db.SaveChangesAsync();
    }

    public static async Task VoteAsync(FaqTestDatabase database, int articleId, bool helpful, DateTimeOffset at, string? comment = null)
    {
        await using var db = await database.Factory.CreateDbContextAsync();
        db.Add(new FaqArticleVote { ArticleId = articleId, Helpful = helpful, Comment = comment, Language = "zh-CN", CreatedAt = at.UtcDateTime });
        await db.SaveChangesAsync();
    }

    public static async Task<List<(int Id, string Slug)>> ArticlesAsync(FaqTestDatabase database)
    {
        await using var db = await database.Factory.CreateDbContextAsync();
        return [.. (await db.Set<FaqArticle>().OrderBy(a => a.Id).Select(a => new { a.Id, a.Slug }).ToListAsync()).Select(a => (a.Id, a.Slug))];
    }
}
