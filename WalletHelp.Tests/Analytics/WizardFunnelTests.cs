using Bunit;
using Microsoft.Extensions.Logging.Abstractions;
using WalletHelp.Tests.Components.Diagnose;
using WalletHelp.Tests.Faq;
using WalletHelp.Web.Services.Analytics;

namespace WalletHelp.Tests.Analytics;

/// <summary>The wizard counts each step once per run through the queue; the queue and writer never fail the caller.</summary>
public sealed class WizardFunnelTests(WizardHost host) : WizardTestBase(host), IClassFixture<WizardHost>
{
    private List<FunnelEvent> Drain()
    {
        var events = new List<FunnelEvent>();
        while (Funnel.Reader.TryRead(out var e)) events.Add(e);
        return events;
    }

    [Fact]
    public void Wizard_CountsEachStepOncePerRun_WithTheSymptomAndStepKeyOnly()
    {
        var cut = RenderWizard("application-rejected");
        cut.WaitForAssertion(() => Assert.Single(Drain(), e => e is { Symptom: "application-rejected", Stage: 1, StepKey: "personal" }), Wait);

        cut.InvokeAsync(() => cut.Find("[data-testid='wizard-next']").Click());
        cut.WaitForAssertion(() => Assert.Single(Drain(), e => e is { Stage: 2, StepKey: "bank" }), Wait);

        // Back to step 1 and forward again: nothing new.
        cut.InvokeAsync(() => cut.Find("[data-testid='step-tab-personal']").Click());
        cut.InvokeAsync(() => cut.Find("[data-testid='step-tab-bank']").Click());
        Assert.Empty(Drain());
    }

    [Fact]
    public void Recorder_WhenFull_DropsAndCounts_NeverThrows()
    {
        var recorder = new WizardFunnelRecorder(TimeProvider.System, capacity: 2);
        for (var i = 0; i < 5; i++) recorder.Record("cannot-log-in", 1, "personal");
        Assert.Equal(3, recorder.Dropped);
    }

    [Fact]
    public async Task Writer_DatabaseFailure_IsLoggedNotThrown()
    {
        using var database = new FaqTestDatabase();
        await using (var db = await database.Factory.CreateDbContextAsync(Xunit.TestContext.Current.CancellationToken))
        {
            await Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.ExecuteSqlRawAsync(db.Database, "DROP TABLE AnalyticsFunnelDays;",
                Xunit.TestContext.Current.CancellationToken);
        }
        var writer = new WizardFunnelWriter(new WizardFunnelRecorder(TimeProvider.System), database.Factory, NullLogger<WizardFunnelWriter>.Instance);

        await writer.WriteAsync([new FunnelEvent(DateTimeOffset.UtcNow, "cannot-log-in", 1, "personal")], Xunit.TestContext.Current.CancellationToken);
    }
}
