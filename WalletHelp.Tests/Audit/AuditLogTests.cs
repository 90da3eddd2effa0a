using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WalletHelp.Tests.TestSupport;
using WalletHelp.Web.Data;
using WalletHelp.Web.Data.Diagnoses;
using WalletHelp.Web.Services.Audit;
using WalletHelp.Web.Services.Diagnoses;

namespace WalletHelp.Tests.Audit;

/// <summary>The audit log over the real app and a real SQLite file.</summary>
public sealed class AuditLogTests : IDisposable
{
    private readonly WalletHelpFactory factory = new WalletHelpFactory().With("WalletHelp:RateLimits:SignInPerMinute", "1000");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private IAuditLog Audit => factory.Services.GetRequiredService<IAuditLog>();

    private async Task<IReadOnlyList<AuditEntryView>> EntriesAsync(string? action = null, string? actor = null) =>
        (await Audit.QueryAsync(new AuditQuery(Action: action, Actor: actor, PageSize: 200), Ct)).Items;

    [Fact]
    public async Task SignIn_SuccessFailureAndLockout_AreRecorded()
    {
        var client = factory.CreateBrowserLikeClient();
        for (var i = 0; i < 5; i++)
        {
            await client.SignInAsync(WalletHelpFactory.AgentEmail, "wrong-password");
        }
        await client.SignInAsync("nobody@test.local", "whatever-1");
        await factory.CreateBrowserLikeClient().SignInAsync(WalletHelpFactory.AdminEmail, WalletHelpFactory.AdminPassword);

        var agent = await EntriesAsync(actor: WalletHelpFactory.AgentEmail);
        Assert.Equal(4, agent.Count(e => e.Action == AuditActions.SignInFailed));
        Assert.Single(agent, e => e.Action == AuditActions.SignInLockedOut);
        Assert.Contains(await EntriesAsync(AuditActions.SignInFailed), e => e.Actor == "nobody@test.local" && e.Detail!.Contains("unknown"));
        Assert.Single(await EntriesAsync(AuditActions.SignInSucceeded, WalletHelpFactory.AdminEmail));
    }

    [Fact]
    public async Task Entries_CannotBeChangedOrDeleted()
    {
        await Audit.WriteAsync(AuditActor.System, AuditActions.ExportCreated, "test", cancellationToken: Ct);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();

        var update = await Assert.ThrowsAsync<SqliteException>(() => db.Database.ExecuteSqlRawAsync("UPDATE AuditEntries SET Actor = 'someone else'", Ct));
        Assert.Contains("append-only", update.Message);
        await Assert.ThrowsAsync<SqliteException>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM AuditEntries", Ct));
        Assert.Contains(await EntriesAsync(AuditActions.ExportCreated), e => e.Actor == "system");
    }

    [Fact]
    public async Task FreeText_IsScrubbedOfIdAndCardNumbers()
    {
        await Audit.WriteAsync(AuditActor.Named("typed 11010519491231002X as a name"), AuditActions.SignInFailed,
            target: "card 6228480402564890018", detail: "pasted 110105 19491231 002X here", cancellationToken: Ct);

        var entry = (await EntriesAsync(AuditActions.SignInFailed)).Single(e => e.Actor.StartsWith("typed"));
        Assert.DoesNotContain("11010519491231002X", entry.Actor);
        Assert.DoesNotContain("6228480402564890018", entry.Target);
        Assert.DoesNotContain("19491231", entry.Detail);
        var bytes = Encoding.UTF8.GetString(factory.ReadDatabaseBytes());
        Assert.DoesNotContain("11010519491231002X", bytes);
        Assert.DoesNotContain("6228480402564890018", bytes);
    }

