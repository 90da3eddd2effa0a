using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using WalletHelp.Tests.Api;
using WalletHelp.Tests.Faq;
using WalletHelp.Tests.TestSupport;
using WalletHelp.Web.Data;
using WalletHelp.Web.Services.Diagnoses;

namespace WalletHelp.Tests.ScaleOut;

/// <summary>
/// Group commit of new diagnoses on PostgreSQL (the farm's server, a new database per test): the same contract as on
/// SQLite — concurrent requests all stored in fewer transactions than requests, a failing item fails alone while its
/// group mates (one with a clashing reference, drawn again) are committed, disposal writes what is queued — through
/// the SaveChanges-per-group path, and the app picks the grouped writer on PostgreSQL too.
/// </summary>
[Collection(FarmCollection.Name)]
public sealed class PostgresGroupCommitTests(FarmFixture farm) : GroupCommitContract, IAsyncLifetime
{
    private FaqTestDatabase? database;

    protected override FaqTestDatabase Database => database!;

    public async ValueTask InitializeAsync() => database = new FaqTestDatabase(await farm.CreateDatabaseAsync());

    public ValueTask DisposeAsync()
    {
        database?.Dispose();
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task TheAppUsesGroupCommit_OnPostgres()
    {
        Assert.True(Database.Postgres);
        var services = new ServiceCollection();
        Database.Register(services);
        services.AddLogging();
        await using var provider = services.BuildServiceProvider();
        await using var writer = Assert.IsType<GroupedDiagnosisWriter>(DiagnosisWrites.Create(provider));
        var record = Record();
        await writer.AddAsync(record, Ct);

        // Committed when AddAsync returned: another connection reads it with its attempt.
        await using var db = await Database.Factory.CreateDbContextAsync(Ct);
        var stored = await db.Diagnoses.Include(d => d.Attempts).SingleAsync(d => d.Reference == record.Reference, Ct);
        Assert.Equal(stored.Id, Assert.Single(stored.Attempts).DiagnosisId);
        Assert.Equal(1, writer.Groups);
    }
}
