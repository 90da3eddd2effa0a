using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using WalletHelp.Web.Data;

namespace WalletHelp.Tests.Web;

/// <summary>
/// The FaqInstants migration turns instants stored as text (FAQ DateTime columns, DateTimeOffset columns that had no
/// converter) into UTC ticks, exactly, on a database that already holds rows; and back down again.
/// </summary>
public sealed class InstantMigrationTests : IDisposable
{
    private readonly string path = Path.Combine(Path.GetTempPath(), "wallethelp-tests", $"instants-{Guid.NewGuid():N}.db");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // Outside the app Identity's options (schema version) differ, so EF sees "pending changes" in the Identity tables;
    // the migrations under test are code and apply all the same.
    private ApplicationDbContext Context() => new(new DbContextOptionsBuilder<ApplicationDbContext>()
        .UseSqlite($"Data Source={path};Pooling=False")
        .ConfigureWarnings(w => w.Ignore(Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.PendingModelChangesWarning))
        .Options);

    private long Scalar(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private void Execute(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    [Fact]
    public async Task TextInstants_BecomeExactUtcTicks_AndEfReadsThemBack()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await using (var db = Context())
        {
            await db.GetService<IMigrator>().MigrateAsync("20261126014612_AdminAnalytics", Ct);
        }
        // As EF wrote them before: DateTime without offset (UTC), DateTimeOffset with its offset.
        Execute("""
            INSERT INTO FaqSearchQueries (Query, Language, ResultCount, CreatedAt) VALUES ('绑卡', 'zh-CN', 0, '2026-11-25 10:00:00.1234567');
            INSERT INTO FaqSearchQueries (Query, Language, ResultCount, CreatedAt) VALUES ('sms', 'en', 2, '2026-11-25 10:00:01');
            INSERT INTO FaqSearchQueries (Query, Language, ResultCount, CreatedAt) VALUES ('x', 'en', 2, '2026-11-25 10:00:02.5');
            INSERT INTO Incidents (AffectsOpening, CreatedAt, CreatedBy, StartedAt, Title) VALUES (1, '2026-11-25 18:00:00.0000001+08:00', 'a', 0, 't');
            """);

        await using (var db = Context())
        {
            await db.GetService<IMigrator>().MigrateAsync("20261126025521_FaqInstants", Ct);
        }
        Assert.Equal(0, Scalar("SELECT count(*) FROM FaqSearchQueries WHERE typeof(CreatedAt) <> 'integer'"));
        // The table rebuilds keep what earlier migrations added to those tables (analytics indexes, user columns).
        Assert.Equal(1, Scalar("SELECT count(*) FROM sqlite_master WHERE name = 'IX_FaqSearchQueries_ResultCount_CreatedAt_Query'"));
        Assert.Equal(1, Scalar("SELECT count(*) FROM sqlite_master WHERE name = 'IX_FaqArticleVotes_CreatedAt_ArticleId_Helpful'"));
        Assert.Equal(1, Scalar("SELECT count(*) FROM pragma_table_info('AspNetUsers') WHERE name = 'LastSignInAt'"));

        await using (var db = Context())
        {
            await db.Database.MigrateAsync(Ct);
            var queries = await db.FaqSearchQueries.OrderBy(q => q.Id).Select(q => q.CreatedAt).ToListAsync(Ct);
            Assert.Equal(
                [
                    new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.Zero).AddTicks(1234567),
                    new DateTimeOffset(2026, 11, 25, 10, 0, 1, TimeSpan.Zero),
                    new DateTimeOffset(2026, 11, 25, 10, 0, 2, 500, TimeSpan.Zero),
                ],
                queries);
            var incident = await db.Incidents.SingleAsync(Ct);
            Assert.Equal(new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.Zero).AddTicks(1), incident.CreatedAt);
        }
        // AnalyticsDailyCounts counts the searches without results stored before it, on their Beijing day (25 Nov 18:00).
        Assert.Equal(1, Scalar($"SELECT Count FROM AnalyticsSearchDays WHERE Query = '绑卡' AND Day = {new DateOnly(2026, 11, 25).DayNumber}"));
        Assert.Equal(1, Scalar("SELECT count(*) FROM AnalyticsSearchDays"));

        // And down again: the text EF's old model reads.
        await using (var db = Context())
        {
            await db.GetService<IMigrator>().MigrateAsync("20261126014612_AdminAnalytics", Ct);
        }
        Assert.Equal(1, Scalar("SELECT count(*) FROM FaqSearchQueries WHERE CreatedAt = '2026-11-25 10:00:00.1234567'"));
        Assert.Equal(1, Scalar("SELECT count(*) FROM Incidents WHERE CreatedAt = '2026-11-25 10:00:00.0000001+00:00'"));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            File.Delete(file);
        }
    }
}
