using System.Data.Common;
using System.Globalization;
using WalletHelp.Core.Privacy;
using WalletHelp.Web.Data.Analytics;
using WalletHelp.Web.Services.Diagnoses;
using WalletHelp.Web.Services.Audit;

namespace WalletHelp.Web.Services.Analytics;

/// <summary>
/// The analytics SQL, run on an open SQLite connection (the service's, or the benchmark's file). Every query
/// aggregates in SQL over daily counts (a day is <see cref="DateOnly.DayNumber"/> of the Beijing date) that triggers on
/// <c>Diagnoses</c>, <c>FaqSearchQueries</c> and <c>FaqArticleVotes</c> keep (migrations <c>AdminAnalytics</c> and
/// <c>AnalyticsDailyCounts</c>) or the funnel writer adds up, so a year reads thousands of rows, not millions, and
/// returns only the aggregated rows. The assist figures count audit entries over the (Action, At) index.
/// </summary>
public static class AnalyticsQueries
{
    public const int TopFindingsPerSymptom = 5;
    public const int MaxSearches = 50;
    public const int MaxArticles = 10;
    public const int CommentsPerArticle = 5;

    public static async Task<IReadOnlyList<DailyOutcomeCount>> DiagnosesPerDayAsync(DbConnection connection, AnalyticsRange range, CancellationToken ct = default)
    {
        await using var cmd = Command(connection, IsPostgres(connection) ? """
            SELECT "Day"::bigint, "Outcome", "Count" FROM "AnalyticsDiagnosisDays"
            WHERE "Day" BETWEEN @from AND @to AND "Count" > 0
            ORDER BY "Day", "Outcome"
            """ : """
            SELECT Day, Outcome, Count FROM AnalyticsDiagnosisDays
            WHERE Day BETWEEN $from AND $to AND Count > 0
            ORDER BY Day, Outcome
            """,
            ("$from", range.From.DayNumber), ("$to", range.To.DayNumber));
        var rows = new List<DailyOutcomeCount>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            rows.Add(new(DateOnly.FromDayNumber((int)reader.GetInt64(0)), reader.GetString(1), reader.GetInt64(2)));
        }
        return rows;
    }

    public static async Task<IReadOnlyList<SymptomFindingCount>> TopFindingsAsync(DbConnection connection, AnalyticsRange range, CancellationToken ct = default)
    {
        await using var cmd = Command(connection, IsPostgres(connection) ? """
            SELECT "Symptom", rnk, "Code", total FROM (
                SELECT "Symptom", "Code", SUM("Count")::bigint AS total,
                       ROW_NUMBER() OVER (PARTITION BY "Symptom" ORDER BY SUM("Count") DESC, "Code") AS rnk
                FROM "AnalyticsFindingDays"
                WHERE "Day" BETWEEN @from AND @to
                GROUP BY "Symptom", "Code" HAVING SUM("Count") > 0) ranked
            WHERE rnk <= @top
            ORDER BY "Symptom", rnk
            """ : """
            SELECT Symptom, Rank, Code, Total FROM (
                SELECT Symptom, Code, SUM(Count) AS Total,
                       ROW_NUMBER() OVER (PARTITION BY Symptom ORDER BY SUM(Count) DESC, Code) AS Rank
                FROM AnalyticsFindingDays
                WHERE Day BETWEEN $from AND $to
                GROUP BY Symptom, Code HAVING SUM(Count) > 0)
            WHERE Rank <= $top
            ORDER BY Symptom, Rank
            """,
            ("$from", range.From.DayNumber), ("$to", range.To.DayNumber), ("$top", TopFindingsPerSymptom));
        var rows = new List<SymptomFindingCount>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            rows.Add(new(reader.GetString(0), (int)reader.GetInt64(1), reader.GetString(2), reader.GetInt64(3)));
        }
        return rows;
    }

    /// <summary>Every symptom's stages, then all symptoms together (Symptom null); "dropped" = reached − reached the symptom's next stage.</summary>
    public static async Task<IReadOnlyList<FunnelStageCount>> FunnelAsync(DbConnection connection, AnalyticsRange range, CancellationToken ct = default)
    {
        await using var cmd = Command(connection, IsPostgres(connection) ? """
            SELECT "Symptom", "Stage"::bigint, MAX("StepKey"), SUM("Count")::bigint FROM "AnalyticsFunnelDays"
            WHERE "Day" BETWEEN @from AND @to GROUP BY "Symptom", "Stage"
            UNION ALL
            SELECT NULL, "Stage"::bigint, CASE WHEN "Stage" = @result THEN 'result' ELSE '' END, SUM("Count")::bigint FROM "AnalyticsFunnelDays"
            WHERE "Day" BETWEEN @from AND @to GROUP BY "Stage"
            ORDER BY 1 NULLS FIRST, 2
            """ : """
            SELECT Symptom, Stage, MAX(StepKey), SUM(Count) FROM AnalyticsFunnelDays
            WHERE Day BETWEEN $from AND $to GROUP BY Symptom, Stage
            UNION ALL
            SELECT NULL, Stage, CASE WHEN Stage = $result THEN 'result' ELSE '' END, SUM(Count) FROM AnalyticsFunnelDays
            WHERE Day BETWEEN $from AND $to GROUP BY Stage
            ORDER BY 1, 2
            """,
            ("$from", range.From.DayNumber), ("$to", range.To.DayNumber), ("$result", FunnelDayCount.ResultStage));
        var raw = new List<(string? Symptom, int Stage, string Key, long Reached)>();
        await using (var reader = await cmd.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                raw.Add((reader.IsDBNull(0) ? null : reader.GetString(0), (int)reader.GetInt64(1), reader.GetString(2), reader.GetInt64(3)));
            }
        }
        // The drop-out of a stage is the difference to the next row of the same symptom (a few dozen aggregated rows).
        var rows = new List<FunnelStageCount>(raw.Count);
        for (var i = 0; i < raw.Count; i++)
        {
            var (symptom, stage, key, reached) = raw[i];
            var next = i + 1 < raw.Count && raw[i + 1].Symptom == symptom ? raw[i + 1].Reached : 0;
            rows.Add(new(symptom, stage, key, reached, stage == FunnelDayCount.ResultStage ? 0 : Math.Max(0, reached - next)));
        }
        // All symptoms last (SQLite sorts NULL first). Symptoms have different numbers of steps, so "stopped here" for
        // all of them is the sum of each symptom's, not the difference between two stage totals.
        var perSymptom = rows.Where(r => r.Symptom is not null).ToList();
        var all = rows.Where(r => r.Symptom is null)
            .Select(r => r with { Dropped = perSymptom.Where(p => p.Stage == r.Stage).Sum(p => p.Dropped) });
        return [.. perSymptom, .. all];
    }

    public static async Task<IReadOnlyList<ZeroResultSearch>> ZeroResultSearchesAsync(DbConnection connection, AnalyticsRange range, CancellationToken ct = default)
    {
        await using var cmd = Command(connection, IsPostgres(connection) ? """
            SELECT "Query", "Language", SUM("Count")::bigint AS searches
            FROM "AnalyticsSearchDays"
            WHERE "Day" BETWEEN @from AND @to
            GROUP BY "Query", "Language"
            ORDER BY searches DESC, "Query"
            LIMIT @limit
            """ : """
            SELECT Query, Language, SUM(Count) AS Searches
            FROM AnalyticsSearchDays
            WHERE Day BETWEEN $from AND $to
            GROUP BY Query, Language
            ORDER BY Searches DESC, Query
            LIMIT $limit
            """,
            ("$from", range.From.DayNumber), ("$to", range.To.DayNumber), ("$limit", MaxSearches));
        var rows = new List<ZeroResultSearch>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            rows.Add(new(PersonalNumberScrubber.Scrub(reader.GetString(0)) ?? "", reader.GetString(1), reader.GetInt64(2)));
        }
        return rows;
    }

    /// <summary>Articles with "not helpful" votes in the range, most such votes first (then the larger share), with their newest comments.</summary>
    public static async Task<IReadOnlyList<ArticleHelpfulness>> LeastHelpfulAsync(DbConnection connection, AnalyticsRange range, CancellationToken ct = default)
    {
        var articles = new List<ArticleHelpfulness>();
        await using (var cmd = Command(connection, IsPostgres(connection) ? """
            SELECT v."ArticleId"::bigint, a."Slug", a."TitleZh", a."TitleEn", v.yes, v.no FROM (
                SELECT "ArticleId", SUM("Helpful")::bigint AS yes, SUM("NotHelpful")::bigint AS no
                FROM "AnalyticsVoteDays"
                WHERE "Day" BETWEEN @from AND @to
                GROUP BY "ArticleId") v
            JOIN "FaqArticles" a ON a."Id" = v."ArticleId"
            WHERE v.no > 0 AND NOT a."IsDeleted"
            ORDER BY v.no DESC, CAST(v.no AS REAL) / (v.yes + v.no) DESC, a."Slug"
            LIMIT @limit
            """ : """
            SELECT v.ArticleId, a.Slug, a.TitleZh, a.TitleEn, v.Yes, v.No FROM (
                SELECT ArticleId, SUM(Helpful) AS Yes, SUM(NotHelpful) AS No
                FROM AnalyticsVoteDays
                WHERE Day BETWEEN $from AND $to
                GROUP BY ArticleId) v
            JOIN FaqArticles a ON a.Id = v.ArticleId
            WHERE v.No > 0 AND a.IsDeleted = 0
            ORDER BY v.No DESC, CAST(v.No AS REAL) / (v.Yes + v.No) DESC, a.Slug
            LIMIT $limit
            """, ("$from", range.From.DayNumber), ("$to", range.To.DayNumber), ("$limit", MaxArticles)))
        await using (var reader = await cmd.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                articles.Add(new((int)reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3),
                    reader.GetInt64(4), reader.GetInt64(5), []));
            }
        }
        if (articles.Count == 0) return articles;

        // The newest comments of each of these (at most 10) articles, over IX_FaqArticleVotes_ArticleId_Helpful_CreatedAt.
        var comments = articles.ToDictionary(a => a.ArticleId, _ => new List<string>());
        var ids = string.Join(',', articles.Select(a => a.ArticleId.ToString(CultureInfo.InvariantCulture)));
        await using (var cmd = Command(connection, IsPostgres(connection) ? $"""
            SELECT "ArticleId"::bigint, "Comment" FROM (
                SELECT "ArticleId", "Comment", ROW_NUMBER() OVER (PARTITION BY "ArticleId" ORDER BY "CreatedAt" DESC, "Id" DESC) AS n
                FROM "FaqArticleVotes"
                WHERE "ArticleId" IN ({ids}) AND NOT "Helpful" AND "CreatedAt" >= @start AND "CreatedAt" < @end
                  AND "Comment" IS NOT NULL AND "Comment" <> '') newest
            WHERE n <= @per
            ORDER BY "ArticleId", n
            """ : $"""
            SELECT ArticleId, Comment FROM (
                SELECT ArticleId, Comment, ROW_NUMBER() OVER (PARTITION BY ArticleId ORDER BY CreatedAt DESC, Id DESC) AS N
                FROM FaqArticleVotes
                WHERE ArticleId IN ({ids}) AND Helpful = 0 AND CreatedAt >= $start AND CreatedAt < $end
                  AND Comment IS NOT NULL AND Comment <> '')
            WHERE N <= $per
            ORDER BY ArticleId, N
            """, ("$start", range.Start.UtcTicks), ("$end", range.End.UtcTicks), ("$per", CommentsPerArticle)))
        await using (var reader = await cmd.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                comments[(int)reader.GetInt64(0)].Add(PersonalNumberScrubber.Scrub(reader.GetString(1)) ?? "");
            }
        }
        return [.. articles.Select(a => a with { Comments = comments[a.ArticleId] })];
    }

    /// <summary>The diagnoses (cases) stored in the range by their case status now, in the workflow's order.</summary>
    public static async Task<IReadOnlyList<StatusCount>> CasesByStatusAsync(DbConnection connection, AnalyticsRange range, CancellationToken ct = default)
    {
        await using var cmd = Command(connection, IsPostgres(connection) ? """
            SELECT "Status", SUM("Count")::bigint FROM "AnalyticsCaseDays"
            WHERE "Day" BETWEEN @from AND @to
            GROUP BY "Status" HAVING SUM("Count") > 0
            """ : """
            SELECT Status, SUM(Count) FROM AnalyticsCaseDays
            WHERE Day BETWEEN $from AND $to
            GROUP BY Status HAVING SUM(Count) > 0
            """,
            ("$from", range.From.DayNumber), ("$to", range.To.DayNumber));
        var rows = new List<StatusCount>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            rows.Add(new(reader.GetString(0), reader.GetInt64(1)));
        }
        return [.. rows.OrderBy(r => Order(CaseVocabulary.Statuses, r.Status)).ThenBy(r => r.Status, StringComparer.Ordinal)];
    }

    /// <summary>
    /// Live-assist sessions in the range from the audit log: shared by a user (a code was made), joined by an agent,
    /// handed over, ended by the user, left by the agent; and codes rejected. Only the kinds that occurred.
    /// </summary>
    public static async Task<IReadOnlyList<StatusCount>> AssistSessionsAsync(DbConnection connection, AnalyticsRange range, CancellationToken ct = default)
    {
        var actions = string.Join(',', AssistActions.Select(a => "'" + a + "'"));
        await using var cmd = Command(connection, IsPostgres(connection) ? $"""
            SELECT "Action", COUNT(*) FROM "AuditEntries"
            WHERE "Action" IN ({actions}) AND "At" >= @start AND "At" < @end
            GROUP BY "Action"
            """ : $"""
            SELECT Action, COUNT(*) FROM AuditEntries
            WHERE Action IN ({actions}) AND At >= $start AND At < $end
            GROUP BY Action
            """,
            ("$start", range.Start.UtcTicks), ("$end", range.End.UtcTicks));
        var rows = new List<StatusCount>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            rows.Add(new(reader.GetString(0), reader.GetInt64(1)));
        }
        return [.. rows.OrderBy(r => Order(AssistActions, r.Status))];
    }

    /// <summary>The audit actions that make up the assist figures, in the order a session goes.</summary>
    public static IReadOnlyList<string> AssistActions { get; } =
        [AuditActions.AssistStarted, AuditActions.AssistJoined, AuditActions.AssistHandOver, AuditActions.AssistEnded, AuditActions.AssistLeft, AuditActions.AssistCodeRejected];

    private static int Order(IReadOnlyList<string> order, string value)
    {
        for (var i = 0; i < order.Count; i++)
        {
            if (order[i] == value) return i;
        }
        return order.Count;
    }

    public static async Task<AnalyticsSummary> SummaryAsync(DbConnection connection, AnalyticsRange range, CancellationToken ct = default) =>
        new(range,
            await DiagnosesPerDayAsync(connection, range, ct),
            await TopFindingsAsync(connection, range, ct),
            await FunnelAsync(connection, range, ct),
            await ZeroResultSearchesAsync(connection, range, ct),
            await LeastHelpfulAsync(connection, range, ct),
            await CasesByStatusAsync(connection, range, ct),
            await AssistSessionsAsync(connection, range, ct));

    /// <summary>PostgreSQL (<c>WalletHelp:Database:Provider = Postgres</c>): the same queries with quoted identifiers and real booleans.</summary>
    private static bool IsPostgres(DbConnection connection) => connection is Npgsql.NpgsqlConnection;

    private static DbCommand Command(DbConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        var postgres = IsPostgres(connection);
        foreach (var (name, value) in parameters)
        {
            var p = cmd.CreateParameter();
            // Npgsql names parameters without the SQLite "$" (its SQL above says @name).
            p.ParameterName = postgres ? name.TrimStart('$') : name;
            p.Value = value;
            cmd.Parameters.Add(p);
        }
        return cmd;
    }
}
