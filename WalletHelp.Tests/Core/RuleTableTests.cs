using WalletHelp.Core.Diagnostics;
using static WalletHelp.Tests.Core.Builders;

namespace WalletHelp.Tests.Core;

/// <summary>One row per (code, input): the input either fires the code or is a near miss that must not.</summary>
public sealed record RuleCase(string Code, bool Fires, string Description, DiagnosisInput Input, ServiceSchedule? Schedule = null, DateTimeOffset? Now = null)
{
    public override string ToString() => $"{Code} {(Fires ? "fires" : "silent")}: {Description}";
}

public class RuleTableTests
{
    private static readonly MaintenanceWindow ActiveWindow = new(1, Builders.Now.AddHours(-1), Builders.Now.AddHours(1), "Upgrade");
    private static readonly MaintenanceWindow SoonWindow = new(2, Builders.Now.AddHours(1), Builders.Now.AddHours(3), "Upgrade");
    private static readonly MaintenanceWindow LaterWindow = new(3, Builders.Now.AddHours(3), Builders.Now.AddHours(4), "Upgrade");
    private static readonly DateTimeOffset Noon = new(2026, 11, 25, 4, 0, 0, TimeSpan.Zero);

    public static TheoryData<RuleCase> Cases => new(All());

    internal static IEnumerable<RuleCase> All()
    {
        // ---- names
        yield return new("PI-NAME-MISSING", true, "empty name", WithPersonal(p => p with { Name = "  " }));
        yield return new("PI-NAME-MISSING", true, "no personal section on a symptom that needs it", Valid with { Personal = null });
        yield return new("PI-NAME-MISSING", false, "name given", Valid);
        yield return new("PI-NAME-MISSING", false, "symptom does not need a name", Valid with { Symptom = Symptom.TryAgainLater, Personal = null });
        yield return new("PI-NAME-MISSING", false, "class 4 (anonymous) needs no name", WithPersonal(p => p with { Name = null }) with { WalletClass = 4 });
        yield return new("PI-NAME-MISSING", true, "class 3 needs real-name identity", WithPersonal(p => p with { Name = null }) with { WalletClass = 3 });
        yield return new("PI-NAME-WHITESPACE", true, "trailing space", WithPersonal(p => p with { Name = "张三 " }));
        yield return new("PI-NAME-WHITESPACE", true, "space inside Chinese name", WithPersonal(p => p with { Name = "张 三" }));
        yield return new("PI-NAME-WHITESPACE", true, "ideographic space", WithPersonal(p => p with { Name = "张\u3000三" }));
        yield return new("PI-NAME-WHITESPACE", false, "single space in Latin name", WithPersonal(p => p with { Name = "John Smith" }));
        yield return new("PI-NAME-CHARS", true, "digit in name", WithPersonal(p => p with { Name = "张三2" }));
        yield return new("PI-NAME-CHARS", true, "symbol in name", WithPersonal(p => p with { Name = "张三@" }));
        yield return new("PI-NAME-CHARS", true, "double space in Latin name", WithPersonal(p => p with { Name = "John  Smith" }));
        yield return new("PI-NAME-CHARS", false, "minority name with middle dot", WithPersonal(p => p with { Name = "阿依古丽·买买提" }));
        yield return new("PI-NAME-CHARS", false, "Extension B ideograph", WithPersonal(p => p with { Name = "张\U00020000" }));
        yield return new("PI-NAME-DOT", true, "full stop as separator", WithPersonal(p => p with { Name = "阿依古丽.买买提" }));
        yield return new("PI-NAME-DOT", true, "bullet as separator", WithPersonal(p => p with { Name = "阿依古丽•买买提" }));
        yield return new("PI-NAME-DOT", true, "katakana dot", WithPersonal(p => p with { Name = "阿依古丽・买买提" }));
        yield return new("PI-NAME-DOT", true, "dot at the end", WithPersonal(p => p with { Name = "阿依古丽买买提·" }));
        yield return new("PI-NAME-DOT", true, "doubled dot", WithPersonal(p => p with { Name = "阿依古丽··买买提" }));
        yield return new("PI-NAME-DOT", false, "correct middle dot", WithPersonal(p => p with { Name = "阿依古丽·买买提" }));
        yield return new("PI-NAME-LENGTH", true, "one character", WithPersonal(p => p with { Name = "张" }));
        yield return new("PI-NAME-LENGTH", true, "31 characters", WithPersonal(p => p with { Name = new string('张', 31) }));
        yield return new("PI-NAME-LENGTH", false, "30 characters", WithPersonal(p => p with { Name = new string('张', 30) }));
        yield return new("PI-NAME-LENGTH", false, "two characters, one from Extension B", WithPersonal(p => p with { Name = "张\U00020000" }));
        yield return new("PI-NAME-FULLWIDTH", true, "full-width letters", WithPersonal(p => p with { Name = "ＪＯＨＮ Smith" }));
        yield return new("PI-NAME-FULLWIDTH", false, "ASCII letters", WithPersonal(p => p with { Name = "JOHN Smith" }));

        // ---- ID number
        yield return new("PI-ID-MISSING", true, "empty ID", WithPersonal(p => p with { IdNumber = "" }));
        yield return new("PI-ID-MISSING", false, "ID given", Valid);
        yield return new("PI-ID-MISSING", false, "class 4 (anonymous) needs no ID number", WithPersonal(p => p with { IdNumber = "" }) with { WalletClass = 4 });
        yield return new("PI-ID-MISSING", true, "class 3 needs an ID number", WithPersonal(p => p with { IdNumber = "" }) with { WalletClass = 3 });
        yield return new("PI-ID-CHECKSUM", true, "class 4: an ID number given anyway is still checked", WithPersonal(p => p with { IdNumber = "110105194912310023" }) with { WalletClass = 4 });
        yield return new("PI-ID-LEGACY", true, "15 digits", WithPersonal(p => p with { IdNumber = "110105491231002" }));
        yield return new("PI-ID-LEGACY", false, "18 characters", Valid);
        yield return new("PI-ID-FORMAT", true, "17 characters", WithPersonal(p => p with { IdNumber = "11010519491231002" }));
        yield return new("PI-ID-FORMAT", true, "letter inside", WithPersonal(p => p with { IdNumber = "1101051949123100AX" }));
        yield return new("PI-ID-FORMAT", false, "15-digit legacy number reports LEGACY instead", WithPersonal(p => p with { IdNumber = "110105491231002" }));
        yield return new("PI-ID-FORMAT", false, "spaces and full-width digits are normalised", WithPersonal(p => p with { IdNumber = "110105 1949１２31 002X" }));
        yield return new("PI-ID-LOWERCASE-X", true, "valid with lowercase x", WithPersonal(p => p with { IdNumber = "11010519491231002x" }));
        yield return new("PI-ID-LOWERCASE-X", false, "valid with uppercase X", Valid);
        yield return new("PI-ID-CHECKSUM", true, "wrong check character", WithPersonal(p => p with { IdNumber = "110105194912310023" }));
        yield return new("PI-ID-CHECKSUM", false, "right check character", Valid);
        yield return new("PI-ID-REGION", true, "region 99", WithPersonal(p => p with { IdNumber = Id("99010519491231002") }));
        yield return new("PI-ID-REGION", false, "region 65", WithPersonal(p => p with { IdNumber = Id("65010519491231002") }));
        yield return new("PI-ID-BIRTHDATE", true, "month 13", WithPersonal(p => p with { IdNumber = Id("11010519491331002"), BirthDate = null }));
        yield return new("PI-ID-BIRTHDATE", true, "1899", WithPersonal(p => p with { IdNumber = Id("11010518991231002"), BirthDate = null }));
        yield return new("PI-ID-BIRTHDATE", true, "in the future", WithPersonal(p => p with { IdNumber = Id("11010520301231002"), BirthDate = null }));
        yield return new("PI-ID-BIRTHDATE", false, "29 February of a leap year", WithPersonal(p => p with { IdNumber = Id("11010520000229002"), BirthDate = null }));
        yield return new("PI-ID-UNDERAGE", true, "16th birthday tomorrow", WithPersonal(p => p with { IdNumber = Id("11010520101126002"), BirthDate = null }));
        yield return new("PI-ID-UNDERAGE", false, "16th birthday today (China time)", WithPersonal(p => p with { IdNumber = Id("11010520101125002"), BirthDate = null }));
        yield return new("PI-ID-EXPIRED", true, "expired yesterday", WithPersonal(p => p with { IdLongTerm = false, IdExpiry = new DateOnly(2026, 11, 24) }));
        yield return new("PI-ID-EXPIRED", false, "long-term", Valid);
        yield return new("PI-ID-EXPIRED", false, "expires today", WithPersonal(p => p with { IdLongTerm = false, IdExpiry = new DateOnly(2026, 11, 25) }));
        yield return new("PI-ID-EXPIRING", true, "expires in 30 days", WithPersonal(p => p with { IdLongTerm = false, IdExpiry = new DateOnly(2026, 12, 25) }));
        yield return new("PI-ID-EXPIRING", false, "expires in 31 days", WithPersonal(p => p with { IdLongTerm = false, IdExpiry = new DateOnly(2026, 12, 26) }));
        yield return new("PI-BIRTH-MISMATCH", true, "different birth date", WithPersonal(p => p with { BirthDate = new DateOnly(1950, 1, 1) }));
        yield return new("PI-BIRTH-MISMATCH", false, "same birth date", Valid);
        yield return new("PI-GENDER-MISMATCH", true, "male with an even 17th digit", WithPersonal(p => p with { Gender = Gender.Male }));
        yield return new("PI-GENDER-MISMATCH", false, "female with an even 17th digit", Valid);

        // ---- phone
        yield return new("PI-PHONE-MISSING", true, "empty phone", WithPersonal(p => p with { Phone = null }));
        yield return new("PI-PHONE-MISSING", false, "phone given", Valid);
        yield return new("PI-PHONE-MISSING", true, "class 4 still needs the phone", WithPersonal(p => p with { Phone = null, Name = null, IdNumber = null }) with { WalletClass = 4 });
        yield return new("PI-PHONE-FORMAT", true, "10 digits", WithPersonal(p => p with { Phone = "1380013800" }));
        yield return new("PI-PHONE-FORMAT", true, "starts with 12", WithPersonal(p => p with { Phone = "12800138000" }));
        yield return new("PI-PHONE-FORMAT", false, "with +86 and spaces", WithPersonal(p => p with { Phone = "+86 138 0013 8000" }));
        yield return new("PI-PHONE-PREFIX", true, "+86 removed", WithPersonal(p => p with { Phone = "+8613800138000" }));
        yield return new("PI-PHONE-PREFIX", true, "0086 removed", WithPersonal(p => p with { Phone = "008613800138000" }));
        yield return new("PI-PHONE-PREFIX", true, "dashes removed", WithPersonal(p => p with { Phone = "138-0013-8000" }));
        yield return new("PI-PHONE-PREFIX", false, "plain 11 digits", Valid);
        yield return new("PI-PHONE-DATAONLY", true, "145 segment", WithPersonal(p => p with { Phone = "14500138000" }));
        yield return new("PI-PHONE-DATAONLY", true, "13-digit 14x IoT number", WithPersonal(p => p with { Phone = "1440013800012" }));
        yield return new("PI-PHONE-DATAONLY", false, "146 segment", WithPersonal(p => p with { Phone = "14600138000" }));
        yield return new("PI-PHONE-VIRTUAL", true, "170 segment", WithPersonal(p => p with { Phone = "17000138000" }));
        yield return new("PI-PHONE-VIRTUAL", false, "172 segment", WithPersonal(p => p with { Phone = "17200138000" }));
        yield return new("PI-PHONE-NOT-OWN", true, "not own real name", WithPersonal(p => p with { PhoneIsOwnRealName = false }));
        yield return new("PI-PHONE-NOT-OWN", false, "not answered", WithPersonal(p => p with { PhoneIsOwnRealName = null }));
        yield return new("PI-INFO-CHANGED", true, "recently changed", WithPersonal(p => p with { RecentlyChangedIdentity = true }));
        yield return new("PI-INFO-CHANGED", false, "not changed", Valid);

        // ---- bank
        yield return new("BK-CARD-MISSING", true, "no card, class 2", WithBank(b => b with { CardNumber = "" }));
        yield return new("BK-CARD-MISSING", false, "no card, class 4", WithBank(b => b with { CardNumber = "" }) with { WalletClass = 4 });
        yield return new("BK-CARD-MISSING", false, "no card, class 3", WithBank(b => b with { CardNumber = "" }) with { WalletClass = 3 });
        yield return new("BK-CARD-MISSING", true, "no card, class 1", WithBank(b => b with { CardNumber = "" }) with { WalletClass = 1 });
        yield return new("BK-CARD-MISSING", false, "no card, symptom without bank details", Valid with { Symptom = Symptom.CannotLogIn, Bank = null });
        yield return new("BK-CARD-FORMAT", true, "11 digits", WithBank(b => b with { CardNumber = "62284804025" }));
        yield return new("BK-CARD-FORMAT", true, "letters", WithBank(b => b with { CardNumber = "6228A80402564890018" }));
        yield return new("BK-CARD-FORMAT", false, "with spaces", WithBank(b => b with { CardNumber = "6228 4804 0256 4890 018" }));
        yield return new("BK-CARD-LUHN", true, "last digit changed", WithBank(b => b with { CardNumber = "6228480402564890019" }));
        yield return new("BK-CARD-LUHN", false, "valid card", Valid);
        yield return new("BK-CARD-LENGTH", true, "ABC prefix with 16 digits", WithBank(b => b with { CardNumber = Card("622848040256489") }));
        yield return new("BK-CARD-LENGTH", false, "ABC prefix with 19 digits", Valid);
        yield return new("BK-BIN-UNKNOWN", true, "unknown prefix", WithBank(b => b with { CardNumber = Card("700000040256489001"), BankName = null, Branch = null }));
        yield return new("BK-BIN-UNKNOWN", false, "known prefix", Valid);
        yield return new("BK-BANK-MISMATCH", true, "ICBC named, ABC card", WithBank(b => b with { BankName = "ICBC", Branch = null }));
        yield return new("BK-BANK-MISMATCH", false, "ABC named by code", WithBank(b => b with { BankName = "ABC" }));
        yield return new("BK-BANK-MISMATCH", false, "ABC named by alias", WithBank(b => b with { BankName = "农行" }));
        yield return new("BK-CARD-CREDIT", true, "CMB credit BIN", WithBank(b => b with { CardNumber = Card("622575040256489"), BankName = "招商银行", Branch = "招商银行北京分行" }));
        yield return new("BK-CARD-CREDIT", true, "answered credit", WithBank(b => b with { CardType = CardType.Credit }));
        yield return new("BK-CARD-CREDIT", false, "debit card", Valid);
        yield return new("BK-HOLDER-MISMATCH", true, "other holder", WithBank(b => b with { HolderName = "李四" }));
        yield return new("BK-HOLDER-MISMATCH", false, "same name with a space", WithBank(b => b with { HolderName = "张 三" }));
        yield return new("BK-PHONE-MISMATCH", true, "other reserved phone", WithBank(b => b with { ReservedPhone = "13900139000" }));
        yield return new("BK-PHONE-MISMATCH", false, "same phone with +86", WithBank(b => b with { ReservedPhone = "+86 138 0013 8000" }));
        yield return new("BK-BRANCH-MISMATCH", true, "ICBC branch for ABC card", WithBank(b => b with { Branch = "中国工商银行北京朝阳支行" }));
        yield return new("BK-BRANCH-MISMATCH", true, "alias 工行 in branch", WithBank(b => b with { Branch = "工行朝阳支行" }));
        yield return new("BK-BRANCH-MISMATCH", false, "ABC branch", Valid);
        yield return new("BK-BRANCH-MISMATCH", false, "branch without a bank name", WithBank(b => b with { Branch = "北京朝阳支行" }));
        yield return new("BK-BRANCH-MISSING", true, "no branch", WithBank(b => b with { Branch = null }));
        yield return new("BK-BRANCH-MISSING", false, "branch given", Valid);
        yield return new("BK-CARD-STATUS", true, "lost", WithBank(b => b with { CardStatus = CardStatus.Lost }));
        yield return new("BK-CARD-STATUS", true, "dormant", WithBank(b => b with { CardStatus = CardStatus.Dormant }));
        yield return new("BK-CARD-STATUS", false, "normal", Valid);
        yield return new("BK-ACCOUNT-CLASS", true, "class II account", WithBank(b => b with { AccountClass = 2 }));
        yield return new("BK-ACCOUNT-CLASS", false, "class I account", Valid);

        // ---- application
        yield return new("AP-MAINTENANCE", true, "window active", Valid, new ServiceSchedule([ActiveWindow], []));
        yield return new("AP-MAINTENANCE", false, "window ended", Valid, new ServiceSchedule([ActiveWindow with { EndsAt = Builders.Now }], []));
        yield return new("AP-MAINTENANCE-SOON", true, "starts in 1 h", Valid, new ServiceSchedule([SoonWindow], []));
        yield return new("AP-MAINTENANCE-SOON", false, "starts in 3 h", Valid, new ServiceSchedule([LaterWindow], []));
        yield return new("AP-INCIDENT", true, "unresolved opening incident", Valid,
            new ServiceSchedule([], [new Incident(1, Builders.Now.AddHours(-1), null, "Verification down", true)]));
        yield return new("AP-INCIDENT", false, "incident not affecting opening", Valid,
            new ServiceSchedule([], [new Incident(1, Builders.Now.AddHours(-1), null, "Slow statements", false)]));
        yield return new("AP-INCIDENT", false, "resolved incident", Valid,
            new ServiceSchedule([], [new Incident(1, Builders.Now.AddHours(-2), Builders.Now.AddHours(-1), "Verification down", true)]));
        yield return new("AP-PEAK", true, "12:00 China time", Valid, null, Noon);
        yield return new("AP-PEAK", false, "10:00 China time", Valid);
        yield return new("AP-COOLDOWN", true, "3 attempts, last 1 h ago", WithApplication(a => a with { AttemptsLast24h = 3, LastAttemptAt = Builders.Now.AddHours(-1) }));
        yield return new("AP-COOLDOWN", false, "2 attempts", WithApplication(a => a with { AttemptsLast24h = 2 }));
        yield return new("AP-COOLDOWN", false, "3 attempts, last 25 h ago", WithApplication(a => a with { AttemptsLast24h = 3, LastAttemptAt = Builders.Now.AddHours(-25) }));
        yield return new("AP-PREREQ", true, "bad ID", WithPersonal(p => p with { IdNumber = "110105194912310023" }));
        yield return new("AP-PREREQ", true, "bad card", WithBank(b => b with { CardNumber = "6228480402564890019" }));
        yield return new("AP-PREREQ", false, "only a warning", WithBank(b => b with { AccountClass = 2 }));
        yield return new("AP-RISK-HOLD", true, "风控", WithApplication(a => a with { RejectionMessage = "触发风控规则，暂无法开立" }));
        yield return new("AP-RISK-HOLD", true, "AML in English", WithApplication(a => a with { RejectionMessage = "Rejected: AML screening" }));
        yield return new("AP-RISK-HOLD", false, "'aml' inside a word", WithApplication(a => a with { RejectionMessage = "Hamlet" }));
        yield return new("AP-DUPLICATE", true, "已开立", WithApplication(a => a with { RejectionMessage = "该用户已开立钱包" }));
        yield return new("AP-DUPLICATE", true, "already exists", WithApplication(a => a with { RejectionMessage = "Wallet already exists for this phone" }));
        yield return new("AP-DUPLICATE", false, "generic message", Valid);
        yield return new("AP-POLICY", true, "不符合", WithApplication(a => a with { RejectionMessage = "不符合开立条件" }));
        yield return new("AP-POLICY", true, "not eligible", WithApplication(a => a with { RejectionMessage = "Applicant not eligible" }));
        yield return new("AP-POLICY", false, "generic message", Valid);
        yield return new("AP-NETWORK", true, "check failed", WithApplication(a => a with { NetworkCheck = NetworkCheck.Failed }));
        yield return new("AP-NETWORK", true, "check slow", WithApplication(a => a with { NetworkCheck = NetworkCheck.Slow }));
        yield return new("AP-NETWORK", false, "check ok", Valid);
        yield return new("AP-CLASS-PREREQ", true, "class 1 needs a counter visit", Valid with { WalletClass = 1 });
        yield return new("AP-CLASS-PREREQ", true, "class 2 without a card", WithBank(b => b with { CardNumber = null }));
        yield return new("AP-CLASS-PREREQ", false, "class 2 with a card", Valid);
        yield return new("AP-CLASS-PREREQ", false, "class 4 without a card", WithBank(b => b with { CardNumber = null }) with { WalletClass = 4 });
        yield return new("AP-READY", true, "valid input", Valid);
        yield return new("AP-READY", false, "blocking finding", WithPersonal(p => p with { IdNumber = "110105194912310023" }));

        // ---- transactions and status
        yield return new("TX-LIMIT-SINGLE", true, "class 3, 5001", Transaction(3, TransactionKind.Payment, 5001));
        yield return new("TX-LIMIT-SINGLE", false, "class 3, 5000", Transaction(3, TransactionKind.Payment, 5000));
        yield return new("TX-LIMIT-SINGLE", false, "class 1 has no limit", Transaction(1, TransactionKind.Payment, 1_000_000));
        yield return new("TX-LIMIT-DAILY", true, "class 4, 4000 + 1001", Transaction(4, TransactionKind.Payment, 1001, todayTotal: 4000));
        yield return new("TX-LIMIT-DAILY", false, "class 4, 4000 + 1000", Transaction(4, TransactionKind.Payment, 1000, todayTotal: 4000));
        yield return new("TX-LIMIT-BALANCE", true, "class 2 top-up over 500000", Transaction(2, TransactionKind.TopUp, 1, balance: 500_000));
        yield return new("TX-LIMIT-BALANCE", false, "class 2 top-up to exactly 500000", Transaction(2, TransactionKind.TopUp, 1, balance: 499_999));
        yield return new("SY-IDENTITY-UNVERIFIED", true, "pending identity, balance query",
            WithApplication(a => a with { IdentityStatus = IdentityStatus.Pending }) with { Symptom = Symptom.BalanceQueryFailed });
        yield return new("SY-IDENTITY-UNVERIFIED", false, "verified identity",
            Valid with { Symptom = Symptom.BalanceQueryFailed });
        yield return new("SY-FROZEN", true, "account frozen", WithApplication(a => a with { AccountFrozen = true }) with { Symptom = Symptom.TransactionFailed });
        yield return new("SY-FROZEN", true, "account-frozen symptom, not denied", WithApplication(a => a with { AccountFrozen = null }) with { Symptom = Symptom.AccountFrozen });
        yield return new("SY-FROZEN", false, "not frozen", Valid with { Symptom = Symptom.AccountFrozen });
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Rule_TableCase_FiresExactlyWhenExpected(RuleCase @case)
    {
        var report = Diagnose(@case.Input, @case.Schedule, @case.Now);

        Assert.Empty(report.Failures);
        Assert.True(report.Has(@case.Code) == @case.Fires, $"{@case}: got [{report.Codes()}]");
    }

    [Fact]
    public void Cases_CoverEveryCode_FiringAndNearMiss()
    {
        var cases = All().ToList();
        foreach (var code in RuleCatalog.Codes)
        {
            Assert.Contains(cases, c => c.Code == code && c.Fires);
            Assert.Contains(cases, c => c.Code == code && !c.Fires);
        }
    }

    [Fact]
    public void Diagnose_ValidCompleteInput_IsReadyWithOnlyApReady()
    {
        var report = Diagnose(Valid);

        Assert.Equal(Outcome.Ready, report.Outcome);
        Assert.Equal("AP-READY", Assert.Single(report.Findings).Code);
        Assert.Equal(RuleCatalog.Version, report.RuleSetVersion);
    }

    [Fact]
    public void IdChecksum_WrongCheckCharacter_ArgsNameExpectedActualAndPosition()
    {
        var report = Diagnose(WithPersonal(p => p with { IdNumber = "110105194912310023" }));

        var args = report.Get("PI-ID-CHECKSUM").Args!;
        Assert.Equal("X", args["expected"]);
        Assert.Equal("3", args["actual"]);
        Assert.Equal("18", args["position"]);
        Assert.False(report.Has("PI-ID-FORMAT"));
    }

    [Fact]
    public void IdFormat_Fails_SkipsChecksumRegionAndBirthDate()
    {
        var report = Diagnose(WithPersonal(p => p with { IdNumber = "99013" }));

        Assert.True(report.Has("PI-ID-FORMAT"));
        Assert.False(report.Has("PI-ID-CHECKSUM") || report.Has("PI-ID-REGION") || report.Has("PI-ID-BIRTHDATE"));
    }

    [Fact]
    public void IdMissing_DoesNotAlsoReportFormat()
    {
        var report = Diagnose(WithPersonal(p => p with { IdNumber = " " }));

        Assert.True(report.Has("PI-ID-MISSING"));
        Assert.False(report.Has("PI-ID-FORMAT"));
    }

    [Fact]
    public void Findings_PointAtJsonPaths()
    {
        var report = Diagnose(WithBank(b => b with { CardNumber = "6228480402564890019", ReservedPhone = "13900139000" }));

        Assert.Equal("bank.cardNumber", report.Get("BK-CARD-LUHN").Field);
        Assert.Equal("bank.reservedPhone", report.Get("BK-PHONE-MISMATCH").Field);
    }
}
