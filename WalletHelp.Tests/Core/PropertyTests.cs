using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using WalletHelp.Core.Diagnostics;
using WalletHelp.Core.Reference;
using static WalletHelp.Tests.Core.Builders;

namespace WalletHelp.Tests.Core;

public sealed record ValidIdCase(string Id);

public sealed record ValidCardCase(string Card);

public static class CoreArbitraries
{
    private static readonly int[] Regions = [.. RegionCodes.All.Select(r => r.Code)];

    /// <summary>A random province, a real date from 1900-01-01 to 16 years before <see cref="Builders.Now"/>, any sequence, computed check.</summary>
    public static Arbitrary<ValidIdCase> ValidIds()
    {
        var first = new DateOnly(1900, 1, 1).DayNumber;
        var last = new DateOnly(2010, 11, 25).DayNumber;
        var gen =
            from region in Gen.Elements(Regions)
            from area in Gen.Choose(0, 9999)
            from day in Gen.Choose(first, last)
            from sequence in Gen.Choose(0, 999)
            select new ValidIdCase(Id($"{region:D2}{area:D4}{DateOnly.FromDayNumber(day):yyyyMMdd}{sequence:D3}"));
        return gen.ToArbitrary();
    }

    public static Arbitrary<ValidCardCase> ValidCards()
    {
        var gen =
            from length in Gen.Choose(12, 19)
            from digits in Gen.ArrayOf(Gen.Choose(0, 9), length - 1)
            select new ValidCardCase(Card(string.Concat(digits)));
        return gen.ToArbitrary();
    }
}

[Properties(Arbitrary = [typeof(CoreArbitraries)], MaxTest = 300)]
public class PropertyTests
{
    private static readonly DiagnosisEngine Engine = Builders.Engine();

    [Property]
    public void Diagnose_ArbitraryStringsInEveryField_NeverThrowsOrFails(
        string? name, string? id, string? phone, string? card, string? bankName, string? holder,
        string? reserved, string? branch, string? message, int symptom, int? walletClass, int? attempts)
    {
        var input = new DiagnosisInput
        {
            Symptom = (Symptom)(Math.Abs(symptom % 8)),
            WalletClass = walletClass,
            Personal = new PersonalInput { Name = name, IdNumber = id, Phone = phone },
            Bank = new BankInput { CardNumber = card, BankName = bankName, HolderName = holder, ReservedPhone = reserved, Branch = branch, AccountClass = walletClass },
            Application = new ApplicationInput { RejectionMessage = message, AttemptsLast24h = attempts, LastAttemptAt = Now.AddHours(-(attempts ?? 0)) },
            Transaction = new TransactionInput { Amount = attempts, TodayTotal = walletClass, Balance = attempts },
        };

        var report = Engine.Diagnose(input, ServiceSchedule.Empty);

        Assert.Empty(report.Failures);
    }

    [Property]
    public void Diagnose_GeneratedValidId_HasNoIdFinding(ValidIdCase valid)
    {
        var report = Engine.Diagnose(WithPersonal(p => p with { IdNumber = valid.Id, BirthDate = null, Gender = null }), ServiceSchedule.Empty);

        Assert.DoesNotContain(report.Findings, f => f.Code.StartsWith("PI-ID-", StringComparison.Ordinal));
    }

    [Property]
    public void Diagnose_ValidIdWithOneCharacterChanged_ReportsChecksum(ValidIdCase valid, PositiveInt position, PositiveInt delta)
    {
        var index = position.Get % 18;
        var chars = valid.Id.ToCharArray();
        if (index < 17)
        {
            chars[index] = (char)('0' + ((chars[index] - '0') + 1 + delta.Get % 9) % 10);
        }
        else
        {
            const string checks = "0123456789X";
            var others = checks.Replace(chars[17].ToString(), "", StringComparison.Ordinal);
            chars[17] = others[delta.Get % others.Length];
        }

        var report = Engine.Diagnose(WithPersonal(p => p with { IdNumber = new string(chars), BirthDate = null, Gender = null }), ServiceSchedule.Empty);

        Assert.True(report.Has("PI-ID-CHECKSUM"), report.Codes());
    }

    [Property]
    public void Diagnose_ValidCardWithOneDigitChanged_ReportsLuhn(ValidCardCase valid, PositiveInt position, PositiveInt delta)
    {
        var chars = valid.Card.ToCharArray();
        var index = position.Get % chars.Length;
        chars[index] = (char)('0' + ((chars[index] - '0') + 1 + delta.Get % 9) % 10);

        var report = Engine.Diagnose(WithBank(b => b with { CardNumber = new string(chars) }), ServiceSchedule.Empty);

        Assert.True(report.Has("BK-CARD-LUHN"), report.Codes());
    }

    [Property]
    public void Diagnose_GeneratedValidCard_HasNoLuhnOrFormatFinding(ValidCardCase valid)
    {
        var report = Engine.Diagnose(WithBank(b => b with { CardNumber = valid.Card }), ServiceSchedule.Empty);

        Assert.False(report.Has("BK-CARD-LUHN") || report.Has("BK-CARD-FORMAT"), report.Codes());
    }
}
