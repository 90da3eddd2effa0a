using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using WalletHelp.Web.Data;

namespace WalletHelp.Tests.Web;

/// <summary>
/// Migrations run with a long command timeout (a backfill such as PostgresFaqSearchSpeed's took longer than EF Core's
/// 30 s at ~100k articles), and the context's own timeout is back afterwards.
/// </summary>
public sealed class MigrationTimeoutTests : IDisposable
{
    private readonly string path = Path.Combine(Path.GetTempPath(), "wallethelp-tests", $"migration-timeout-{Guid.NewGuid():N}.db");

    [Fact]
    public async Task MigrationCommands_GetTheBackfillTimeout_ThenTheContextsOwn()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var seen = new TimeoutRecorder();
        await using var db = new ApplicationDbContext(new DbContextOptionsBuilder<ApplicationDbContext>()
            .UseSqlite($"Data Source={path};Pooling=False")
            .ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning))
            .AddInterceptors(seen)
            .Options);
        var before = db.Database.GetCommandTimeout();

        await db.MigrateWithBackfillTimeoutAsync(TestContext.Current.CancellationToken);

        Assert.NotEmpty(seen.Timeouts);
        Assert.All(seen.Timeouts, t => Assert.Equal((int)MigrationRunner.CommandTimeout.TotalSeconds, t));
        Assert.True(MigrationRunner.CommandTimeout > TimeSpan.FromMinutes(5));
        Assert.Equal(before, db.Database.GetCommandTimeout());
    }

    private sealed class TimeoutRecorder : DbCommandInterceptor
    {
        public List<int> Timeouts { get; } = [];

        public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
        {
            Timeouts.Add(command.CommandTimeout);
            return result;
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result,
            CancellationToken cancellationToken = default)
        {
            Timeouts.Add(command.CommandTimeout);
            return ValueTask.FromResult(result);
        }
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(path);
    }
}
