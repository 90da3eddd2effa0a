using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using WalletHelp.Tests.TestSupport;
using WalletHelp.Web.Data;
using WalletHelp.Web.Data.Status;
using WalletHelp.Web.Infrastructure.ReaderPages;
using WalletHelp.Web.Services.Audit;
using WalletHelp.Web.Services.Status;

namespace WalletHelp.Tests.Web;

/// <summary>
/// The service status kept in memory (<see cref="StatusMemo"/>): diagnoses and banners cost no query, yet a change —
/// here, on another instance, or by the clock — shows at once.
/// </summary>
public sealed class StatusMemoTests(WalletHelpFactory factory) : IClassFixture<WalletHelpFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly FakeTimeProvider clock = new(DateTimeOffset.UtcNow);

    private (ServiceStatusService Service, StatusMemo Memo, ReaderCache Reader) Create()
    {
        _ = factory.Server;
        var memo = new StatusMemo();
        var reader = new ReaderCache(new NullOutputCacheStore(), NullLogger<ReaderCache>.Instance, taggedCaches: [memo]);
        var service = new ServiceStatusService(factory.Services.GetRequiredService<IDbContextFactory<ApplicationDbContext>>(), clock,
            factory.Services.GetRequiredService<IAuditLog>(), reader, memo);
        return (service, memo, reader);
    }

    private async Task InsertBehindItsBackAsync(string title, DateTimeOffset starts, DateTimeOffset ends)
    {
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<ApplicationDbContext>>().CreateDbContextAsync(Ct);
        db.MaintenanceWindows.Add(new MaintenanceWindowEntity { Title = title, StartsAt = starts, EndsAt = ends, CreatedAt = clock.GetUtcNow() });
        await db.SaveChangesAsync(Ct);
    }

    private async Task<IReadOnlyList<string>> BannerAsync(ServiceStatusService service) =>
        [.. (await service.GetActiveAlertsAsync(english: false, Ct)).Select(a => a.Title)];

    [Fact]
    public async Task AChangeThroughTheService_ShowsAtOnce_AndTheMemoSparesTheQueryUntilThen()
    {
        var (service, _, _) = Create();
        var now = clock.GetUtcNow();
        Assert.DoesNotContain("memo-a", await BannerAsync(service));

        var added = await service.AddMaintenanceAsync(new MaintenanceInput(now.AddMinutes(-1), now.AddHours(1), "memo-a", null),
            AuditActor.Named("t"), Ct);
        Assert.Empty(added.Problems);
        Assert.Contains("memo-a", await BannerAsync(service));
        Assert.Contains((await service.GetScheduleAsync(false, Ct)).Maintenance, m => m.Title == "memo-a");

        // Written without the service (as another instance would): not read again while the memo holds…
        await InsertBehindItsBackAsync("memo-b", now.AddMinutes(-1), now.AddHours(1));
        Assert.DoesNotContain("memo-b", await BannerAsync(service));
        // …and the uncached board (the admin and status pages) shows it.
        Assert.Contains((await service.GetCurrentAsync(Ct)).Maintenance, m => m.Title == "memo-b");
    }

    [Fact]
    public async Task AnEvictionOfTheStatusTag_AsAnotherInstanceSendsIt_EmptiesTheMemo()
    {
        var (service, _, reader) = Create();
        var now = clock.GetUtcNow();
        Assert.DoesNotContain("memo-c", await BannerAsync(service));
        await InsertBehindItsBackAsync("memo-c", now.AddMinutes(-1), now.AddHours(1));
        Assert.DoesNotContain("memo-c", await BannerAsync(service));

        await reader.EvictAsync(ReaderCache.Faq, Ct);
        Assert.DoesNotContain("memo-c", await BannerAsync(service));
        await reader.EvictAsync(ReaderCache.Status, Ct);
        Assert.Contains("memo-c", await BannerAsync(service));
        Assert.Contains((await service.GetScheduleAsync(true, Ct)).Maintenance, m => m.Title == "memo-c");
    }

    [Fact]
    public async Task TheClock_StartsAndEndsAWindow_WithoutAnyWrite()
    {
        var (service, _, _) = Create();
        var now = clock.GetUtcNow();
        // Announced for ten minutes from now, for twenty minutes.
        await service.AddMaintenanceAsync(new MaintenanceInput(now.AddMinutes(10), now.AddMinutes(30), "memo-d", null), AuditActor.Named("t"), Ct);
        Assert.DoesNotContain("memo-d", await BannerAsync(service));

        clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Contains("memo-d", await BannerAsync(service));

        clock.Advance(TimeSpan.FromMinutes(20));
        Assert.DoesNotContain("memo-d", await BannerAsync(service));
        Assert.DoesNotContain((await service.GetScheduleAsync(false, Ct)).Maintenance, m => m.Title == "memo-d");
    }

    [Fact]
    public void AnEvictionWhileTheBoardIsRead_IsNotOverwrittenByTheOlderBoard()
    {
        var memo = new StatusMemo();
        var version = memo.Version;
        memo.Evict();
        memo.Keep(version, new StatusMemo.BoardEntry(new StatusBoard([], []), clock.GetUtcNow(), clock.GetUtcNow().AddMinutes(1)));
        Assert.Null(memo.Board);
        memo.Keep(memo.Version, new StatusMemo.BoardEntry(new StatusBoard([], []), clock.GetUtcNow(), clock.GetUtcNow().AddMinutes(1)));
        Assert.NotNull(memo.Board);
    }
}
