using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WalletHelp.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class AdminAnalytics : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AnalyticsDiagnosisDays",
                columns: table => new
                {
                    Day = table.Column<int>(type: "INTEGER", nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Count = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AnalyticsDiagnosisDays", x => new { x.Day, x.Outcome });
                });

            migrationBuilder.CreateTable(
                name: "AnalyticsFindingDays",
                columns: table => new
                {
                    Day = table.Column<int>(type: "INTEGER", nullable: false),
                    Symptom = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Count = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AnalyticsFindingDays", x => new { x.Day, x.Symptom, x.Code });
                });

            migrationBuilder.CreateTable(
                name: "AnalyticsFunnelDays",
                columns: table => new
                {
                    Day = table.Column<int>(type: "INTEGER", nullable: false),
                    Symptom = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Stage = table.Column<int>(type: "INTEGER", nullable: false),
                    StepKey = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Count = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AnalyticsFunnelDays", x => new { x.Day, x.Symptom, x.Stage });
                });

            migrationBuilder.CreateIndex(
                name: "IX_FaqSearchQueries_ResultCount_CreatedAt_Query",
                table: "FaqSearchQueries",
                columns: new[] { "ResultCount", "CreatedAt", "Query" });

            migrationBuilder.CreateIndex(
                name: "IX_FaqArticleVotes_CreatedAt_ArticleId_Helpful",
                table: "FaqArticleVotes",
                columns: new[] { "CreatedAt", "ArticleId", "Helpful" });

            // Every stored diagnosis adds 1 to its Beijing day's count of its outcome, and 1 per distinct finding code to
            // that day's count of the code (day = (ticks + 8 h) / a day's ticks = DateOnly.DayNumber). Codes is "A,B,C";
            // SQLite triggers allow no WITH, so json_each splits it. Outcomes and codes never change after the insert.
            migrationBuilder.Sql("""
                CREATE TRIGGER Diagnoses_CountFindings AFTER INSERT ON Diagnoses
                BEGIN
                    INSERT INTO AnalyticsDiagnosisDays (Day, Outcome, Count)
                    VALUES ((NEW.CreatedAt + 288000000000) / 864000000000, NEW.Outcome, 1)
                    ON CONFLICT (Day, Outcome) DO UPDATE SET Count = Count + 1;
                    INSERT INTO AnalyticsFindingDays (Day, Symptom, Code, Count)
                    SELECT DISTINCT (NEW.CreatedAt + 288000000000) / 864000000000, NEW.Symptom, value, 1
                    FROM json_each('["' || replace(NEW.Codes, ',', '","') || '"]')
                    WHERE value <> ''
                    ON CONFLICT (Day, Symptom, Code) DO UPDATE SET Count = Count + 1;
                END;
                """);

            // Diagnoses stored before this migration.
            migrationBuilder.Sql("""
                INSERT INTO AnalyticsDiagnosisDays (Day, Outcome, Count)
                SELECT (CreatedAt + 288000000000) / 864000000000 AS Day, Outcome, COUNT(*) FROM Diagnoses GROUP BY Day, Outcome;
                """);
            migrationBuilder.Sql("""
                WITH RECURSIVE split(Day, Symptom, Code, Rest) AS (
                    SELECT (CreatedAt + 288000000000) / 864000000000, Symptom, '', Codes || ',' FROM Diagnoses WHERE Codes <> ''
                    UNION ALL
                    SELECT Day, Symptom, substr(Rest, 1, instr(Rest, ',') - 1), substr(Rest, instr(Rest, ',') + 1) FROM split WHERE Rest <> '')
                INSERT INTO AnalyticsFindingDays (Day, Symptom, Code, Count)
                SELECT Day, Symptom, Code, COUNT(*) FROM split WHERE Code <> '' GROUP BY Day, Symptom, Code;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS Diagnoses_CountFindings;");
            migrationBuilder.DropTable(
                name: "AnalyticsDiagnosisDays");

            migrationBuilder.DropTable(
                name: "AnalyticsFindingDays");

            migrationBuilder.DropTable(
                name: "AnalyticsFunnelDays");

            migrationBuilder.DropIndex(
                name: "IX_FaqSearchQueries_ResultCount_CreatedAt_Query",
                table: "FaqSearchQueries");

            migrationBuilder.DropIndex(
                name: "IX_FaqArticleVotes_CreatedAt_ArticleId_Helpful",
                table: "FaqArticleVotes");
        }
    }
}
