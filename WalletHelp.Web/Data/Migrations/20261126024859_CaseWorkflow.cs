using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WalletHelp.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class CaseWorkflow : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AssigneeName",
                table: "Diagnoses",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AssigneeUserId",
                table: "Diagnoses",
                type: "TEXT",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "StatusChangedAt",
                table: "Diagnoses",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "StatusNote",
                table: "Diagnoses",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "StatusReason",
                table: "Diagnoses",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "DiagnosisCaseEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DiagnosisId = table.Column<long>(type: "INTEGER", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ActorId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    From = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    To = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DiagnosisCaseEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DiagnosisCaseEvents_Diagnoses_DiagnosisId",
                        column: x => x.DiagnosisId,
                        principalTable: "Diagnoses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Diagnoses_AssigneeUserId",
                table: "Diagnoses",
                column: "AssigneeUserId");

            migrationBuilder.CreateIndex(
                name: "IX_Diagnoses_Status",
                table: "Diagnoses",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_DiagnosisCaseEvents_DiagnosisId",
                table: "DiagnosisCaseEvents",
                column: "DiagnosisId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DiagnosisCaseEvents");

            migrationBuilder.DropIndex(
                name: "IX_Diagnoses_AssigneeUserId",
                table: "Diagnoses");

            migrationBuilder.DropIndex(
                name: "IX_Diagnoses_Status",
                table: "Diagnoses");

            migrationBuilder.DropColumn(
                name: "AssigneeName",
                table: "Diagnoses");

            migrationBuilder.DropColumn(
                name: "AssigneeUserId",
                table: "Diagnoses");

            migrationBuilder.DropColumn(
                name: "StatusChangedAt",
                table: "Diagnoses");

            migrationBuilder.DropColumn(
                name: "StatusNote",
                table: "Diagnoses");

            migrationBuilder.DropColumn(
                name: "StatusReason",
                table: "Diagnoses");
        }
    }
}
