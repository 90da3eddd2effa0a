using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WalletHelp.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class DiagnosisAttempts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DiagnosisAttempts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DiagnosisId = table.Column<long>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    RetryAfter = table.Column<long>(type: "INTEGER", nullable: true),
                    RuleSetVersion = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ParameterSet = table.Column<int>(type: "INTEGER", nullable: false),
                    FindingsJson = table.Column<string>(type: "TEXT", nullable: false),
                    MaskedInputJson = table.Column<string>(type: "TEXT", nullable: false),
                    Codes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DiagnosisAttempts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DiagnosisAttempts_Diagnoses_DiagnosisId",
                        column: x => x.DiagnosisId,
                        principalTable: "Diagnoses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DiagnosisAttempts_DiagnosisId_Number",
                table: "DiagnosisAttempts",
                columns: new[] { "DiagnosisId", "Number" },
                unique: true);

            // Every diagnosis stored before attempts existed is its own first attempt.
            migrationBuilder.Sql(
                "INSERT INTO DiagnosisAttempts (DiagnosisId, Number, CreatedAt, Outcome, RetryAfter, RuleSetVersion, ParameterSet, FindingsJson, MaskedInputJson, Codes) " +
                "SELECT Id, 1, CreatedAt, Outcome, RetryAfter, RuleSetVersion, ParameterSet, FindingsJson, MaskedInputJson, Codes FROM Diagnoses;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DiagnosisAttempts");
        }
    }
}
