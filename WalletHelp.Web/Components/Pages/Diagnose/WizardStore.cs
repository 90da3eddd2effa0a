using System.Security.Cryptography;
using Microsoft.AspNetCore.Components.Server.ProtectedBrowserStorage;
using WalletHelp.Core.Diagnostics;

namespace WalletHelp.Web.Components.Pages.Diagnose;

/// <summary>Where a wizard's answers survive a refresh or a lost circuit: the person's own browser, never the server.</summary>
public interface IWizardStore
{
    Task<WizardSnapshot?> LoadAsync(Symptom symptom);

    Task SaveAsync(WizardSnapshot snapshot);

    Task ClearAsync(Symptom symptom);
}

/// <summary>
/// Browser session storage, encrypted and signed by ASP.NET Core data protection: the full ID and card numbers stay in
/// this tab, unreadable to scripts, and vanish when the tab closes. Only usable after the first interactive render.
/// </summary>
public sealed class SessionWizardStore(ProtectedSessionStorage storage) : IWizardStore
{
    private static string Key(Symptom symptom) => "wh-wizard:" + symptom.ToCode();

    public async Task<WizardSnapshot?> LoadAsync(Symptom symptom)
    {
        try
        {
            var result = await storage.GetAsync<WizardSnapshot>(Key(symptom));
            return result.Success ? result.Value : null;
        }
        catch (CryptographicException)
        {
            // Keys rotated or the value was tampered with: start afresh rather than fail.
            return null;
        }
    }

    public async Task SaveAsync(WizardSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        await storage.SetAsync(Key(snapshot.Input.Symptom), snapshot);
    }

    public async Task ClearAsync(Symptom symptom) => await storage.DeleteAsync(Key(symptom));
}
