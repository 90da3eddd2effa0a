using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WalletHelp.Core;
using WalletHelp.Core.Diagnostics;

namespace WalletHelp.Tests.Core;

public class OptionsTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddWalletHelpCore(configuration).BuildServiceProvider();
    }

    [Fact]
    public void AddWalletHelpCore_Defaults_AreValidAndMatchTheCatalogue()
    {
        using var services = Build([]);

        var options = services.GetRequiredService<IOptions<DiagnosticsOptions>>().Value;

        Assert.Equal(16, options.MinimumAge);
        Assert.Equal(3, options.MaxAttemptsPer24h);
        Assert.Equal(24, options.CooldownHours);
        Assert.Equal(TimeSpan.FromHours(2), options.MaintenanceLookahead);
        Assert.Equal(30, options.IdExpiringDays);
        Assert.Equal(50_000m, options.LimitsFor(2)!.PerPayment);
        Assert.Equal(10_000m, options.LimitsFor(4)!.Balance);
        Assert.Null(options.LimitsFor(1));
        Assert.NotNull(services.GetRequiredService<IDiagnosisEngine>());
        Assert.NotNull(services.GetRequiredService<IFindingTexts>());
    }

    [Fact]
    public void AddWalletHelpCore_ConfigurationOverrides_AreBound()
    {
        using var services = Build(new()
        {
            ["WalletHelp:Diagnostics:MinimumAge"] = "18",
            ["WalletHelp:Diagnostics:PeakHours"] = "08:00-09:30",
            ["WalletHelp:Diagnostics:Class3:PerPayment"] = "3000",
        });

        var options = services.GetRequiredService<IOptions<DiagnosticsOptions>>().Value;

        Assert.Equal(18, options.MinimumAge);
        Assert.Equal("08:00-09:30", options.PeakHours);
        Assert.Equal(3000m, options.Class3.PerPayment);
        Assert.Equal(20_000m, options.Class3.Balance);
    }

    [Theory]
    [InlineData("WalletHelp:Diagnostics:MinimumAge", "-1")]
    [InlineData("WalletHelp:Diagnostics:MaxAttemptsPer24h", "0")]
    [InlineData("WalletHelp:Diagnostics:PeakHours", "25:00-26:00")]
    [InlineData("WalletHelp:Diagnostics:PeakHours", "13:00-11:00")]
    [InlineData("WalletHelp:Diagnostics:MaintenanceLookahead", "-01:00:00")]
    [InlineData("WalletHelp:Diagnostics:Class2:PerPayment", "200000")]
    [InlineData("WalletHelp:Diagnostics:Class2:Balance", "999999999")] // [Range] on the class limits runs now
    [InlineData("WalletHelp:Diagnostics:Class4:PerDay", "0")]
    [InlineData("WalletHelp:Diagnostics:IncidentRetryEstimate", "3.00:00:00")]
    public void AddWalletHelpCore_InvalidValue_FailsValidation(string key, string value)
    {
        using var services = Build(new() { [key] = value });

        Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<DiagnosticsOptions>>().Value);
    }

    [Fact]
    public void AddWalletHelpCore_KeepsAnExistingTimeProvider()
    {
        var clock = Builders.Clock();
        var services = new ServiceCollection().AddSingleton<TimeProvider>(clock).AddWalletHelpCore(new ConfigurationBuilder().Build());

        using var provider = services.BuildServiceProvider();

        Assert.Same(clock, provider.GetRequiredService<TimeProvider>());
    }

    [Fact]
    public void Check_NamesEachBadValueByItsApiPathWithItsRange()
    {
        var options = new DiagnosticsOptions { MinimumAge = 200, PeakHours = "13:00-11:00" };
        options.Class2.Balance = 999_999_999m;
        options.Class4.PerPayment = 6_000m; // over the class 4 daily limit of 5,000

        var errors = DiagnosticsOptionsValidator.Check(options);

        Assert.Equal(["minimumAge", "peakHours", "walletClassLimits.2.balance", "walletClassLimits.4.perPayment"], errors.Select(e => e.Path).Order());
        var age = errors.Single(e => e.Path == "minimumAge");
        Assert.Equal((ParameterErrorKinds.Range, "0", "120"), (age.Kind, age.Min, age.Max));
        Assert.Equal(("1", "100000000"), (errors.Single(e => e.Path == "walletClassLimits.2.balance").Min, errors.Single(e => e.Path == "walletClassLimits.2.balance").Max));
        Assert.Equal(ParameterErrorKinds.PerPaymentOverPerDay, errors.Single(e => e.Path == "walletClassLimits.4.perPayment").Kind);
        Assert.Empty(DiagnosticsOptionsValidator.Check(new DiagnosticsOptions()));
    }

    [Fact]
    public void Engine_UsesTheProvidersCurrentSet_AndReportsItsNumber()
    {
        var provider = new RuleParametersProvider(Options.Create(new DiagnosticsOptions()));
        var engine = new DiagnosisEngine(provider, Builders.Clock(), new WalletHelp.Core.Reference.BinTableProvider(), WalletHelp.Core.Reference.BankDirectory.Default);
        var payment = Builders.Transaction(4, TransactionKind.Payment, 1_500m);

        var before = engine.Diagnose(payment, ServiceSchedule.Empty);
        var tighter = new DiagnosticsOptions();
        tighter.Class4.PerPayment = 1_000m;
        provider.Replace(new RuleParameters(7, tighter));
        var after = engine.Diagnose(payment, ServiceSchedule.Empty);
        var draft = engine.Diagnose(payment, ServiceSchedule.Empty, new RuleParameters(-1, new DiagnosticsOptions()));

        Assert.Equal(0, before.ParameterSet);
        Assert.False(before.Has("TX-LIMIT-SINGLE"));
        Assert.Equal(7, after.ParameterSet);
        Assert.True(after.Has("TX-LIMIT-SINGLE"), after.Codes());
        Assert.False(draft.Has("TX-LIMIT-SINGLE")); // an explicit set wins over the provider's
    }
}
