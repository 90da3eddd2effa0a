using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using WalletHelp.Tests.Faq;
using WalletHelp.Tests.TestSupport;
using WalletHelp.Web.Data;
using WalletHelp.Web.Services.Diagnoses;

namespace WalletHelp.Tests.ScaleOut;

/// <summary>
/// The keyed-hash key (repeat counting of ID and card numbers) is generated once and kept in the database. Two
/// instances asking for it at once on a fresh database (their first diagnoses after start-up) must both end up with
/// the one stored key — found by the first benchmark through nginx, where one instance's first diagnosis got a 500.
/// </summary>
[Collection(FarmCollection.Name)]
public sealed class SharedHashKeyTests(FarmFixture farm)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnotherInstanceStoresItsKeyFirst_BothHashAlike_NoneFails()
    {
        using var pg = new FaqTestDatabase(await farm.CreateDatabaseAsync());
        var keys = new EphemeralDataProtectionProvider(); // the key ring both instances share (in the database on a farm)
        var configuration = new ConfigurationBuilder().Build();
        var instanceB = new KeyedHasher(configuration, pg.Factory, keys, NullLogger<KeyedHasher>.Instance);
        string? hashB = null;

        // Instance A read "no key yet"; just before it stores its own, instance B stores one (the race, made certain).
        var services = new ServiceCollection();
        pg.Register(services);
        services.ConfigureDbContext<ApplicationDbContext>(o => o.AddInterceptors(new BeforeFirstSave(async () =>
            hashB = await instanceB.HashAsync("110105194912310023", Ct))));
        await using var provider = services.BuildServiceProvider();
        var instanceA = new KeyedHasher(configuration, provider.GetRequiredService<IDbContextFactory<ApplicationDbContext>>(), keys, NullLogger<KeyedHasher>.Instance);

        var hashA = await instanceA.HashAsync("110105194912310023", Ct);

        Assert.NotNull(hashB);
        Assert.Equal(hashB, hashA);
        Assert.Equal(hashA, await new KeyedHasher(configuration, pg.Factory, keys, NullLogger<KeyedHasher>.Instance).HashAsync("110105194912310023", Ct));
        await using var db = await pg.Factory.CreateDbContextAsync(Ct);
        Assert.Equal(1, await db.AppSecrets.CountAsync(Ct));
    }

    private sealed class BeforeFirstSave(Func<Task> action) : SaveChangesInterceptor
    {
        private int done;

        public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
            CancellationToken cancellationToken = default)
        {
            if (Interlocked.Exchange(ref done, 1) == 0) await action();
            return result;
        }
    }
}
