using WalletHelp.Core.Diagnostics;
using static WalletHelp.Tests.Core.Builders;

namespace WalletHelp.Tests.Core;

/// <summary>RULES.md "Wallet classes": what each class needs to open, seen from a whole diagnosis.</summary>
public class WalletClassTests
{
    private static readonly string[] MissingCodes = ["PI-NAME-MISSING", "PI-ID-MISSING", "BK-CARD-MISSING"];

    private static DiagnosisInput PhoneOnly(int walletClass) => Valid with
    {
        WalletClass = walletClass,
        Personal = new PersonalInput { Phone = ValidPhone, PhoneIsOwnRealName = true },
        Bank = null,
    };

    [Fact]
    public void Class4_PhoneOnly_HasNoMissingFindingsAndNothingBlocks()
    {
        var report = Diagnose(PhoneOnly(4));

        Assert.DoesNotContain(report.Findings, f => MissingCodes.Contains(f.Code) || f.Code == "AP-CLASS-PREREQ");
        Assert.DoesNotContain(report.Findings, f => f.Severity == Severity.Blocking);
        Assert.True(report.Has("AP-READY"), report.Codes());
    }

    [Fact]
    public void Class4_BadPhone_StillBlocks()
    {
        var report = Diagnose(PhoneOnly(4) with { Personal = new PersonalInput { Phone = "1450000000", PhoneIsOwnRealName = true } });

        Assert.True(report.Has("PI-PHONE-FORMAT"), report.Codes());
        Assert.Equal(Outcome.FixAndRetry, report.Outcome);
    }

    [Fact]
    public void Class3_PhoneOnly_NeedsNameAndIdButNoCard()
    {
        var report = Diagnose(PhoneOnly(3));

        Assert.True(report.Has("PI-NAME-MISSING"), report.Codes());
        Assert.True(report.Has("PI-ID-MISSING"), report.Codes());
        Assert.False(report.Has("BK-CARD-MISSING"), report.Codes());
        Assert.True(report.Has("AP-PREREQ"), report.Codes());
    }

    [Fact]
    public void Class3_RealNameWithoutCard_IsReady()
    {
        var report = Diagnose(Valid with { WalletClass = 3, Bank = null });

        Assert.DoesNotContain(report.Findings, f => f.Severity == Severity.Blocking);
    }

    [Fact]
    public void Class2_WithoutCard_NeedsTheOwnBankCard()
    {
        var report = Diagnose(Valid with { WalletClass = 2, Bank = null });

        Assert.True(report.Has("BK-CARD-MISSING"), report.Codes());
        Assert.Equal("bank-card", report.Get("AP-CLASS-PREREQ").Args!["requirement"]);
    }

    [Fact]
    public void Class1_CompleteInput_ExplainsTheCounterVisit()
    {
        var report = Diagnose(Valid with { WalletClass = 1 });

        Assert.Equal("in-person", report.Get("AP-CLASS-PREREQ").Args!["requirement"]);
    }
}
