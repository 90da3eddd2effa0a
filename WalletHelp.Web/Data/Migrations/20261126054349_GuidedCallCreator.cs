using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WalletHelp.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class GuidedCallCreator : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CreatorName",
                table: "Diagnoses",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CreatorUserId",
                table: "Diagnoses",
                type: "TEXT",
                maxLength: 450,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // SQLite's own DROP COLUMN (3.35+), not EF's table rebuild: a rebuild would follow the previous migration's
            // designer model and could lose what is not in it (the Diagnoses triggers, indexes).
            migrationBuilder.Sql("ALTER TABLE \"Diagnoses\" DROP COLUMN \"CreatorName\";");
            migrationBuilder.Sql("ALTER TABLE \"Diagnoses\" DROP COLUMN \"CreatorUserId\";");
        }
    }
}
