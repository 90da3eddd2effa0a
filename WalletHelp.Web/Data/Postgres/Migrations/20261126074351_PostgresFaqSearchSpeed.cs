using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WalletHelp.Web.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class PostgresFaqSearchSpeed : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_FaqArticles_Search",
                table: "FaqArticles",
                column: "Id")
                .Annotation("Npgsql:IndexInclude", new[] { "SortOrder", "Status", "IsDeleted" });
            foreach (var sql in PostgresSql.ShortGramsUp)
            {
                migrationBuilder.Sql(sql);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var sql in PostgresSql.ShortGramsDown)
            {
                migrationBuilder.Sql(sql);
            }
            migrationBuilder.DropIndex(
                name: "IX_FaqArticles_Search",
                table: "FaqArticles");
        }
    }
}
