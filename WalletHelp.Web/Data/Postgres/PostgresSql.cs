namespace WalletHelp.Web.Data.Postgres;

/// <summary>
/// The PostgreSQL counterparts of what the SQLite migrations create in raw SQL: the FAQ search table with
/// <c>pg_trgm</c> GIN indexes (CJK substrings and English words through <c>ILIKE</c> / <c>~*</c>), the append-only
/// audit log and the daily analytics counts kept by a trigger on <c>Diagnoses</c>.
/// </summary>
public static class PostgresSql
{
    public const string FaqSearchTable = "FaqSearchDocs";

    /// <summary>
    /// Migration <c>PostgresFaqSearchSpeed</c>: the short-gram arrays of <c>FaqSearchDocs</c> (every lower-cased one- and
    /// two-character substring holding a non-ASCII character: "冻结" → 冻, 结, 冻结), kept by a trigger and looked up
    /// through GIN indexes, so a one- or two-character Chinese term (which has no trigram) is an index lookup, not a
    /// scan. Exact: such a term occurs in a text if and only if it is one of those substrings (terms hold no whitespace).
    /// </summary>
    public static readonly string[] ShortGramsUp =
    [
        """
        CREATE FUNCTION faq_short_grams(t text) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
            SELECT CASE WHEN octet_length(t) = length(t) THEN '{}'::text[] ELSE coalesce((
                SELECT array_agg(DISTINCT g) FROM (
                    SELECT lower(substr(t, i, n)) AS g
                    FROM generate_series(1, length(t)) AS i, (VALUES (1), (2)) AS len(n)
                    WHERE i + n - 1 <= length(t)) s
                WHERE octet_length(g) > length(g) AND g !~ '\s'), '{}'::text[]) END
        $$;
        """,
        """
        CREATE FUNCTION faq_search_docs_grams() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            NEW.title_grams := faq_short_grams(NEW.title);
            NEW.body_grams := faq_short_grams(NEW.body);
            RETURN NEW;
        END; $$;
        """,
        """ALTER TABLE "FaqSearchDocs" ADD COLUMN title_grams text[] NOT NULL DEFAULT '{}', ADD COLUMN body_grams text[] NOT NULL DEFAULT '{}';""",
        """CREATE TRIGGER "FaqSearchDocs_Grams" BEFORE INSERT OR UPDATE OF title, body ON "FaqSearchDocs" FOR EACH ROW EXECUTE FUNCTION faq_search_docs_grams();""",
        """UPDATE "FaqSearchDocs" SET title = title;""",
        """CREATE INDEX "IX_FaqSearchDocs_title_grams" ON "FaqSearchDocs" USING gin (title_grams);""",
        """CREATE INDEX "IX_FaqSearchDocs_body_grams" ON "FaqSearchDocs" USING gin (body_grams);""",
    ];

    public static readonly string[] ShortGramsDown =
    [
        """DROP TRIGGER IF EXISTS "FaqSearchDocs_Grams" ON "FaqSearchDocs";""",
        "DROP FUNCTION IF EXISTS faq_search_docs_grams();",
        """ALTER TABLE "FaqSearchDocs" DROP COLUMN IF EXISTS title_grams, DROP COLUMN IF EXISTS body_grams;""",
        "DROP FUNCTION IF EXISTS faq_short_grams(text);",
    ];

