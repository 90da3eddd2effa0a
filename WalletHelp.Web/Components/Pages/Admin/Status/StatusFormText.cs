using Microsoft.Extensions.Localization;
using WalletHelp.Web.Services.Status;

namespace WalletHelp.Web.Components.Pages.Admin.Status;

/// <summary>The admin forms' words for what <see cref="StatusInputRules"/> found (the API says it in English).</summary>
public static class StatusFormText
{
    public static string Message(IStringLocalizer localizer, StatusInputProblem problem) => problem switch
    {
        { Field: "title" or "titleEn" } => localizer["AdminStatus.Error.Title"],
        { Error: StatusInputError.Required } => localizer["AdminStatus.Error.Time"],
        { Error: StatusInputError.EndNotAfterStart } => localizer["AdminStatus.Error.Order"],
        { Error: StatusInputError.WindowTooLong } => localizer["AdminStatus.Error.TooLong"],
        _ => localizer["AdminStatus.Error.Range"],
    };
}
