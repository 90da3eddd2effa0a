using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using WalletHelp.Web.Data;

namespace WalletHelp.Web.Services.Diagnoses;

/// <summary>
/// HMAC-SHA256 of personal numbers, for counting repeats without storing them. The key comes from
/// <c>WalletHelp:Privacy:HashKey</c> (base64, ≥ 32 bytes) or is generated once and kept in the database,
/// encrypted with ASP.NET Core Data Protection.
/// </summary>
public sealed class KeyedHasher(
    IConfiguration configuration,
    IDbContextFactory<ApplicationDbContext> dbFactory,
    IDataProtectionProvider dataProtection,
    ILogger<KeyedHasher> logger)
{
    private const string SecretName = "keyed-hash-key";
    private readonly SemaphoreSlim gate = new(1, 1);
    private byte[]? key;

    public async Task<string?> HashAsync(string? value, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }
        var k = key ?? await LoadKeyAsync(cancellationToken);
        return Convert.ToHexStringLower(HMACSHA256.HashData(k, Encoding.UTF8.GetBytes(value)));
    }

    private async Task<byte[]> LoadKeyAsync(CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (key is not null)
            {
                return key;
            }
            var configured = configuration["WalletHelp:Privacy:HashKey"];
            if (!string.IsNullOrWhiteSpace(configured))
            {
                var bytes = Convert.FromBase64String(configured);
                if (bytes.Length < 32)
                {
                    throw new InvalidOperationException("WalletHelp:Privacy:HashKey must be at least 32 bytes (base64).");
                }
                return key = bytes;
            }

            var protector = dataProtection.CreateProtector("WalletHelp.KeyedHash.v1");
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var secret = await db.AppSecrets.FindAsync([SecretName], cancellationToken);
            if (secret is not null)
            {
                try
                {
                    return key = Convert.FromBase64String(protector.Unprotect(secret.ProtectedValue));
                }
                catch (CryptographicException)
                {
                    // The data-protection keys were lost: repeat counting restarts with a new key.
                    logger.LogWarning("The stored keyed-hash key could not be decrypted; generating a new one");
                    db.AppSecrets.Remove(secret);
                }
            }
            var fresh = RandomNumberGenerator.GetBytes(32);
            db.AppSecrets.Add(new AppSecret { Name = SecretName, ProtectedValue = protector.Protect(Convert.ToBase64String(fresh)) });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return key = fresh;
            }
            catch (DbUpdateException) when (secret is null)
            {
                // Another instance (or process) stored its key between our read and our insert: use that one, so every
                // instance hashes alike (two instances' first diagnoses at once did this: one got a 500).
                await using var again = await dbFactory.CreateDbContextAsync(cancellationToken);
                var stored = await again.AppSecrets.AsNoTracking().SingleAsync(s => s.Name == SecretName, cancellationToken);
                return key = Convert.FromBase64String(protector.Unprotect(stored.ProtectedValue));
            }
        }
        finally
        {
            gate.Release();
        }
    }
}
