using WalletHelp.Core;
using WalletHelp.Web.Services;
using WalletHelp.Web.Services.Audit;
using WalletHelp.Web.Services.Diagnoses;
using WalletHelp.Web.Services.Status;

namespace WalletHelp.Web.Infrastructure;

public static class ServicesExtensions
{
    /// <summary>The rule engine from Core and the application services that pages and API share.</summary>
    public static WebApplicationBuilder AddWalletHelpServices(this WebApplicationBuilder builder)
    {
        builder.Services.AddWalletHelpCore(builder.Configuration);
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddSingleton<IAuditLog, AuditLog>();
        builder.Services.AddScoped<AuditActorAccessor>();
        builder.Services.AddSingleton<KeyedHasher>();
        builder.Services.AddSingleton<ServiceStatusService>();
        builder.Services.AddSingleton<DiagnosisService>();
        builder.Services.AddScoped<CircuitUser>();
        builder.Services.AddScoped<Components.Pages.Diagnose.WizardScript>();
        builder.Services.AddScoped<Components.Pages.Diagnose.IWizardStore, Components.Pages.Diagnose.SessionWizardStore>();
        return builder;
    }
}
