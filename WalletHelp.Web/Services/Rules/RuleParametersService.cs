using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using WalletHelp.Core.Diagnostics;
using WalletHelp.Web.Data;
using WalletHelp.Web.Data.Rules;
using WalletHelp.Web.Services.Audit;

namespace WalletHelp.Web.Services.Rules;

/// <summary>A parameter set as pages and the API show it. Set 0 is the configuration (no author, no reason).</summary>
public sealed record RuleParameterSetView(int Number, DateTimeOffset? CreatedAt, string? CreatedBy, string? Reason, int? RestoredFrom, DiagnosticsOptions Parameters);

/// <summary>What a save did: saved (the new set), stale (someone saved since), or invalid (each bad value).</summary>
public sealed record RuleParametersSaveResult(RuleParameterSetView? Saved, RuleParameterSetView? Current, IReadOnlyList<ParameterError> Errors)
{
    public bool IsStale => Saved is null && Errors.Count == 0;
}

/// <summary>
/// Numbered rule parameter sets: each save or restore stores a new set (who, when, why) and makes it current for the
/// next diagnosis; configuration is set 0, used until an admin saves one. Validation is
/// <see cref="DiagnosticsOptionsValidator.Check"/>, the same rules configuration is checked with at start.
/// </summary>
public sealed class RuleParametersService(
    IDbContextFactory<ApplicationDbContext> dbFactory,
    RuleParametersProvider provider,
    IAuditLog audit,
    TimeProvider time,
    ILogger<RuleParametersService> logger)
{
    public const int MaxReasonLength = 500;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly SemaphoreSlim writeLock = new(1, 1);

    public RuleParameters Current => provider.Current;

    /// <summary>Raised after a save or restore made a new set current here (other instances load it on it: <c>ClusterEvents</c>).</summary>
    public event Action? Changed;

    /// <summary>Makes the newest stored set current (at start).</summary>
    public async Task LoadAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var latest = await db.RuleParameterSets.AsNoTracking().OrderByDescending(s => s.Number).FirstOrDefaultAsync(cancellationToken);
        if (latest is null) return;
        var options = Deserialize(latest.ParametersJson);
        if (DiagnosticsOptionsValidator.Check(options).Count > 0)
        {
            // Stored before a rule tightened: keep the configuration rather than run with invalid values.
            logger.LogError("Rule parameter set {Number} is no longer valid; using the configuration (set 0)", latest.Number);
            return;
        }
        provider.Replace(new RuleParameters(latest.Number, options));
    }

    public async Task<RuleParameterSetView> GetCurrentAsync(CancellationToken cancellationToken = default) =>
        await GetAsync(provider.Current.SetNumber, cancellationToken) ?? View(provider.Configured);

    public async Task<RuleParameterSetView?> GetAsync(int number, CancellationToken cancellationToken = default)
    {
        if (number == 0) return View(provider.Configured);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var entity = await db.RuleParameterSets.AsNoTracking().FirstOrDefaultAsync(s => s.Number == number, cancellationToken);
        return entity is null ? null : View(entity);
    }

    /// <summary>Every set, newest first, ending with set 0 (the configuration).</summary>
    public async Task<IReadOnlyList<RuleParameterSetView>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var sets = await db.RuleParameterSets.AsNoTracking().OrderByDescending(s => s.Number).ToListAsync(cancellationToken);
        return [.. sets.Select(View), View(provider.Configured)];
    }

    /// <summary>A copy of the values, for editing (the current set's instance is never changed).</summary>
    public static DiagnosticsOptions Copy(DiagnosticsOptions options) => Deserialize(JsonSerializer.Serialize(options, Json));

    /// <summary>
    /// Stores <paramref name="parameters"/> as a new set when <paramref name="expectedSet"/> is still the current set
    /// (otherwise: stale, nothing written) and every value is valid (otherwise: the errors, nothing written).
    /// </summary>
    public async Task<RuleParametersSaveResult> SaveAsync(int expectedSet, DiagnosticsOptions parameters, string? reason, AuditActor actor,
        int? restoredFrom = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var errors = DiagnosticsOptionsValidator.Check(parameters).ToList();
        var why = reason?.Trim() ?? "";
        if (why.Length == 0) errors.Add(new ParameterError("reason", ParameterErrorKinds.Required, "a reason is required."));
        else if (why.Length > MaxReasonLength) errors.Add(new ParameterError("reason", ParameterErrorKinds.Range, $"must be at most {MaxReasonLength} characters.", "1", MaxReasonLength.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        if (errors.Count > 0) return new RuleParametersSaveResult(null, null, errors);

        await writeLock.WaitAsync(cancellationToken);
        try
        {
            if (provider.Current.SetNumber != expectedSet)
                return new RuleParametersSaveResult(null, await GetCurrentAsync(cancellationToken), []);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var last = await db.RuleParameterSets.MaxAsync(s => (int?)s.Number, cancellationToken) ?? 0;
            var entity = new RuleParameterSetEntity
            {
                Number = last + 1,
                CreatedAt = time.GetUtcNow(),
                CreatedBy = actor.Name,
                Reason = why,
                RestoredFrom = restoredFrom,
                ParametersJson = JsonSerializer.Serialize(parameters, Json),
            };
            db.RuleParameterSets.Add(entity);
            audit.Add(db, actor, AuditActions.RulesChanged, $"rule-parameters:{entity.Number}",
                restoredFrom is { } from ? $"restored set {from}: {why}" : why);
            await db.SaveChangesAsync(cancellationToken);
            provider.Replace(new RuleParameters(entity.Number, Deserialize(entity.ParametersJson)));
            Changed?.Invoke();
            logger.LogInformation("Rule parameter set {Number} saved by {Actor}", entity.Number, actor.Name);
            return new RuleParametersSaveResult(View(entity), null, []);
        }
        finally
        {
            writeLock.Release();
        }
    }

    /// <summary>Restoring an earlier set stores its values as a new set (history is never rewritten).</summary>
    public async Task<RuleParametersSaveResult?> RestoreAsync(int number, int expectedSet, string? reason, AuditActor actor, CancellationToken cancellationToken = default)
    {
        var old = await GetAsync(number, cancellationToken);
        if (old is null) return null;
        return await SaveAsync(expectedSet, Copy(old.Parameters), reason, actor, number, cancellationToken);
    }

    private RuleParameterSetView View(RuleParameterSetEntity e) =>
        new(e.Number, e.CreatedAt, e.CreatedBy, e.Reason, e.RestoredFrom, Deserialize(e.ParametersJson));

    private static RuleParameterSetView View(RuleParameters configured) =>
        new(0, null, null, null, null, Copy(configured.Options));

    private static DiagnosticsOptions Deserialize(string json) =>
        JsonSerializer.Deserialize<DiagnosticsOptions>(json, Json) ?? new DiagnosticsOptions();
}
