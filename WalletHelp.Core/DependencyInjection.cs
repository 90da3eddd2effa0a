using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using WalletHelp.Core.Diagnostics;
using WalletHelp.Core.Localization;
using WalletHelp.Core.Reference;

namespace WalletHelp.Core;

public static class DependencyInjection
{
    /// <summary>
    /// Registers the diagnosis engine, finding texts, reference data, <see cref="TimeProvider.System"/> (unless one is
    /// registered) and <see cref="DiagnosticsOptions"/> bound to <c>WalletHelp:Diagnostics</c>, validated on start.
    /// </summary>
    /// <param name="configuration">Bind from this configuration; null binds from the host's <see cref="IConfiguration"/>.</param>
    public static IServiceCollection AddWalletHelpCore(this IServiceCollection services, IConfiguration? configuration = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<DiagnosticsOptions>();
        if (configuration is null) options.BindConfiguration(DiagnosticsOptions.SectionName);
        else options.Bind(configuration.GetSection(DiagnosticsOptions.SectionName));
        options.ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DiagnosticsOptions>, DiagnosticsOptionsValidator>());

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(BankDirectory.Default);
        services.TryAddSingleton(_ => new BinTableProvider());
        services.TryAddSingleton<IBinTableProvider>(sp => sp.GetRequiredService<BinTableProvider>());
        // A factory: the engine also has a constructor taking a custom rule list, which DI must not pick.
        services.TryAddSingleton<RuleParametersProvider>();
        services.TryAddSingleton<IRuleParametersProvider>(sp => sp.GetRequiredService<RuleParametersProvider>());
        services.TryAddSingleton<IDiagnosisEngine>(sp => new DiagnosisEngine(
            sp.GetRequiredService<IRuleParametersProvider>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IBinTableProvider>(),
            sp.GetRequiredService<BankDirectory>()));
        services.TryAddSingleton<IFindingTexts, FindingTexts>();
        return services;
    }
}
