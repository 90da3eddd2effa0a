using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WalletHelp.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class AnalyticsDailyCounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_FaqSearchQueries_ResultCount_CreatedAt_Query",
                table: "FaqSearchQueries");

            migrationBuilder.DropIndex(
                name: "IX_FaqArticleVotes_CreatedAt_ArticleId_Helpful",
                table: "FaqArticleVotes");

            migrationBuilder.CreateTable(
                name: "AnalyticsCaseDays",
                columns: table => new
                {
                    Day = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Count = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AnalyticsCaseDays", x => new { x.Day, x.Status });
                });

            migrationBuilder.CreateTable(
                name: "AnalyticsSearchDays",
                columns: table => new
                {
                    Day = table.Column<int>(type: "INTEGER", nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Query = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Count = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AnalyticsSearchDays", x => new { x.Day, x.Language, x.Query });
                });

            migrationBuilder.CreateTable(
                name: "AnalyticsVoteDays",
                columns: table => new
                {
                    Day = table.Column<int>(type: "INTEGER", nullable: false),
                    ArticleId = table.Column<int>(type: "INTEGER", nullable: false),
                    Helpful = table.Column<long>(type: "INTEGER", nullable: false),
                    NotHelpful = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AnalyticsVoteDays", x => new { x.Day, x.ArticleId });
                });

            migrationBuilder.CreateIndex(
                name: "IX_FaqArticleVotes_ArticleId_Helpful_CreatedAt",
                table: "FaqArticleVotes",
                columns: new[] { "ArticleId", "Helpful", "CreatedAt" });

            // Covering indexes: a range of days is read from the index alone.
            migrationBuilder.CreateIndex(
                name: "IX_AnalyticsVoteDays_Day_ArticleId_Helpful_NotHelpful",
                table: "AnalyticsVoteDays",
                columns: new[] { "Day", "ArticleId", "Helpful", "NotHelpful" });

            migrationBuilder.CreateIndex(
                name: "IX_AnalyticsSearchDays_Day_Language_Query_Count",
                table: "AnalyticsSearchDays",
                columns: new[] { "Day", "Language", "Query", "Count" });

            migrationBuilder.CreateIndex(
                name: "IX_AnalyticsFindingDays_Day_Symptom_Code_Count",
                table: "AnalyticsFindingDays",
                columns: new[] { "Day", "Symptom", "Code", "Count" });

            // A Beijing day is (UTC ticks + 8 h) / a day's ticks = DateOnly.DayNumber, as in AdminAnalytics.
            // Searches without results: one row per day, language and query (SELECT … WHERE: SQLite needs the WHERE
            // to read ON CONFLICT as the upsert's).
            migrationBuilder.Sql("""
                CREATE TRIGGER FaqSearchQueries_CountZeroResults AFTER INSERT ON FaqSearchQueries WHEN NEW.ResultCount = 0
                BEGIN
                    INSERT INTO AnalyticsSearchDays (Day, Language, Query, Count)
                    VALUES ((NEW.CreatedAt + 288000000000) / 864000000000, NEW.Language, NEW.Query, 1)
                    ON CONFLICT (Day, Language, Query) DO UPDATE SET Count = Count + 1;
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER FaqArticleVotes_CountDays AFTER INSERT ON FaqArticleVotes
                BEGIN
                    INSERT INTO AnalyticsVoteDays (Day, ArticleId, Helpful, NotHelpful)
                    VALUES ((NEW.CreatedAt + 288000000000) / 864000000000, NEW.ArticleId, NEW.Helpful <> 0, NEW.Helpful = 0)
                    ON CONFLICT (Day, ArticleId) DO UPDATE SET Helpful = Helpful + excluded.Helpful, NotHelpful = NotHelpful + excluded.NotHelpful;
                END;
                """);
            // Cases by status: a new diagnosis counts under its status (open); an agent's status change moves it.
            migrationBuilder.Sql("""
                CREATE TRIGGER Diagnoses_CountCases AFTER INSERT ON Diagnoses
                BEGIN
                    INSERT INTO AnalyticsCaseDays (Day, Status, Count)
                    VALUES ((NEW.CreatedAt + 288000000000) / 864000000000, NEW.Status, 1)
                    ON CONFLICT (Day, Status) DO UPDATE SET Count = Count + 1;
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER Diagnoses_MoveCaseStatus AFTER UPDATE OF Status ON Diagnoses WHEN OLD.Status IS NOT NEW.Status
                BEGIN
                    UPDATE AnalyticsCaseDays SET Count = Count - 1
                    WHERE Day = (OLD.CreatedAt + 288000000000) / 864000000000 AND Status = OLD.Status;
                    INSERT INTO AnalyticsCaseDays (Day, Status, Count)
                    VALUES ((NEW.CreatedAt + 288000000000) / 864000000000, NEW.Status, 1)
                    ON CONFLICT (Day, Status) DO UPDATE SET Count = Count + 1;
                END;
                """);
            // A re-run under the same reference (an attempt) updates the row's outcome and codes: the diagnosis now
            // counts by its latest run, on the day it was first stored.
            migrationBuilder.Sql("""
                CREATE TRIGGER Diagnoses_RecountRerun AFTER UPDATE OF Outcome, Codes, Symptom ON Diagnoses
                WHEN OLD.Outcome IS NOT NEW.Outcome OR OLD.Codes IS NOT NEW.Codes OR OLD.Symptom IS NOT NEW.Symptom
                BEGIN
                    UPDATE AnalyticsDiagnosisDays SET Count = Count - 1
                    WHERE Day = (OLD.CreatedAt + 288000000000) / 864000000000 AND Outcome = OLD.Outcome;
                    INSERT INTO AnalyticsDiagnosisDays (Day, Outcome, Count)
                    VALUES ((NEW.CreatedAt + 288000000000) / 864000000000, NEW.Outcome, 1)
                    ON CONFLICT (Day, Outcome) DO UPDATE SET Count = Count + 1;
                    UPDATE AnalyticsFindingDays SET Count = Count - 1
                    WHERE Day = (OLD.CreatedAt + 288000000000) / 864000000000 AND Symptom = OLD.Symptom
                      AND Code IN (SELECT value FROM json_each('["' || replace(OLD.Codes, ',', '","') || '"]') WHERE value <> '');
                    INSERT INTO AnalyticsFindingDays (Day, Symptom, Code, Count)
                    SELECT DISTINCT (NEW.CreatedAt + 288000000000) / 864000000000, NEW.Symptom, value, 1
                    FROM json_each('["' || replace(NEW.Codes, ',', '","') || '"]')
                    WHERE value <> ''
                    ON CONFLICT (Day, Symptom, Code) DO UPDATE SET Count = Count + 1;
                END;
                """);

            // What was stored before this migration.
            migrationBuilder.Sql("""
                INSERT INTO AnalyticsSearchDays (Day, Language, Query, Count)
                SELECT (CreatedAt + 288000000000) / 864000000000 AS Day, Language, Query, COUNT(*) FROM FaqSearchQueries
                WHERE ResultCount = 0 GROUP BY Day, Language, Query;
                """);
            migrationBuilder.Sql("""
                INSERT INTO AnalyticsVoteDays (Day, ArticleId, Helpful, NotHelpful)
                SELECT (CreatedAt + 288000000000) / 864000000000 AS Day, ArticleId, SUM(Helpful <> 0), SUM(Helpful = 0) FROM FaqArticleVotes
                GROUP BY Day, ArticleId;
                """);
            migrationBuilder.Sql("""
                INSERT INTO AnalyticsCaseDays (Day, Status, Count)
                SELECT (CreatedAt + 288000000000) / 864000000000 AS Day, Status, COUNT(*) FROM Diagnoses GROUP BY Day, Status;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS FaqSearchQueries_CountZeroResults;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS FaqArticleVotes_CountDays;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS Diagnoses_CountCases;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS Diagnoses_MoveCaseStatus;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS Diagnoses_RecountRerun;");
            migrationBuilder.DropIndex(
                name: "IX_AnalyticsVoteDays_Day_ArticleId_Helpful_NotHelpful",
                table: "AnalyticsVoteDays");

            migrationBuilder.DropIndex(
                name: "IX_AnalyticsSearchDays_Day_Language_Query_Count",
                table: "AnalyticsSearchDays");

            migrationBuilder.DropIndex(
                name: "IX_AnalyticsFindingDays_Day_Symptom_Code_Count",
                table: "AnalyticsFindingDays");
            migrationBuilder.DropTable(
                name: "AnalyticsCaseDays");

            migrationBuilder.DropTable(
                name: "AnalyticsSearchDays");

            migrationBuilder.DropTable(
                name: "AnalyticsVoteDays");

            migrationBuilder.DropIndex(
                name: "IX_FaqArticleVotes_ArticleId_Helpful_CreatedAt",
                table: "FaqArticleVotes");

            migrationBuilder.CreateIndex(
                name: "IX_FaqSearchQueries_ResultCount_CreatedAt_Query",
                table: "FaqSearchQueries",
                columns: new[] { "ResultCount", "CreatedAt", "Query" });

            migrationBuilder.CreateIndex(
                name: "IX_FaqArticleVotes_CreatedAt_ArticleId_Helpful",
                table: "FaqArticleVotes",
                columns: new[] { "CreatedAt", "ArticleId", "Helpful" });
        }
    }
}
