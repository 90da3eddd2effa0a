using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WalletHelp.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class FaqSearchGrams : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Chinese unigrams/bigrams (and Latin words) of published articles: 1–2-character queries become index
            // lookups instead of a LIKE scan. Same rowids as FaqSearch, whose rowid scheme changes here
            // (language × 2³² + article id, was id × 2 + language), so its old rows go; FaqSeeder rebuilds both
            // tables from the articles at every start.
            migrationBuilder.Sql("CREATE VIRTUAL TABLE IF NOT EXISTS FaqSearchGrams USING fts5(title, body, tokenize='unicode61');");
            migrationBuilder.Sql("DELETE FROM FaqSearch;");
            // Its term list: tells whether an English prefix names exactly one indexed word (then an exact lookup).
            migrationBuilder.Sql("CREATE VIRTUAL TABLE IF NOT EXISTS FaqSearchGramsVocab USING fts5vocab(FaqSearchGrams, 'row');");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE IF EXISTS FaqSearchGramsVocab;");
            migrationBuilder.Sql("DROP TABLE IF EXISTS FaqSearchGrams;");
            // Rows in the new rowid scheme; the older FaqSeeder rebuilds FaqSearch at start.
            migrationBuilder.Sql("DELETE FROM FaqSearch;");
        }
    }
}
