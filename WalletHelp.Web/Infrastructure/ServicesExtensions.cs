using WalletHelp.Web.Infrastructure.ScaleOut;
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
        builder.Services.AddScoped<WalletHelp.Web.Services.Diagnoses.RequesterAccessor>();
        builder.Services.AddSingleton<KeyedHasher>();
        builder.Services.AddSingleton<StatusMemo>();
        builder.Services.AddSingleton<ReaderPages.ITaggedCache>(sp => sp.GetRequiredService<StatusMemo>());
        builder.Services.AddSingleton<ServiceStatusService>();
        builder.Services.AddSingleton<IDiagnosisWriter>(DiagnosisWrites.Create);
        builder.Services.AddSingleton<DiagnosisService>();
        // The live-assist sessions of a case, as the audit log recorded them (the case page lists them).
        builder.Services.AddSingleton<Services.Assist.AssistHistory>();
        // Staff with the live-assist page open (hand-over by picking a colleague).
        builder.Services.AddSingleton<Services.Assist.StaffPresence>();
        builder.Services.AddScoped<CircuitUser>();
        builder.Services.AddScoped<Components.Pages.Diagnose.WizardScript>();
        builder.Services.AddScoped<Components.Pages.Diagnose.IWizardStore, Components.Pages.Diagnose.SessionWizardStore>();
        // The wizard's save cadence (WalletHelp:Wizard:SaveDelayMilliseconds / SaveMaxDelayMilliseconds; defaults 1000
        // and 4000): what a refresh can lose against how often a circuit encrypts and sends its snapshot.
        var wizard = builder.Configuration.GetSection("WalletHelp:Wizard");
        if (wizard.GetValue<int?>("SaveDelayMilliseconds") is { } saveDelay and > 0)
        {
            Components.Pages.Diagnose.DiagnoseWizard.SaveDelayMilliseconds = saveDelay;
        }
        if (wizard.GetValue<int?>("SaveMaxDelayMilliseconds") is { } saveMax and > 0)
        {
            Components.Pages.Diagnose.DiagnoseWizard.SaveMaxDelayMilliseconds = saveMax;
        }
        builder.AddWalletHelpAssist();
        return builder;
    }

    /// <summary>
    /// Live assist: the session store and the live channel are one-server, in-memory implementations, or
    /// Redis-backed ones when <c>ConnectionStrings:Redis</c> is set (a farm).
    /// </summary>
    public static WebApplicationBuilder AddWalletHelpAssist(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<Services.Assist.AssistOptions>().Bind(builder.Configuration.GetSection("WalletHelp:Assist"));
        // IAssistSessions and IAssistChannel: in-memory, or Redis when configured (ScaleOut.ScaleOutExtensions).
        builder.AddWalletHelpScaleOut();
        builder.Services.AddSingleton<Services.Assist.AssistService>();
        builder.Services.AddScoped<Services.Assist.AssistUserSession>();
        builder.Services.AddScoped<Microsoft.AspNetCore.Components.Server.Circuits.CircuitHandler, Services.Assist.AssistCircuitHandler>();
        return builder;
    }
}
