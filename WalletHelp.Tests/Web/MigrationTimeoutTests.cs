using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using WalletHelp.Web.Data;

namespace WalletHelp.Tests.Web;

/// <summary>
/// Migrations run with a long command timeout on PostgreSQL (a backfill such as PostgresFaqSearchSpeed's took longer
/// than EF Core's 30 s at ~100k articles), and the context's own timeout is back afterwards; on SQLite, where a
/// command's timeout is also its wait for a lock, they keep the context's own (a locked database fails the start fast:
/// <c>StartupFailureTests</c>).
/// </summary>
public sealed class MigrationTimeoutTests : IDisposable
{
    private readonly string path = Path.Combine(Path.GetTempPath(), "wallethelp-tests", $"migration-timeout-{Guid.NewGuid():N}.db");

    [Fact]
    public void Postgres_GetsTheBackfillTimeout_SqliteKeepsItsOwn()
    {
        using var postgres = new ApplicationDbContext(new DbContextOptionsBuilder<ApplicationDbContext>().UseNpgsql("Host=localhost;Database=x").Options);
        using var sqlite = new ApplicationDbContext(new DbContextOptionsBuilder<ApplicationDbContext>().UseSqlite($"Data Source={path}").Options);

        Assert.Equal(MigrationRunner.CommandTimeout, MigrationRunner.BackfillTimeoutFor(postgres.Database));
        Assert.True(MigrationRunner.CommandTimeout > TimeSpan.FromMinutes(5));
        Assert.Null(MigrationRunner.BackfillTimeoutFor(sqlite.Database));
    }

    [Fact]
    public async Task SqliteMigrationCommands_KeepTheContextsTimeout()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var seen = new TimeoutRecorder();
        await using var db = new ApplicationDbContext(new DbContextOptionsBuilder<ApplicationDbContext>()
            .UseSqlite($"Data Source={path};Pooling=False", o => o.CommandTimeout(7))
            .ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning))
            .AddInterceptors(seen)
            .Options);

        await db.MigrateWithBackfillTimeoutAsync(TestContext.Current.CancellationToken);

        Assert.NotEmpty(seen.Timeouts);
        Assert.All(seen.Timeouts, t => Assert.Equal(7, t));
        Assert.Equal(7, db.Database.GetCommandTimeout());
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
