using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using WalletHelp.Tests.Faq;
using WalletHelp.Web.Data.Diagnoses;
using WalletHelp.Web.Services.Diagnoses;

namespace WalletHelp.Tests.Api;

/// <summary>Group commit of new diagnoses (<see cref="GroupedDiagnosisWriter"/>) over a real, migrated SQLite file.</summary>
public sealed class GroupCommitTests : IDisposable
{
    private readonly FaqTestDatabase database = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DiagnosisRecord Record(string? symptom = "application-rejected") => new()
    {
        Reference = ReferenceCode.New(),
        CreatedAt = DateTimeOffset.UtcNow,
        Symptom = symptom!,
        Outcome = "ready",
        Language = "zh-CN",
        RuleSetVersion = "test",
        FindingsJson = "[]",
        MaskedInputJson = "{}",
        Codes = "",
        Attempts = [new DiagnosisAttempt { Number = 1, CreatedAt = DateTimeOffset.UtcNow, Outcome = "ready", RuleSetVersion = "test", FindingsJson = "[]", MaskedInputJson = "{}", Codes = "" }],
    };

    [Fact]
    public async Task ConcurrentWrites_AllLand_InGroups()
    {
        await using var writer = new GroupedDiagnosisWriter(database.Factory, NullLogger<GroupedDiagnosisWriter>.Instance);
        var records = Enumerable.Range(0, 300).Select(_ => Record()).ToList();

        await Task.WhenAll(records.Select(r => Task.Run(() => writer.AddAsync(r, Ct), Ct)));

        await using var db = await database.Factory.CreateDbContextAsync(Ct);
        var stored = await db.Diagnoses.Include(d => d.Attempts).Where(d => d.Symptom == "application-rejected").ToListAsync(Ct);
        Assert.Equal(records.Select(r => r.Reference).Order(), stored.Select(d => d.Reference).Order());
        Assert.All(stored, d => Assert.Single(d.Attempts));
        Assert.Equal(300, writer.Written);
        // 300 requests at once did not take 300 transactions.
        Assert.True(writer.Groups < 300, $"{writer.Groups} groups");
    }

    [Fact]
    public async Task FailingItem_FailsAlone_TheRestOfItsGroupIsCommitted()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var writer = new GroupedDiagnosisWriter(database.Factory, NullLogger<GroupedDiagnosisWriter>.Instance, () => gate.Task);
        var good = Enumerable.Range(0, 10).Select(_ => Record()).ToList();
        var twin = Record();
        twin.Reference = good[3].Reference; // clashes with a group mate: drawn again, not failed
        var bad = Record(symptom: null);   // NOT NULL violated: can never be stored

        var writes = good.Select(r => writer.AddAsync(r, Ct)).Append(writer.AddAsync(twin, Ct)).ToList();
        var failing = writer.AddAsync(bad, Ct);
        gate.SetResult(); // all twelve are queued: they are taken as one group

        await Task.WhenAll(writes);
        await Assert.ThrowsAsync<DbUpdateException>(() => failing);
        Assert.Equal(1, writer.Groups);
        Assert.NotEqual(good[3].Reference, twin.Reference);

