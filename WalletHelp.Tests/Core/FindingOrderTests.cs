using WalletHelp.Core.Diagnostics;
using static WalletHelp.Tests.Core.Builders;

namespace WalletHelp.Tests.Core;

public class FindingOrderTests
{
    [Fact]
    public void Diagnose_RiskMessageWithMissingCard_PutsTheRiskHoldFirst()
    {
        // The case: a 风控 message, and a card number left out. The banner says "contact customer service",
        // so the list must open with the finding that decides that, not with "fill in your card number".
        var input = WithApplication(a => a with { RejectionMessage = "因风控原因，暂无法为您开立钱包" }) with
        {
            Bank = Valid.Bank! with { CardNumber = null },
        };

        var report = Diagnose(input);

        Assert.Equal(Outcome.ContactSupport, report.Outcome);
        Assert.Equal("AP-RISK-HOLD", report.Findings[0].Code);
        Assert.True(report.Has("BK-CARD-MISSING"), report.Codes());
        Assert.Equal(FindingGroup.AlsoWorthChecking, FindingOrder.GroupOf(report.Get("BK-CARD-MISSING"), report.Outcome));
    }

    [Fact]
    public void Diagnose_MaintenanceAndSelfServiceFinding_PutsTheWaitReasonFirst()
    {
        var schedule = new ServiceSchedule([new MaintenanceWindow(1, Now.AddHours(-1), Now.AddHours(1), "m")], []);

        var report = Diagnose(WithPersonal(p => p with { IdNumber = "110105194912310023" }), schedule);

        Assert.Equal(Outcome.Wait, report.Outcome);
        Assert.Equal("AP-MAINTENANCE", report.Findings[0].Code);
        Assert.Equal(FindingGroup.Blocking, FindingOrder.GroupOf(report.Get("PI-ID-CHECKSUM"), report.Outcome));
    }

    [Fact]
    public void Sort_ContactSupport_DecisiveThenOtherBlockingThenWarningsThenInfoInWizardOrder()
    {
        Finding[] findings =
        [
            new("AP-PEAK", Severity.Info, null, true),
            new("PI-PHONE-PREFIX", Severity.Info, "personal.phone", true),
            new("PI-ID-EXPIRING", Severity.Warning, "personal.idExpiry", true),
            new("BK-CARD-MISSING", Severity.Blocking, "bank.cardNumber", true),
            new("AP-RISK-HOLD", Severity.Blocking, "application.rejectionMessage", false),
            new("PI-ID-CHECKSUM", Severity.Blocking, "personal.idNumber", true),
            new("BK-CARD-STATUS", Severity.Blocking, "bank.cardStatus", false),
        ];

        var sorted = FindingOrder.Sort(findings, Outcome.ContactSupport).Select(f => f.Code);

        Assert.Equal(
            ["BK-CARD-STATUS", "AP-RISK-HOLD", "PI-ID-CHECKSUM", "BK-CARD-MISSING", "PI-ID-EXPIRING", "PI-PHONE-PREFIX", "AP-PEAK"],
            sorted);
    }

    [Fact]
    public void Sort_FixAndRetry_KeepsBlockingBeforeWarningsAndWizardOrderInside()
    {
        Finding[] findings =
        [
            new("AP-NETWORK", Severity.Blocking, null, true),
            new("PI-INFO-CHANGED", Severity.Warning, null, true),
            new("BK-CARD-LUHN", Severity.Blocking, "bank.cardNumber", true),
            new("PI-NAME-DOT", Severity.Blocking, "personal.name", true),
        ];

        Assert.Equal(["PI-NAME-DOT", "BK-CARD-LUHN", "AP-NETWORK", "PI-INFO-CHANGED"],
            FindingOrder.Sort(findings, Outcome.FixAndRetry).Select(f => f.Code));
    }

    [Fact]
    public void Sort_Ready_PutsTheReapplyStepsFirst()
    {
        Finding[] findings =
        [
            new("PI-PHONE-PREFIX", Severity.Info, "personal.phone", true),
            new("PI-ID-EXPIRING", Severity.Warning, "personal.idExpiry", true),
            new("AP-READY", Severity.Info, null, true),
        ];

        Assert.Equal(["AP-READY", "PI-ID-EXPIRING", "PI-PHONE-PREFIX"], FindingOrder.Sort(findings, Outcome.Ready).Select(f => f.Code));
    }
}