    [Fact]
    public async Task AddedEntry_IsWrittenOnlyIfTheChangeItRecordsIsWritten()
    {
        await using (var db = await factory.Services.GetRequiredService<IDbContextFactory<ApplicationDbContext>>().CreateDbContextAsync(Ct))
        {
            // A note for a diagnosis that does not exist: the foreign key fails the whole SaveChanges.
            db.DiagnosisNotes.Add(new DiagnosisNote { DiagnosisId = 999_999, Author = "x", Text = "x" });
            Audit.Add(db, AuditActor.Named("tx-test"), AuditActions.CaseNoteAdded, "WH-NOPE");
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(Ct));
        }
        Assert.Empty(await EntriesAsync(actor: "tx-test"));
    }

    [Fact]
    public async Task CaseNotesAndStatusChanges_AreRecordedAgainstTheReference()
    {
        var diagnoses = factory.Services.GetRequiredService<DiagnosisService>();
        var view = await diagnoses.RunAsync(new WalletHelp.Core.Diagnostics.DiagnosisInput { Symptom = WalletHelp.Core.Diagnostics.Symptom.ApplicationRejected },
            "zh-CN", new Requester(null, null, false), Ct);
        var agent = new AuditActor("agent-id", WalletHelpFactory.AgentEmail, "10.1.2.3");

        Assert.True(await diagnoses.AddNoteAsync(view.Reference, agent, "called back", Ct));
        Assert.True(await diagnoses.SetStatusAsync(view.Reference, DiagnosisStatus.Escalated, agent, Ct));
        Assert.False(await diagnoses.SetStatusAsync("WH-ZZZZZZZZ", DiagnosisStatus.Escalated, agent, Ct));

        var entries = await EntriesAsync("case");
        Assert.Contains(entries, e => e.Action == AuditActions.CaseNoteAdded && e.Target == view.Reference && e.ClientAddress == "10.1.2.3");
        var status = Assert.Single(entries, e => e.Action == AuditActions.CaseStatusChanged);
        Assert.Equal(view.Reference, status.Target);
        Assert.Equal("open → escalated (other)", status.Detail);
    }

    [Fact]
    public async Task Api_FiltersPagesAndNewestFirst()
    {
        var admin = await factory.CreateBearerClientAsync(WalletHelpFactory.AdminEmail, WalletHelpFactory.AdminPassword);
        var body = new { startsAt = DateTimeOffset.UtcNow.AddHours(1), endsAt = DateTimeOffset.UtcNow.AddHours(2), title = "升级" };
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/v1/status/maintenance", body, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/v1/status/maintenance", body, Ct)).StatusCode);

        var page = await (await admin.GetAsync("/api/v1/audit?action=maintenance&pageSize=1", Ct)).ReadJsonAsync();
        Assert.Equal(2, page.GetProperty("total").GetInt32());
        var item = Assert.Single(page.GetProperty("items").EnumerateArray());
        Assert.Equal("maintenance.scheduled", item.GetProperty("action").GetString());
        Assert.Equal(WalletHelpFactory.AdminEmail, item.GetProperty("actor").GetString());

        var all = await (await admin.GetAsync("/api/v1/audit", Ct)).ReadJsonAsync();
        var times = all.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("at").GetDateTimeOffset()).ToList();
        Assert.Equal(times.OrderByDescending(t => t), times);
        Assert.Contains(all.GetProperty("items").EnumerateArray(), e => e.GetProperty("action").GetString() == AuditActions.SignInSucceeded);

        var today = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd");
        var byDay = await (await admin.GetAsync($"/api/v1/audit?from={today}&to={today}&actor=admin", Ct)).ReadJsonAsync();
        Assert.True(byDay.GetProperty("total").GetInt32() >= 3);
        var future = await (await admin.GetAsync("/api/v1/audit?from=2099-01-01", Ct)).ReadJsonAsync();
        Assert.Equal(0, future.GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("from=11010519491231002X", "from")]
    [InlineData("to=2026-13-45", "to")]
    [InlineData("from=2026-11-25&to=2026-11-24", "to")]
    [InlineData("page=0", "page")]
    [InlineData("pageSize=100000", "pageSize")]
    public async Task Api_BadInput_Is400ProblemDetailsNamingTheFieldNotTheValue(string query, string field)
    {
        var admin = await factory.CreateBearerClientAsync(WalletHelpFactory.AdminEmail, WalletHelpFactory.AdminPassword);
        var response = await admin.GetAsync("/api/v1/audit?" + query, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True((await response.ReadJsonAsync()).GetProperty("errors").TryGetProperty(field, out _), text);
        Assert.DoesNotContain("11010519491231002X", text);
    }

    [Fact]
    public async Task Api_IsForAdminsOnly()
    {
        var agent = await factory.CreateBearerClientAsync(WalletHelpFactory.AgentEmail, WalletHelpFactory.AgentPassword);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.GetAsync("/api/v1/audit", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().GetAsync("/api/v1/audit", Ct)).StatusCode);
    }

    public void Dispose() => factory.Dispose();
}
