using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace WalletHelp.Tests.TestSupport;

/// <summary>
/// One context for component tests: loose JS interop, MudBlazor services without transitions, the real
/// resx localization, and a UI culture chosen per test (zh-CN by default, as in the product).
/// </summary>
public abstract class BunitTestBase : BunitContext
{
    private readonly CultureInfo previousCulture = CultureInfo.CurrentUICulture;
    private readonly CultureInfo previousFormatCulture = CultureInfo.CurrentCulture;

    protected BunitTestBase(string culture = "zh-CN")
    {
        UseCulture(culture);
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices(options =>
        {
            options.SnackbarConfiguration.ShowTransitionDuration = 0;
            options.SnackbarConfiguration.HideTransitionDuration = 0;
            options.PopoverOptions.CheckForPopoverProvider = false;
        });
        Services.AddLocalization(options => options.ResourcesPath = "Resources");
        // Staff components ask who is acting (for the audit log); the identity comes from AddAuthorization().
        Services.AddScoped<WalletHelp.Web.Services.CircuitUser>();
        Services.AddHttpContextAccessor();
        Services.AddScoped<WalletHelp.Web.Services.Audit.AuditActorAccessor>();
        Services.AddScoped<WalletHelp.Web.Services.Diagnoses.RequesterAccessor>();
    }

    protected static void UseCulture(string culture)
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
    }

    protected override void Dispose(bool disposing)
    {
        CultureInfo.CurrentUICulture = previousCulture;
        CultureInfo.CurrentCulture = previousFormatCulture;
        base.Dispose(disposing);
    }
}
