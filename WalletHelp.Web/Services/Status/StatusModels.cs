using WalletHelp.Core.Localization;

namespace WalletHelp.Web.Services.Status;

/// <summary>A maintenance window as an admin (form or API) asks for it; checked by <see cref="StatusInputRules"/>.</summary>
public sealed record MaintenanceInput(DateTimeOffset? StartsAt, DateTimeOffset? EndsAt, string? Title, string? TitleEn);

/// <summary>An incident as an admin reports it; <c>StartedAt</c> defaults to now.</summary>
public sealed record IncidentInput(DateTimeOffset? StartedAt, DateTimeOffset? ResolvedAt, string? Title, string? TitleEn, bool AffectsOpening);

public sealed record MaintenanceView(long Id, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string Title, string? TitleEn, string? CreatedBy)
{
    public string TitleIn(bool english) => Languages.Pick(Title, TitleEn, english);
}

public sealed record IncidentView(long Id, DateTimeOffset StartedAt, DateTimeOffset? ResolvedAt, string Title, string? TitleEn,
    bool AffectsOpening, string? CreatedBy)
{
    public string TitleIn(bool english) => Languages.Pick(Title, TitleEn, english);
}

/// <summary>Windows that have not ended and incidents open or resolved within the last day.</summary>
public sealed record StatusBoard(IReadOnlyList<MaintenanceView> Maintenance, IReadOnlyList<IncidentView> Incidents);

/// <summary>One thing wrong with an input: the field (API name) and what.</summary>
public sealed record StatusInputProblem(string Field, StatusInputError Error);

/// <summary>The stored item, or what is wrong with the input (nothing was stored).</summary>
public sealed record StatusSaveResult<T>(T? Saved, IReadOnlyList<StatusInputProblem> Problems) where T : class
{
    public bool Succeeded => Saved is not null;
}
