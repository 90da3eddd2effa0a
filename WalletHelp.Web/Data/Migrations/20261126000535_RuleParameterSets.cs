using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WalletHelp.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class RuleParameterSets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ParameterSet",
                table: "Diagnoses",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "RuleParameterSets",
                columns: table => new
                {
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    RestoredFrom = table.Column<int>(type: "INTEGER", nullable: true),
                    ParametersJson = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RuleParameterSets", x => x.Number);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RuleParameterSets");

            migrationBuilder.DropColumn(
                name: "ParameterSet",
                table: "Diagnoses");
        }
    }
}
