using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using WalletHelp.Core.Diagnostics;
using WalletHelp.Core.Reference;

namespace WalletHelp.Tests.Core;

/// <summary>Test data: a valid, complete application-rejected input and ways to change one thing in it.</summary>
public static class Builders
{
    /// <summary>2026-11-25 10:00 China time: a Wednesday morning outside the default peak hours.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 25, 2, 0, 0, TimeSpan.Zero);

    /// <summary>Valid: 110105 (Beijing Chaoyang), born 1949-12-31, sequence 002 (female), check character X.</summary>
    public const string ValidId = "11010519491231002X";

    /// <summary>The API.md example card: ABC debit, 19 digits, passes Luhn.</summary>
    public const string ValidCard = "6228480402564890018";

    public const string ValidPhone = "13800138000";

    public static DiagnosisInput Valid { get; } = new()
    {
        Symptom = Symptom.ApplicationRejected,
        WalletClass = 2,
        Personal = new PersonalInput
        {
            Name = "张三",
            IdNumber = ValidId,
            Phone = ValidPhone,
            BirthDate = new DateOnly(1949, 12, 31),
            Gender = Gender.Female,
            IdLongTerm = true,
            PhoneIsOwnRealName = true,
            RecentlyChangedIdentity = false,
        },
        Bank = new BankInput
        {
            CardNumber = ValidCard,
            BankName = "中国农业银行",
            CardType = CardType.Debit,
            HolderName = "张三",
            ReservedPhone = ValidPhone,
            Branch = "中国农业银行北京朝阳支行",
            CardStatus = CardStatus.Normal,
            AccountClass = 1,
        },
        Application = new ApplicationInput
        {
            AttemptsLast24h = 1,
            LastAttemptAt = Now.AddHours(-2),
            RejectionMessage = "身份信息校验未通过",
            NetworkCheck = NetworkCheck.Ok,
            IdentityStatus = IdentityStatus.Verified,
            AccountFrozen = false,
        },
    };

    public static DiagnosisInput WithPersonal(Func<PersonalInput, PersonalInput> change) =>
        Valid with { Personal = change(Valid.Personal!) };

    public static DiagnosisInput WithBank(Func<BankInput, BankInput> change) =>
        Valid with { Bank = change(Valid.Bank!) };

    public static DiagnosisInput WithApplication(Func<ApplicationInput, ApplicationInput> change) =>
        Valid with { Application = change(Valid.Application!) };

    public static DiagnosisInput Transaction(int walletClass, TransactionKind kind, decimal amount, decimal todayTotal = 0, decimal balance = 0) =>
        Valid with
        {
            Symptom = Symptom.TransactionFailed,
            WalletClass = walletClass,
            Transaction = new TransactionInput { Kind = kind, Amount = amount, TodayTotal = todayTotal, Balance = balance },
        };

    /// <summary>An ID number with the right check character for the given first 17 digits.</summary>
    public static string Id(string first17) => first17 + IdNumberChecksum.Compute(first17);

    /// <summary>A Luhn-valid card number for the given payload.</summary>
    public static string Card(string payload) => payload + Luhn.ComputeCheckDigit(payload);

    public static FakeTimeProvider Clock(DateTimeOffset? now = null) => new(now ?? Now);

    public static DiagnosisEngine Engine(TimeProvider? time = null, DiagnosticsOptions? options = null, IEnumerable<IRule>? rules = null) =>
        rules is null
            ? new DiagnosisEngine(Options.Create(options ?? new DiagnosticsOptions()), time ?? Clock(), new BinTableProvider(), BankDirectory.Default)
            : new DiagnosisEngine(Options.Create(options ?? new DiagnosticsOptions()), time ?? Clock(), new BinTableProvider(), BankDirectory.Default, rules);

    public static DiagnosticReport Diagnose(DiagnosisInput input, ServiceSchedule? schedule = null, DateTimeOffset? now = null) =>
        Engine(Clock(now)).Diagnose(input, schedule ?? ServiceSchedule.Empty);

    public static bool Has(this DiagnosticReport report, string code) => report.Findings.Any(f => f.Code == code);

    public static Finding Get(this DiagnosticReport report, string code) => report.Findings.Single(f => f.Code == code);

    public static string Codes(this DiagnosticReport report) => string.Join(", ", report.Findings.Select(f => f.Code));
}