    public static readonly string[] Up =
    [
        "CREATE EXTENSION IF NOT EXISTS pg_trgm;",
        // One row per article and language (rid = language × 2³² + article id, as on SQLite).
        """
        CREATE TABLE "FaqSearchDocs" (
            rid bigint PRIMARY KEY,
            article_id integer NOT NULL,
            lang varchar(10) NOT NULL,
            title text NOT NULL,
            body text NOT NULL);
        """,
        """CREATE INDEX "IX_FaqSearchDocs_title_trgm" ON "FaqSearchDocs" USING gin (title gin_trgm_ops);""",
        """CREATE INDEX "IX_FaqSearchDocs_body_trgm" ON "FaqSearchDocs" USING gin (body gin_trgm_ops);""",
        """
        CREATE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'the audit log is append-only'; END; $$;
        """,
        """CREATE TRIGGER "AuditEntries_NoUpdate" BEFORE UPDATE ON "AuditEntries" FOR EACH ROW EXECUTE FUNCTION audit_append_only();""",
        """CREATE TRIGGER "AuditEntries_NoDelete" BEFORE DELETE ON "AuditEntries" FOR EACH ROW EXECUTE FUNCTION audit_append_only();""",
        // Per Beijing day (ticks + 8 h) / a day's ticks = DateOnly.DayNumber: outcome counts, distinct finding codes
        // and cases by status (the SQLite triggers of AdminAnalytics and AnalyticsDailyCounts).
        """
        CREATE FUNCTION diagnoses_count_findings() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE day integer := ((NEW."CreatedAt" + 288000000000) / 864000000000)::integer;
        BEGIN
            INSERT INTO "AnalyticsDiagnosisDays" ("Day", "Outcome", "Count") VALUES (day, NEW."Outcome", 1)
            ON CONFLICT ("Day", "Outcome") DO UPDATE SET "Count" = "AnalyticsDiagnosisDays"."Count" + 1;
            INSERT INTO "AnalyticsFindingDays" ("Day", "Symptom", "Code", "Count")
            SELECT DISTINCT day, NEW."Symptom", code, 1 FROM unnest(string_to_array(NEW."Codes", ',')) AS code WHERE code <> ''
            ON CONFLICT ("Day", "Symptom", "Code") DO UPDATE SET "Count" = "AnalyticsFindingDays"."Count" + 1;
            INSERT INTO "AnalyticsCaseDays" ("Day", "Status", "Count") VALUES (day, NEW."Status", 1)
            ON CONFLICT ("Day", "Status") DO UPDATE SET "Count" = "AnalyticsCaseDays"."Count" + 1;
            RETURN NULL;
        END; $$;
        """,
        """CREATE TRIGGER "Diagnoses_CountFindings" AFTER INSERT ON "Diagnoses" FOR EACH ROW EXECUTE FUNCTION diagnoses_count_findings();""",
        // A status change moves the case; a re-run under the same reference counts by its latest outcome and codes,
        // on the day the diagnosis was first stored.
        """
        CREATE FUNCTION diagnoses_recount() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE old_day integer := ((OLD."CreatedAt" + 288000000000) / 864000000000)::integer;
                new_day integer := ((NEW."CreatedAt" + 288000000000) / 864000000000)::integer;
        BEGIN
            IF OLD."Status" IS DISTINCT FROM NEW."Status" THEN
                UPDATE "AnalyticsCaseDays" SET "Count" = "Count" - 1 WHERE "Day" = old_day AND "Status" = OLD."Status";
                INSERT INTO "AnalyticsCaseDays" ("Day", "Status", "Count") VALUES (new_day, NEW."Status", 1)
                ON CONFLICT ("Day", "Status") DO UPDATE SET "Count" = "AnalyticsCaseDays"."Count" + 1;
            END IF;
            IF OLD."Outcome" IS DISTINCT FROM NEW."Outcome" OR OLD."Codes" IS DISTINCT FROM NEW."Codes"
               OR OLD."Symptom" IS DISTINCT FROM NEW."Symptom" THEN
                UPDATE "AnalyticsDiagnosisDays" SET "Count" = "Count" - 1 WHERE "Day" = old_day AND "Outcome" = OLD."Outcome";
                INSERT INTO "AnalyticsDiagnosisDays" ("Day", "Outcome", "Count") VALUES (new_day, NEW."Outcome", 1)
                ON CONFLICT ("Day", "Outcome") DO UPDATE SET "Count" = "AnalyticsDiagnosisDays"."Count" + 1;
                UPDATE "AnalyticsFindingDays" SET "Count" = "Count" - 1
                WHERE "Day" = old_day AND "Symptom" = OLD."Symptom"
                  AND "Code" IN (SELECT code FROM unnest(string_to_array(OLD."Codes", ',')) AS code WHERE code <> '');
                INSERT INTO "AnalyticsFindingDays" ("Day", "Symptom", "Code", "Count")
                SELECT DISTINCT new_day, NEW."Symptom", code, 1 FROM unnest(string_to_array(NEW."Codes", ',')) AS code WHERE code <> ''
                ON CONFLICT ("Day", "Symptom", "Code") DO UPDATE SET "Count" = "AnalyticsFindingDays"."Count" + 1;
            END IF;
            RETURN NULL;
        END; $$;
        """,
        """CREATE TRIGGER "Diagnoses_Recount" AFTER UPDATE ON "Diagnoses" FOR EACH ROW EXECUTE FUNCTION diagnoses_recount();""",
        // FAQ searches that found nothing, and votes, per day.
        """
        CREATE FUNCTION faq_searches_count_zero() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF NEW."ResultCount" = 0 THEN
                INSERT INTO "AnalyticsSearchDays" ("Day", "Language", "Query", "Count")
                VALUES (((NEW."CreatedAt" + 288000000000) / 864000000000)::integer, NEW."Language", NEW."Query", 1)
                ON CONFLICT ("Day", "Language", "Query") DO UPDATE SET "Count" = "AnalyticsSearchDays"."Count" + 1;
            END IF;
            RETURN NULL;
        END; $$;
        """,
        """CREATE TRIGGER "FaqSearchQueries_CountZeroResults" AFTER INSERT ON "FaqSearchQueries" FOR EACH ROW EXECUTE FUNCTION faq_searches_count_zero();""",
        """
        CREATE FUNCTION faq_votes_count_days() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            INSERT INTO "AnalyticsVoteDays" ("Day", "ArticleId", "Helpful", "NotHelpful")
            VALUES (((NEW."CreatedAt" + 288000000000) / 864000000000)::integer, NEW."ArticleId",
                    CASE WHEN NEW."Helpful" THEN 1 ELSE 0 END, CASE WHEN NEW."Helpful" THEN 0 ELSE 1 END)
            ON CONFLICT ("Day", "ArticleId") DO UPDATE SET "Helpful" = "AnalyticsVoteDays"."Helpful" + excluded."Helpful",
                "NotHelpful" = "AnalyticsVoteDays"."NotHelpful" + excluded."NotHelpful";
            RETURN NULL;
        END; $$;
        """,
        """CREATE TRIGGER "FaqArticleVotes_CountDays" AFTER INSERT ON "FaqArticleVotes" FOR EACH ROW EXECUTE FUNCTION faq_votes_count_days();""",
    ];

    public static readonly string[] Down =
    [
        """DROP TRIGGER IF EXISTS "FaqArticleVotes_CountDays" ON "FaqArticleVotes";""",
        "DROP FUNCTION IF EXISTS faq_votes_count_days();",
        """DROP TRIGGER IF EXISTS "FaqSearchQueries_CountZeroResults" ON "FaqSearchQueries";""",
        "DROP FUNCTION IF EXISTS faq_searches_count_zero();",
        """DROP TRIGGER IF EXISTS "Diagnoses_Recount" ON "Diagnoses";""",
        "DROP FUNCTION IF EXISTS diagnoses_recount();",
        """DROP TRIGGER IF EXISTS "Diagnoses_CountFindings" ON "Diagnoses";""",
        "DROP FUNCTION IF EXISTS diagnoses_count_findings();",
        """DROP TRIGGER IF EXISTS "AuditEntries_NoUpdate" ON "AuditEntries";""",
        """DROP TRIGGER IF EXISTS "AuditEntries_NoDelete" ON "AuditEntries";""",
        "DROP FUNCTION IF EXISTS audit_append_only();",
        """DROP TABLE IF EXISTS "FaqSearchDocs";""",
    ];
}
