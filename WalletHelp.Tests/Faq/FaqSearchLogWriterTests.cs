using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using WalletHelp.Web.Data.Analytics;
using WalletHelp.Web.Data.Faq;
using WalletHelp.Web.Services.Faq;

namespace WalletHelp.Tests.Faq;

/// <summary>
/// The search log's writer: on SQLite its prepared inserts store every column as <c>SaveChanges</c> does and the
/// zero-result trigger still counts; the background writer gathers a burst into few transactions and loses nothing.
/// </summary>
public sealed class FaqSearchLogWriterTests : IDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly FaqTestDatabase database = new();

    private static FaqSearchQuery Row(string query, int results, DateTimeOffset at) =>
        new() { Query = query, Language = "zh-CN", ResultCount = results, CreatedAt = at };

    [Fact]
    public async Task PreparedInserts_StoreWhatSaveChangesStores_AndTheZeroResultTriggerCounts()
    {
        var at = new DateTimeOffset(2026, 11, 26, 9, 30, 15, 123, TimeSpan.Zero).AddTicks(4567);
        var writer = new FaqSearchLogWriter(new FaqSearchLog(), database.Factory, NullLogger<FaqSearchLogWriter>.Instance);
        await writer.WriteAsync([Row("prepared-none", 0, at), Row("prepared-some", 3, at)], Ct);
        await using (var db = await database.Factory.CreateDbContextAsync(Ct))
        {
            db.FaqSearchQueries.AddRange(Row("tracked-none", 0, at), Row("tracked-some", 3, at));
            await db.SaveChangesAsync(Ct);
        }

        await using var read = await database.Factory.CreateDbContextAsync(Ct);
        var rows = await read.FaqSearchQueries.AsNoTracking().Where(q => q.Query.Contains("-")).ToListAsync(Ct);
        Assert.Equal(4, rows.Count);
        Assert.All(rows, r => Assert.True(r.Id > 0));
        Assert.All(rows, r => Assert.Equal(at, r.CreatedAt));
        Assert.All(rows, r => Assert.Equal("zh-CN", r.Language));
        Assert.Equal(rows.Single(r => r.Query == "tracked-some").ResultCount, rows.Single(r => r.Query == "prepared-some").ResultCount);
        // Same stored text, column by column, as the tracked insert.
        var raw = await read.Database.SqlQueryRaw<string>(
            "SELECT CreatedAt || '|' || Language || '|' || ResultCount AS Value FROM FaqSearchQueries WHERE Query IN ('prepared-none', 'tracked-none')")
            .ToListAsync(Ct);
        Assert.Equal(2, raw.Count);
        Assert.Equal(raw[0], raw[1]);
        // The trigger counted both searches that found nothing, and neither that found something.
        var zero = await read.Set<SearchDayCount>().AsNoTracking().Where(d => d.Query.Contains("-")).Select(d => d.Query).ToListAsync(Ct);
        Assert.Equal(["prepared-none", "tracked-none"], zero.Order());
    }

    [Fact]
    public async Task ABurst_IsWrittenWhole_InFewTransactions()
    {
        var log = new FaqSearchLog();
        var writer = new FaqSearchLogWriter(log, database.Factory, NullLogger<FaqSearchLogWriter>.Instance);
        await writer.StartAsync(Ct);
        var at = DateTimeOffset.UtcNow;
        for (var i = 0; i < 1200; i++) log.Record($"burst-{i}", "en", i % 2, at);

        Assert.True(await log.FlushAsync(TimeSpan.FromSeconds(30), Ct));
        await writer.StopAsync(Ct);
        await using var read = await database.Factory.CreateDbContextAsync(Ct);
        Assert.Equal(1200, await read.FaqSearchQueries.CountAsync(q => q.Query.StartsWith("burst-"), Ct));
        Assert.Equal(0, log.Dropped);
        // 500 a transaction at most, gathered for a moment after the first: three batches, not one per search.
        Assert.InRange(writer.Batches, 3, 10);
    }

    public void Dispose() => database.Dispose();
}
