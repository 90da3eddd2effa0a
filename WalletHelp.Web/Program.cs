using System.Text.Encodings.Web;
using System.Text.Unicode;
using MudBlazor.Services;
using WalletHelp.Web.Api;
using WalletHelp.Web.Components;
using WalletHelp.Web.Infrastructure;
using WalletHelp.Web.Infrastructure.Security;
using WalletHelp.Web.Services.Faq;

var builder = WebApplication.CreateBuilder(args);

builder.AddWalletHelpData();
builder.AddWalletHelpIdentity();
builder.AddWalletHelpStaffSecurity();
builder.AddWalletHelpLocalization();
builder.AddWalletHelpOperations();
builder.AddWalletHelpServices();
builder.AddWalletHelpApi();
builder.AddWalletHelpFaq();
builder.Services.AddMudServices();
// Chinese text is sent as text, not as &#x...; entities (a third of the size, and readable).
builder.Services.AddWebEncoders(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
builder.Services.AddRazorComponents().AddInteractiveServerComponents();

var app = builder.Build();

if (app.Environment.IsDevelopment())
{
    app.UseMigrationsEndPoint();
}
else
{
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
    app.UseHsts();
}
app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseApiProblemDetails();
// Explicit so that the problem-details middleware above also wraps authorization's 401/403.
app.UseRouting();
app.UseRequestLocalization();
app.UseAuthentication();
app.UseAuthorization();
app.UseBrowserId();
app.UseAntiforgery();
app.UseRateLimiter();

app.MapStaticAssets();
app.MapWalletHelpHealth();
app.MapCultureEndpoint();
app.MapWalletHelpApi();
app.MapFaqEndpoints();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
app.MapAdditionalIdentityEndpoints();

await app.InitializeDatabaseAsync();
app.Run();

/// <summary>Entry point, public so tests can host the real app.</summary>
public partial class Program;
