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
}
