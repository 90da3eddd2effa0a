using WalletHelp.Core.Diagnostics;
using WalletHelp.Core.Rules.Personal;
using static WalletHelp.Tests.Core.Builders;

namespace WalletHelp.Tests.Core;

public class EngineTests
{
    private sealed class ThrowingRule : IRule
    {
        public string Code => "XX-THROWS";
        public RuleTopics Topic => RuleTopics.Name;
        public void Evaluate(RuleContext context, ICollection<Finding> findings) => throw new InvalidOperationException("boom");
    }

    [Fact]
    public void Diagnose_RuleThrows_RecordsFailureAndKeepsOtherFindings()
    {
        var engine = Engine(rules: [new ThrowingRule(), new IdChecksumRule()]);

        var report = engine.Diagnose(WithPersonal(p => p with { IdNumber = "110105194912310023" }), ServiceSchedule.Empty);

        var failure = Assert.Single(report.Failures);
        Assert.Equal("XX-THROWS", failure.Code);
        Assert.Contains("boom", failure.Error, StringComparison.Ordinal);
        Assert.True(report.Has("PI-ID-CHECKSUM"));
    }

    [Fact]
    public void Diagnose_NotSelfServiceBlocking_IsContactSupportEvenDuringMaintenance()
    {
        var schedule = new ServiceSchedule([new MaintenanceWindow(1, Now.AddHours(-1), Now.AddHours(1), "m")], []);

        var report = Diagnose(WithBank(b => b with { CardStatus = CardStatus.Frozen }), schedule);

        Assert.Equal(Outcome.ContactSupport, report.Outcome);
        Assert.Null(report.RetryAfter);
    }

    [Fact]
    public void Diagnose_Maintenance_IsWaitUntilWindowEnds()
    {
        var schedule = new ServiceSchedule([new MaintenanceWindow(1, Now.AddHours(-1), Now.AddHours(1), "m")], []);

        var report = Diagnose(Valid, schedule);

        Assert.Equal(Outcome.Wait, report.Outcome);
        Assert.Equal(Now.AddHours(1), report.RetryAfter);
    }

    [Fact]
    public void Diagnose_BackToBackMaintenance_RetryAfterIsEndOfTheLastWindow()
    {
        var schedule = new ServiceSchedule(
        [
            new MaintenanceWindow(1, Now.AddHours(-1), Now.AddHours(1), "a"),
            new MaintenanceWindow(2, Now.AddHours(1), Now.AddHours(2), "b"),
        ], []);

        Assert.Equal(Now.AddHours(2), Diagnose(Valid, schedule).RetryAfter);
    }

    [Fact]
    public void Diagnose_CooldownAndMaintenance_RetryAfterIsTheLater()
    {
        var schedule = new ServiceSchedule([new MaintenanceWindow(1, Now.AddHours(-1), Now.AddHours(1), "m")], []);
        var input = WithApplication(a => a with { AttemptsLast24h = 3, LastAttemptAt = Now.AddHours(-1) });

        var report = Diagnose(input, schedule);

        Assert.Equal(Outcome.Wait, report.Outcome);
        Assert.Equal(Now.AddHours(23), report.RetryAfter);
        Assert.Equal("2026-11-26T01:00:00Z", report.Get("AP-COOLDOWN").Args!["retryAt"]);
    }

    [Fact]
    public void Diagnose_IncidentOnly_RetryAfterIsNowPlusEstimate()
    {
        var schedule = new ServiceSchedule([], [new Incident(1, Now.AddHours(-1), null, "down", true)]);

        var report = Diagnose(Valid, schedule);

        Assert.Equal(Outcome.Wait, report.Outcome);
        Assert.Equal(Now.AddHours(1), report.RetryAfter);
    }

    [Fact]
    public void Diagnose_WaitAndFixableProblem_IsWait()
    {
        var schedule = new ServiceSchedule([new MaintenanceWindow(1, Now.AddHours(-1), Now.AddHours(1), "m")], []);

        var report = Diagnose(WithPersonal(p => p with { IdNumber = "110105194912310023" }), schedule);

        Assert.Equal(Outcome.Wait, report.Outcome);
    }

    [Fact]
    public void Diagnose_FixableProblem_IsFixAndRetryWithoutRetryAfter()
    {
        var report = Diagnose(WithPersonal(p => p with { IdNumber = "110105194912310023" }));

        Assert.Equal(Outcome.FixAndRetry, report.Outcome);
        Assert.Null(report.RetryAfter);
        Assert.True(report.Has("AP-PREREQ"));
        Assert.False(report.Has("AP-READY"));
    }

    [Fact]
    public void Diagnose_OnlyWarnings_IsReady()
    {
        var report = Diagnose(WithBank(b => b with { AccountClass = 3 }));

        Assert.Equal(Outcome.Ready, report.Outcome);
        Assert.True(report.Has("AP-READY"));
    }

    [Theory]
    [InlineData("2026-11-25T02:59:59Z", true)]
    [InlineData("2026-11-25T03:00:00Z", false)]
    public void Diagnose_ClockFromTimeProvider_DecidesWhetherMaintenanceIsActive(string now, bool active)
    {
        var schedule = new ServiceSchedule([new MaintenanceWindow(1, Now.AddHours(-1), Now.AddHours(1), "m")], []);

        var report = Diagnose(Valid, schedule, DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(active, report.Has("AP-MAINTENANCE"));
    }

    [Fact]
    public void Diagnose_SymptomWithoutBankSection_RunsNoBankRules()
    {
        var report = Diagnose(WithBank(b => b with { CardNumber = "123" }) with { Symptom = Symptom.CannotLogIn });

        Assert.DoesNotContain(report.Findings, f => f.Code.StartsWith("BK-", StringComparison.Ordinal));
    }

    [Fact]
    public void Diagnose_OnlySymptomForApplicationRejected_ReportsMissingSections()
    {
        var report = Diagnose(new DiagnosisInput { Symptom = Symptom.ApplicationRejected });

        Assert.True(report.Has("PI-NAME-MISSING"));
        Assert.True(report.Has("PI-ID-MISSING"));
        Assert.True(report.Has("PI-PHONE-MISSING"));
        Assert.True(report.Has("BK-CARD-MISSING"));
        Assert.Equal(Outcome.FixAndRetry, report.Outcome);
    }

    [Fact]
    public void DecideOutcome_NoFindings_IsReady() => Assert.Equal(Outcome.Ready, DiagnosisEngine.DecideOutcome([]));

    [Fact]
    public void SymptomFlow_EverySymptom_HasAFlow()
    {
        foreach (var symptom in Enum.GetValues<Symptom>())
        {
            var flow = SymptomFlow.For(symptom);
            Assert.Equal(symptom, flow.Symptom);
            Assert.NotEqual(RuleTopics.None, flow.Topics);
        }
        Assert.True(SymptomFlow.For(Symptom.ApplicationRejected).Shows(WizardSections.Bank));
        Assert.False(SymptomFlow.For(Symptom.CannotLogIn).Shows(WizardSections.Bank));
        Assert.True(SymptomFlow.For(Symptom.TransactionFailed).Shows(WizardSections.Transaction));
        Assert.True(SymptomFlow.For(Symptom.TryAgainLater).Runs(RuleTopics.Retry));
    }
}
