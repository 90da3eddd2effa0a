using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WalletHelp.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class FaqInstants : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<long>(
                name: "CreatedAt",
                table: "MaintenanceWindows",
                type: "INTEGER",
                nullable: false,
                oldClrType: typeof(DateTimeOffset),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<long>(
                name: "CreatedAt",
                table: "Incidents",
                type: "INTEGER",
                nullable: false,
                oldClrType: typeof(DateTimeOffset),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<long>(
                name: "UpdatedAt",
                table: "FaqSynonymGroups",
                type: "INTEGER",
                nullable: false,
                oldClrType: typeof(DateTime),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<long>(
                name: "CreatedAt",
                table: "FaqSearchQueries",
                type: "INTEGER",
                nullable: false,
                oldClrType: typeof(DateTime),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<long>(
                name: "CreatedAt",
                table: "FaqArticleVotes",
                type: "INTEGER",
                nullable: false,
                oldClrType: typeof(DateTime),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<long>(
                name: "UpdatedAt",
                table: "FaqArticles",
                type: "INTEGER",
                nullable: false,
                oldClrType: typeof(DateTime),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<long>(
                name: "CreatedAt",
                table: "FaqArticleRevisions",
                type: "INTEGER",
                nullable: false,
                oldClrType: typeof(DateTime),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<long>(
                name: "LockoutEnd",
                table: "AspNetUsers",
                type: "INTEGER",
                nullable: true,
                oldClrType: typeof(DateTimeOffset),
                oldType: "TEXT",
                oldNullable: true);

            // The table rebuilds above copy the old text as it is; turn it into ticks.
            foreach (var (table, column, _) in Instants)
            {
                migrationBuilder.Sql(TextToTicks(table, column));
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<DateTimeOffset>(
                name: "CreatedAt",
                table: "MaintenanceWindows",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(long),
                oldType: "INTEGER");

            migrationBuilder.AlterColumn<DateTimeOffset>(
                name: "CreatedAt",
                table: "Incidents",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(long),
                oldType: "INTEGER");

            migrationBuilder.AlterColumn<DateTime>(
                name: "UpdatedAt",
                table: "FaqSynonymGroups",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(long),
                oldType: "INTEGER");

            migrationBuilder.AlterColumn<DateTime>(
                name: "CreatedAt",
                table: "FaqSearchQueries",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(long),
                oldType: "INTEGER");

            migrationBuilder.AlterColumn<DateTime>(
                name: "CreatedAt",
                table: "FaqArticleVotes",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(long),
                oldType: "INTEGER");

            migrationBuilder.AlterColumn<DateTime>(
                name: "UpdatedAt",
                table: "FaqArticles",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(long),
                oldType: "INTEGER");

            migrationBuilder.AlterColumn<DateTime>(
                name: "CreatedAt",
                table: "FaqArticleRevisions",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(long),
                oldType: "INTEGER");

            migrationBuilder.AlterColumn<DateTimeOffset>(
                name: "LockoutEnd",
                table: "AspNetUsers",
                type: "TEXT",
                nullable: true,
                oldClrType: typeof(long),
                oldType: "INTEGER",
                oldNullable: true);

            foreach (var (table, column, offset) in Instants)
            {
                migrationBuilder.Sql(TicksToText(table, column, offset));
            }
        }

        /// <summary>The columns whose stored form changes from text to UTC ticks (offset: the text carried one).</summary>
        private static readonly (string Table, string Column, bool HadOffset)[] Instants =
        [
            ("MaintenanceWindows", "CreatedAt", true), ("Incidents", "CreatedAt", true), ("FaqSynonymGroups", "UpdatedAt", false),
            ("FaqSearchQueries", "CreatedAt", false), ("FaqArticleVotes", "CreatedAt", false), ("FaqArticles", "UpdatedAt", false),
            ("FaqArticleRevisions", "CreatedAt", false), ("AspNetUsers", "LockoutEnd", true),
        ];

        /// <summary>
        /// Text written by EF ("yyyy-MM-dd HH:mm:ss[.fffffff][+hh:mm]") to UTC ticks, exactly: whole seconds from SQLite's
        /// date functions (which apply the offset), the seven fraction digits from the text itself.
        /// </summary>
        private static string TextToTicks(string table, string column)
        {
            var c = $"\"{column}\"";
            var rest = $"(CASE WHEN substr({c}, 20, 1) = '.' THEN substr({c}, 21) ELSE '' END)";
            var end = $"(CASE WHEN instr({rest}, '+') > 0 THEN instr({rest}, '+') WHEN instr({rest}, '-') > 0 THEN instr({rest}, '-') " +
                      $"WHEN instr({rest}, 'Z') > 0 THEN instr({rest}, 'Z') ELSE length({rest}) + 1 END)";
            var fraction = $"CAST(substr(substr({rest}, 1, {end} - 1) || '0000000', 1, 7) AS INTEGER)";
            return $"UPDATE \"{table}\" SET {c} = (CAST(strftime('%s', {c}) AS INTEGER) + 62135596800) * 10000000 + {fraction} " +
                   $"WHERE typeof({c}) = 'text';";
        }

        private static string TicksToText(string table, string column, bool offset)
        {
            var c = $"\"{column}\"";
            var ticks = $"CAST({c} AS INTEGER)";
            var text = $"strftime('%Y-%m-%d %H:%M:%S', {ticks} / 10000000 - 62135596800, 'unixepoch') || '.' || printf('%07d', {ticks} % 10000000)"
                       + (offset ? " || '+00:00'" : "");
            return $"UPDATE \"{table}\" SET {c} = {text} WHERE {c} IS NOT NULL;";
        }
    }
}
