using System.Text.Encodings.Web;
using System.Text.Unicode;
using MudBlazor.Services;
using WalletHelp.Web.Api;
using WalletHelp.Web.Components;
using WalletHelp.Web.Infrastructure;
using WalletHelp.Web.Infrastructure.ReaderPages;
using WalletHelp.Web.Infrastructure.ScaleOut;
using WalletHelp.Web.Infrastructure.Security;
using WalletHelp.Web.Infrastructure.Startup;
using WalletHelp.Web.Services.Email;
using WalletHelp.Web.Services.Faq;

// A published app started from another folder must still find wwwroot and appsettings.json (see AppFolder).
AppFolder.UseAppFolderOutsideDevelopment(args);
var builder = WebApplication.CreateBuilder(args);

builder.AddWalletHelpData();
// The port opens before the database is migrated and seeded; requests wait for it (Infrastructure/Startup).
builder.AddWalletHelpStartup();
builder.AddWalletHelpIdentity();
builder.AddWalletHelpStaffSecurity();
builder.AddWalletHelpEmail();
builder.AddWalletHelpLocalization();
builder.AddWalletHelpOperations();
builder.AddWalletHelpServices();
builder.AddWalletHelpApi();
builder.AddWalletHelpFaq();
builder.AddWalletHelpAdmin();
// Readers' pages are static HTML and, for anonymous readers, come from the output cache (docs/architecture.md).
builder.AddWalletHelpReaderPages();
builder.Services.AddMudServices();
// Chinese text is sent as text, not as &#x...; entities (a third of the size, and readable).
builder.Services.AddWebEncoders(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
builder.Services.AddRazorComponents().AddInteractiveServerComponents();

var app = builder.Build();
// `reset-password <email>` recovers an account from the command line and exits (the web server never starts).
if (await app.RunCommandAsync(args))
{
    return Environment.ExitCode;
}
app.LogEmailMode();

if (app.Environment.IsDevelopment())
{
    app.UseMigrationsEndPoint();
}
else
{
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
    app.UseHsts();
}
app.UseInstanceName();
app.UseSecurityHeaders();
app.UseStartupGate();
app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseApiProblemDetails();
// Explicit so that the problem-details middleware above also wraps authorization's 401/403.
app.UseRouting();
app.UseRequestLocalization();
app.UseAuthentication();
app.UseAuthorization();
// After authentication (signed-in people are never served from it) and localization (the language is part of the key).
app.UseOutputCache();
app.UseBrowserId();
app.UseAntiforgery();
app.UseRateLimiter();

app.MapStaticAssets();
app.MapWalletHelpHealth();
app.MapReadiness();
app.MapCultureEndpoint();
app.MapWalletHelpApi();
app.MapReaderPageForms();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode().WithStaticReaderPages();
app.MapAdditionalIdentityEndpoints();

// Migrations, seeding and reference data run while the port is already open (requests wait for them); start-up
// problems (read-only folder, corrupt or locked database) end in one clear line, the app stopping and a non-zero exit.
return await app.RunWithDatabaseStartingAsync();

/// <summary>Entry point, public so tests can host the real app.</summary>
public partial class Program;
