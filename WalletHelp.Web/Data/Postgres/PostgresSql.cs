namespace WalletHelp.Web.Data.Postgres;

/// <summary>
/// The PostgreSQL counterparts of what the SQLite migrations create in raw SQL: the FAQ search table with
/// <c>pg_trgm</c> GIN indexes (CJK substrings and English words through <c>ILIKE</c> / <c>~*</c>), the append-only
/// audit log and the daily analytics counts kept by a trigger on <c>Diagnoses</c>.
/// </summary>
public static class PostgresSql
{
    public const string FaqSearchTable = "FaqSearchDocs";

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
        // Per Beijing day (ticks + 8 h) / a day's ticks = DateOnly.DayNumber: outcome counts and distinct finding codes.
        """
        CREATE FUNCTION diagnoses_count_findings() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE day integer := ((NEW."CreatedAt" + 288000000000) / 864000000000)::integer;
        BEGIN
            INSERT INTO "AnalyticsDiagnosisDays" ("Day", "Outcome", "Count") VALUES (day, NEW."Outcome", 1)
            ON CONFLICT ("Day", "Outcome") DO UPDATE SET "Count" = "AnalyticsDiagnosisDays"."Count" + 1;
            INSERT INTO "AnalyticsFindingDays" ("Day", "Symptom", "Code", "Count")
            SELECT DISTINCT day, NEW."Symptom", code, 1 FROM unnest(string_to_array(NEW."Codes", ',')) AS code WHERE code <> ''
            ON CONFLICT ("Day", "Symptom", "Code") DO UPDATE SET "Count" = "AnalyticsFindingDays"."Count" + 1;
            RETURN NULL;
        END; $$;
        """,
        """CREATE TRIGGER "Diagnoses_CountFindings" AFTER INSERT ON "Diagnoses" FOR EACH ROW EXECUTE FUNCTION diagnoses_count_findings();""",
    ];

    public static readonly string[] Down =
    [
        """DROP TRIGGER IF EXISTS "Diagnoses_CountFindings" ON "Diagnoses";""",
        "DROP FUNCTION IF EXISTS diagnoses_count_findings();",
        """DROP TRIGGER IF EXISTS "AuditEntries_NoUpdate" ON "AuditEntries";""",
        """DROP TRIGGER IF EXISTS "AuditEntries_NoDelete" ON "AuditEntries";""",
        "DROP FUNCTION IF EXISTS audit_append_only();",
        """DROP TABLE IF EXISTS "FaqSearchDocs";""",
    ];
}