        await using var db = await database.Factory.CreateDbContextAsync(Ct);
        var references = await db.Diagnoses.Select(d => d.Reference).ToListAsync(Ct);
        Assert.Equal(good.Select(r => r.Reference).Append(twin.Reference).Order(), references.Order());
    }

    [Fact]
    public async Task Dispose_WritesWhatIsQueued()
    {
        var writer = new GroupedDiagnosisWriter(database.Factory, NullLogger<GroupedDiagnosisWriter>.Instance);
        var writes = Enumerable.Range(0, 20).Select(_ => writer.AddAsync(Record(), Ct)).ToList();
        await writer.DisposeAsync();
        await Task.WhenAll(writes);
        await using var db = await database.Factory.CreateDbContextAsync(Ct);
        Assert.Equal(20, await db.Diagnoses.CountAsync(Ct));
    }

    [Fact]
    public async Task PreparedInserts_StoreEveryColumnAsSaveChangesWould_AndFireTheTriggers()
    {
        var at = new DateTimeOffset(2026, 11, 26, 9, 30, 15, 123, TimeSpan.FromHours(8));
        var written = Record();
        written.CreatedAt = at;
        written.RetryAfter = at.AddMinutes(30);
        written.Outcome = "retry-later";
        written.ParameterSet = 7;
        written.IdNumberHash = "id-hash";
        written.CardNumberHash = "card-hash";
        written.OwnerUserId = "owner";
        written.BrowserHash = "browser-hash";
        written.Codes = "E-ID-CHECKSUM,W-RETRY";
        written.Helpful = false;
        written.HelpfulComment = "没用";
        written.Attempts[0].CreatedAt = at;
        written.Attempts[0].Outcome = "retry-later";
        written.Attempts[0].RetryAfter = at.AddMinutes(30);
        written.Attempts[0].ParameterSet = 7;
        written.Attempts[0].Codes = written.Codes;
        var saved = Record();
        foreach (var property in typeof(DiagnosisRecord).GetProperties().Where(p => p.CanWrite && (p.PropertyType.IsValueType || p.PropertyType == typeof(string))))
        {
            if (property.Name is not nameof(DiagnosisRecord.Id) and not nameof(DiagnosisRecord.Reference)) property.SetValue(saved, property.GetValue(written));
        }
        saved.Attempts = [new DiagnosisAttempt { Number = 1, CreatedAt = at, RetryAfter = at.AddMinutes(30), Outcome = "retry-later", RuleSetVersion = "test",
            ParameterSet = 7, FindingsJson = "[]", MaskedInputJson = "{}", Codes = written.Codes }];

        await using (var writer = new GroupedDiagnosisWriter(database.Factory, NullLogger<GroupedDiagnosisWriter>.Instance))
        {
            await writer.AddAsync(written, Ct);
        }
        await using (var db = await database.Factory.CreateDbContextAsync(Ct))
        {
            db.Diagnoses.Add(saved);
            await db.SaveChangesAsync(Ct);
        }

        await using var check = await database.Factory.CreateDbContextAsync(Ct);
        var rows = await check.Diagnoses.AsNoTracking().Include(d => d.Attempts).ToDictionaryAsync(d => d.Reference, Ct);
        var a = rows[written.Reference];
        var b = rows[saved.Reference];
        Assert.True(a.Id > 0);
        Assert.Equal(a.Id, Assert.Single(a.Attempts).DiagnosisId);
        foreach (var property in check.Model.FindEntityType(typeof(DiagnosisRecord))!.GetProperties()
                     .Where(p => p.Name is not nameof(DiagnosisRecord.Id) and not nameof(DiagnosisRecord.Reference)))
        {
            Assert.Equal(property.GetGetter().GetClrValueUsingContainingEntity(b), property.GetGetter().GetClrValueUsingContainingEntity(a));
        }
        foreach (var property in check.Model.FindEntityType(typeof(DiagnosisAttempt))!.GetProperties()
                     .Where(p => p.Name is not nameof(DiagnosisAttempt.Id) and not nameof(DiagnosisAttempt.DiagnosisId)))
        {
            Assert.Equal(property.GetGetter().GetClrValueUsingContainingEntity(b.Attempts[0]), property.GetGetter().GetClrValueUsingContainingEntity(a.Attempts[0]));
        }
        Assert.Equal(at, a.CreatedAt);
        // The analytics triggers ran for both rows alike (two open cases that day, two of each finding).
        var connection = check.Database.GetDbConnection();
        await check.Database.OpenConnectionAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT (SELECT SUM(Count) FROM AnalyticsCaseDays) || '/' || (SELECT SUM(Count) FROM AnalyticsFindingDays WHERE Code = 'W-RETRY')";
        Assert.Equal("2/2", await command.ExecuteScalarAsync(Ct));
    }

    public void Dispose() => database.Dispose();
}
