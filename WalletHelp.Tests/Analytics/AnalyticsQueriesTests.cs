using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using WalletHelp.Core;
using WalletHelp.Tests.Faq;
using WalletHelp.Web.Data.Audit;
using WalletHelp.Web.Data.Diagnoses;
using WalletHelp.Web.Services.Analytics;
using WalletHelp.Web.Services.Audit;

namespace WalletHelp.Tests.Analytics;

/// <summary>The analytics figures over generated data in a migrated SQLite file: exact counts, Beijing day boundaries.</summary>
public sealed class AnalyticsQueriesTests : IDisposable
{
    private static readonly DateOnly Nov1 = new(2026, 11, 1);

    private readonly FaqTestDatabase database = new();
    private readonly AnalyticsService analytics;

    public AnalyticsQueriesTests() => analytics = new AnalyticsService(database.Factory);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateTimeOffset Beijing(int day, int hour, int minute = 0) => ChinaTime.At(new DateTime(2026, 11, day, hour, minute, 0));

    [Fact]
    public async Task DiagnosesPerDayByOutcome_MatchTheGeneratedData_ExactlyPerBeijingDay()
    {
        var generated = AnalyticsTestData.Generate(200);
        await AnalyticsTestData.InsertAsync(database, generated);

        var summary = await analytics.GetSummaryAsync(new AnalyticsRange(Nov1, Nov1.AddDays(9)), Ct);

        var expected = generated.GroupBy(d => (d.Day, d.Outcome)).OrderBy(g => g.Key.Day).ThenBy(g => g.Key.Outcome, StringComparer.Ordinal)
            .Select(g => new DailyOutcomeCount(g.Key.Day, g.Key.Outcome, g.Count())).ToList();
        Assert.Equal(expected, summary.DiagnosesPerDay);
        Assert.Equal(200, summary.TotalDiagnoses);
        // 200 × 37 minutes from midnight: 1 Nov holds i = 0…38 (39 diagnoses), 6 Nov i = 195…199.
        Assert.Equal(39, summary.DiagnosesPerDay.Where(d => d.Day == Nov1).Sum(d => d.Count));
        Assert.Equal(10, summary.DiagnosesPerDay.Single(d => d.Day == Nov1 && d.Outcome == "ready").Count);
        Assert.Equal(5, summary.DiagnosesPerDay.Where(d => d.Day == new DateOnly(2026, 11, 6)).Sum(d => d.Count));
    }

    [Fact]
    public async Task Range_IsWholeBeijingDays_BothEndsIncluded()
    {
        await AnalyticsTestData.InsertAsync(database,
        [
            new(Beijing(1, 0), "cannot-log-in", "ready", ["PI-ID-CHECKSUM"]),             // 2026-10-31 16:00 UTC: 1 Nov in Beijing
            new(Beijing(1, 0).AddSeconds(-1), "cannot-log-in", "ready", ["PI-ID-CHECKSUM"]), // 31 Oct in Beijing
            new(Beijing(2, 23, 59), "cannot-log-in", "wait", ["AP-COOLDOWN"]),
            new(Beijing(3, 0), "cannot-log-in", "wait", ["AP-COOLDOWN"]),
        ]);

        var summary = await analytics.GetSummaryAsync(new AnalyticsRange(Nov1, new DateOnly(2026, 11, 2)), Ct);

        Assert.Equal([new DailyOutcomeCount(Nov1, "ready", 1), new DailyOutcomeCount(new DateOnly(2026, 11, 2), "wait", 1)], summary.DiagnosesPerDay);
        Assert.Equal([new SymptomFindingCount("cannot-log-in", 1, "AP-COOLDOWN", 1), new SymptomFindingCount("cannot-log-in", 2, "PI-ID-CHECKSUM", 1)],
            summary.TopFindings);
    }

    [Fact]
    public async Task TopFindings_AreCountedPerSymptom_MostFrequentFirst()
    {
        var generated = AnalyticsTestData.Generate(200);
        await AnalyticsTestData.InsertAsync(database, generated);
        var range = new AnalyticsRange(new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 4));

        var summary = await analytics.GetSummaryAsync(range, Ct);

