using BenchmarkDotNet.Attributes;
using WalletHelp.Core.Diagnostics;

namespace WalletHelp.Benchmarks;

/// <summary>A full diagnosis of a complete application-rejected input (goal: ≤ 5 µs median, ≤ 4 KB allocated).</summary>
[MemoryDiagnoser]
[MedianColumn]
public class DiagnosisBenchmarks
{
    private readonly DiagnosisEngine engine = DiagnosisEngine.CreateDefault();
    private readonly ServiceSchedule schedule = new(
        [new MaintenanceWindow(1, new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2030, 1, 1, 2, 0, 0, TimeSpan.Zero), "Upgrade")],
        []);

    private readonly DiagnosisInput valid = new()
    {
        Symptom = Symptom.ApplicationRejected,
        WalletClass = 2,
        Personal = new PersonalInput
        {
            Name = "张三",
            IdNumber = "11010519491231002X",
            Phone = "138 0013 8000",
            BirthDate = new DateOnly(1949, 12, 31),
            Gender = Gender.Female,
            IdLongTerm = true,
            PhoneIsOwnRealName = true,
            RecentlyChangedIdentity = false,
        },
        Bank = new BankInput
        {
            CardNumber = "6228 4804 0256 4890 018",
            BankName = "中国农业银行",
            CardType = CardType.Debit,
            HolderName = "张三",
            ReservedPhone = "13800138000",
            Branch = "中国农业银行北京朝阳支行",
            CardStatus = CardStatus.Normal,
            AccountClass = 1,
        },
        Application = new ApplicationInput
        {
            AttemptsLast24h = 1,
            LastAttemptAt = DateTimeOffset.UtcNow.AddHours(-2),
            RejectionMessage = "身份信息校验未通过",
            NetworkCheck = NetworkCheck.Ok,
            IdentityStatus = IdentityStatus.Verified,
            AccountFrozen = false,
        },
    };

    private DiagnosisInput badId = null!;

    [GlobalSetup]
    public void Setup() => badId = valid with { Personal = valid.Personal! with { IdNumber = "110105194912310023" } };

    [Benchmark(Baseline = true)]
    public DiagnosticReport ApplicationRejected_CompleteInput() => engine.Diagnose(valid, schedule);

    [Benchmark]
    public DiagnosticReport ApplicationRejected_BadIdNumber() => engine.Diagnose(badId, schedule);
}