        var expected = generated.Where(d => d.Day >= range.From && d.Day <= range.To)
            .SelectMany(d => d.Codes.Select(c => (d.Symptom, Code: c)))
            .GroupBy(x => x).Select(g => (g.Key.Symptom, g.Key.Code, Count: (long)g.Count()))
            .GroupBy(x => x.Symptom).OrderBy(g => g.Key, StringComparer.Ordinal)
            .SelectMany(g => g.OrderByDescending(x => x.Count).ThenBy(x => x.Code, StringComparer.Ordinal)
                .Select((x, i) => new SymptomFindingCount(x.Symptom, i + 1, x.Code, x.Count)))
            .ToList();
        Assert.Equal(expected, summary.TopFindings);
        Assert.Equal(6, summary.TopFindings.Count);
        Assert.Equal("PI-ID-CHECKSUM", summary.TopFindings.First(f => f.Symptom == "application-rejected").Code);
    }

    [Fact]
    public async Task Funnel_CountsReachedAndStoppedPerStage_PerSymptomAndOverall()
    {
        var writer = new WizardFunnelWriter(new WizardFunnelRecorder(TimeProvider.System), database.Factory, NullLogger<WizardFunnelWriter>.Instance);
        var at = Beijing(3, 10);
        var events = new List<FunnelEvent>();
        void Add(string symptom, int stage, string key, int runs)
        {
            for (var i = 0; i < runs; i++) events.Add(new FunnelEvent(at, symptom, stage, key));
        }
        Add("application-rejected", 1, "personal", 10);
        Add("application-rejected", 2, "bank", 7);
        Add("application-rejected", 3, "application", 5);
        Add("application-rejected", WizardFunnelRecorder.ResultStage, "result", 4);
        Add("cannot-log-in", 1, "personal", 3);
        Add("cannot-log-in", WizardFunnelRecorder.ResultStage, "result", 1);
        // Two batches add up; a view outside the range is not counted.
        await writer.WriteAsync(events.Take(9).ToList(), Ct);
        await writer.WriteAsync(events.Skip(9).ToList(), Ct);
        await writer.WriteAsync([new FunnelEvent(Beijing(5, 1), "cannot-log-in", 1, "personal")], Ct);

        var summary = await analytics.GetSummaryAsync(new AnalyticsRange(new DateOnly(2026, 11, 3), new DateOnly(2026, 11, 4)), Ct);

        Assert.Equal(
        [
            new FunnelStageCount("application-rejected", 1, "personal", 10, 3),
            new FunnelStageCount("application-rejected", 2, "bank", 7, 2),
            new FunnelStageCount("application-rejected", 3, "application", 5, 1),
            new FunnelStageCount("application-rejected", 99, "result", 4, 0),
            new FunnelStageCount("cannot-log-in", 1, "personal", 3, 2),
            new FunnelStageCount("cannot-log-in", 99, "result", 1, 0),
            // Overall: the sum of each symptom's stop-outs (cannot-log-in goes from step 1 straight to its result).
            new FunnelStageCount(null, 1, "", 13, 5),
            new FunnelStageCount(null, 2, "", 7, 2),
            new FunnelStageCount(null, 3, "", 5, 1),
            new FunnelStageCount(null, 99, "result", 5, 0),
        ], summary.Funnel);
    }

    [Fact]
    public async Task ZeroResultSearches_MostFrequentFirst_OnlyThoseThatFoundNothingInTheRange()
    {
        await AnalyticsTestData.SearchAsync(database, "绑卡失败", 0, Beijing(2, 9), times: 3);
        await AnalyticsTestData.SearchAsync(database, "abc", 0, Beijing(2, 23, 59));
        await AnalyticsTestData.SearchAsync(database, "身份证", 4, Beijing(2, 9), times: 5);
        await AnalyticsTestData.SearchAsync(database, "绑卡失败", 0, Beijing(3, 0));
        await AnalyticsTestData.SearchAsync(database, "昨天", 0, Beijing(1, 23, 59));

        var summary = await analytics.GetSummaryAsync(new AnalyticsRange(new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 2)), Ct);

        Assert.Equal([new ZeroResultSearch("绑卡失败", "zh-CN", 3), new ZeroResultSearch("abc", "zh-CN", 1)], summary.ZeroResultSearches);
    }

    [Fact]
    public async Task LeastHelpful_MostNotHelpfulVotesFirst_WithNewestWhyNotComments_Scrubbed()
    {
        var articles = await AnalyticsTestData.ArticlesAsync(database);
        var (a, b, c) = (articles[0], articles[1], articles[2]);
        await AnalyticsTestData.VoteAsync(database, a.Id, false, Beijing(2, 8), "太长了");
        await AnalyticsTestData.VoteAsync(database, a.Id, false, Beijing(2, 9));
        await AnalyticsTestData.VoteAsync(database, a.Id, false, Beijing(2, 10), "我的身份证 11010519491231002X 还是不行");
        await AnalyticsTestData.VoteAsync(database, a.Id, true, Beijing(2, 11), "有用");
        await AnalyticsTestData.VoteAsync(database, b.Id, false, Beijing(2, 12), "看不懂");
        await AnalyticsTestData.VoteAsync(database, c.Id, true, Beijing(2, 12));
        await AnalyticsTestData.VoteAsync(database, b.Id, false, Beijing(9, 12), "out of range");

        var summary = await analytics.GetSummaryAsync(new AnalyticsRange(new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 2)), Ct);

        Assert.Equal([a.Slug, b.Slug], summary.LeastHelpful.Select(x => x.Slug));
        var first = summary.LeastHelpful[0];
        Assert.Equal((1, 3), (first.Helpful, first.NotHelpful));
        Assert.Equal(2, first.Comments.Count);
        Assert.DoesNotContain("11010519491231002X", first.Comments[0]);
        Assert.Contains("还是不行", first.Comments[0]);
        Assert.Equal("太长了", first.Comments[1]);
        Assert.Equal(["看不懂"], summary.LeastHelpful[1].Comments);
    }

    [Fact]
    public async Task EmptyDatabase_GivesEmptyTables()
    {
        var summary = await analytics.GetSummaryAsync(new AnalyticsRange(Nov1, Nov1), Ct);
        Assert.Empty(summary.DiagnosesPerDay);
        Assert.Empty(summary.TopFindings);
        Assert.Empty(summary.Funnel);
        Assert.Empty(summary.ZeroResultSearches);
        Assert.Empty(summary.LeastHelpful);
        Assert.Empty(summary.CasesByStatus);
        Assert.Empty(summary.AssistSessions);
    }

    [Fact]
    public async Task CasesByStatus_CountTheRangesDiagnosesByTheirStatusNow_MovingWhenAnAgentChangesIt()
    {
        await AnalyticsTestData.InsertAsync(database,
        [
            new(Beijing(2, 9), "cannot-log-in", "ready", []),
            new(Beijing(2, 10), "cannot-log-in", "wait", []),
            new(Beijing(2, 11), "application-rejected", "contact-support", ["AP-RISK-HOLD"]),
            new(Beijing(2, 12), "application-rejected", "contact-support", ["AP-RISK-HOLD"]),
            new(Beijing(3, 12), "application-rejected", "contact-support", ["AP-RISK-HOLD"]), // outside the range
        ]);
        await using (var db = await database.Factory.CreateDbContextAsync(Ct))
        {
            var rows = await db.Diagnoses.OrderBy(d => d.Id).ToListAsync(Ct);
            rows[1].Status = DiagnosisStatus.WaitingOnUser;
            rows[2].Status = DiagnosisStatus.Escalated;
            rows[3].Status = DiagnosisStatus.Resolved;
            rows[4].Status = DiagnosisStatus.Resolved;
            await db.SaveChangesAsync(Ct);
            rows[3].Status = DiagnosisStatus.Escalated; // re-classified later: moves again
            rows[0].AssigneeName = "agent@example.com"; // not a status change: counts stay
            await db.SaveChangesAsync(Ct);
        }

        var summary = await analytics.GetSummaryAsync(new AnalyticsRange(new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 2)), Ct);

        Assert.Equal(
            [new StatusCount("open", 1), new StatusCount("waiting-on-user", 1), new StatusCount("escalated", 2)],
            summary.CasesByStatus);
        Assert.Equal("status,cases\r\nopen,1\r\nwaiting-on-user,1\r\nescalated,2\r\n", AnalyticsService.ToCsv(summary, "cases-by-status"));
    }

    [Fact]
    public async Task ReRun_UnderTheSameReference_CountsByItsLatestOutcomeAndFindings_OnItsFirstDay()
    {
        await AnalyticsTestData.InsertAsync(database,
        [
            new(Beijing(2, 9), "application-rejected", "fix-and-retry", ["PI-ID-CHECKSUM", "BK-CARD-LENGTH"]),
            new(Beijing(2, 10), "application-rejected", "wait", ["AP-COOLDOWN"]),
        ]);
        await using (var db = await database.Factory.CreateDbContextAsync(Ct))
        {
            // What an attempt does to the diagnosis row: the latest run's outcome and codes (a day later).
            var first = await db.Diagnoses.OrderBy(d => d.Id).FirstAsync(Ct);
            first.Outcome = "ready";
            first.Codes = "BK-CARD-LENGTH,AP-READY";
            await db.SaveChangesAsync(Ct);
        }

        var summary = await analytics.GetSummaryAsync(new AnalyticsRange(new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 3)), Ct);

        var nov2 = new DateOnly(2026, 11, 2);
        // fix-and-retry and PI-ID-CHECKSUM are down to 0 on that day: not shown.
        Assert.Equal([new DailyOutcomeCount(nov2, "ready", 1), new DailyOutcomeCount(nov2, "wait", 1)], summary.DiagnosesPerDay);
        Assert.Equal(2, summary.TotalDiagnoses);
        Assert.Equal(
            [
                new SymptomFindingCount("application-rejected", 1, "AP-COOLDOWN", 1),
                new SymptomFindingCount("application-rejected", 2, "AP-READY", 1),
                new SymptomFindingCount("application-rejected", 3, "BK-CARD-LENGTH", 1),
            ],
            summary.TopFindings);
    }

    [Fact]
    public async Task AssistSessions_CountTheAuditsAssistEventsInTheRange_InTheOrderASessionGoes()
    {
        await using (var db = await database.Factory.CreateDbContextAsync(Ct))
        {
            void Add(string action, DateTimeOffset at) =>
                db.Add(new AuditEntry { At = at, Actor = "agent@example.com", Action = action, Target = "WH-T0000001" });
            Add(AuditActions.AssistStarted, Beijing(2, 9));
            Add(AuditActions.AssistStarted, Beijing(2, 10));
            Add(AuditActions.AssistJoined, Beijing(2, 9, 1));
            Add(AuditActions.AssistHint, Beijing(2, 9, 2));       // not a session event
            Add(AuditActions.AssistEnded, Beijing(2, 9, 5));
            Add(AuditActions.AssistCodeRejected, Beijing(2, 11));
            Add(AuditActions.AssistStarted, Beijing(3, 0));       // the next day
            Add(AuditActions.FaqPublished, Beijing(2, 9));
            await db.SaveChangesAsync(Ct);
        }

        var summary = await analytics.GetSummaryAsync(new AnalyticsRange(new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 2)), Ct);

        Assert.Equal(
            [
                new StatusCount(AuditActions.AssistStarted, 2), new StatusCount(AuditActions.AssistJoined, 1),
                new StatusCount(AuditActions.AssistEnded, 1), new StatusCount(AuditActions.AssistCodeRejected, 1),
            ],
            summary.AssistSessions);
        Assert.Equal("event,count\r\nstarted,2\r\njoined,1\r\nended,1\r\ncode-rejected,1\r\n", AnalyticsService.ToCsv(summary, "assist-sessions"));
    }

    [Fact]
    public async Task Csv_HasAHeader_QuotesCells_AndDefusesFormulas()
    {
        await AnalyticsTestData.SearchAsync(database, "=HYPERLINK(\"x\")", 0, Beijing(2, 9), times: 2);
        await AnalyticsTestData.SearchAsync(database, "a,b", 0, Beijing(2, 9));
        var summary = await analytics.GetSummaryAsync(new AnalyticsRange(new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 2)), Ct);

        var csv = AnalyticsService.ToCsv(summary, "zero-result-searches");

        Assert.Equal("query,language,searches\r\n\"'=HYPERLINK(\"\"x\"\")\",zh-CN,2\r\n\"a,b\",zh-CN,1\r\n", csv);
        Assert.Null(AnalyticsService.ToCsv(summary, "users"));
        Assert.StartsWith("day,outcome,diagnoses\r\n", AnalyticsService.ToCsv(summary, "diagnoses-per-day"));
    }

    [Theory]
    [InlineData("2026-11-05", "2026-11-01", "to", AnalyticsRangeErrorKind.BeforeFrom)]
    [InlineData("2025-01-01", "2026-11-01", "to", AnalyticsRangeErrorKind.TooLong)]
    [InlineData("11/01/2026", null, "from", AnalyticsRangeErrorKind.NotADate)]
    [InlineData(null, "2026-02-30", "to", AnalyticsRangeErrorKind.NotADate)]
    [InlineData("1999-12-31", "2000-01-01", "from", AnalyticsRangeErrorKind.NotADate)]
    public void Range_BadInput_NamesTheField(string? from, string? to, string field, AnalyticsRangeErrorKind kind)
    {
        Assert.Null(AnalyticsRange.TryParse(from, to, DateTimeOffset.UtcNow, out var errors));
        Assert.Equal(new AnalyticsRangeError(field, kind), Assert.Single(errors));
    }

    [Fact]
    public void Range_Defaults_AreTheLast30BeijingDays()
    {
        var now = new DateTimeOffset(2026, 11, 25, 17, 0, 0, TimeSpan.Zero); // 26 Nov 01:00 in Beijing
        var range = AnalyticsRange.TryParse(null, null, now, out _)!;
        Assert.Equal(new AnalyticsRange(new DateOnly(2026, 10, 28), new DateOnly(2026, 11, 26)), range);
        Assert.Equal(30, range.Days);
        Assert.Equal(366, AnalyticsRange.TryParse("2025-11-26", "2026-11-26", now, out _)!.Days);
    }

    public void Dispose() => database.Dispose();
}
