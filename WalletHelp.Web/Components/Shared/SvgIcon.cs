using System.Collections.Concurrent;
using Microsoft.AspNetCore.Components;

namespace WalletHelp.Web.Components.Shared;

/// <summary>
/// A MudBlazor icon as plain SVG markup, the same HTML <c>MudIcon</c> writes, without a component. For the wizard's
/// per-field markup: every component instance lives in the circuit with its render-tree buffers, an icon here is one
/// frame holding a string shared by all circuits (cached per icon and size).
/// </summary>
public static class SvgIcon
{
    private static readonly ConcurrentDictionary<(string Icon, string Size), MarkupString> Cache = new();

    /// <summary><paramref name="icon"/> is a MudBlazor <c>Icons.Material.*</c> value; size "small" or "medium".</summary>
    public static MarkupString Of(string icon, string size = "small") =>
        Cache.GetOrAdd((icon, size), static key => new MarkupString(
            $"<svg class=\"mud-icon-root mud-svg-icon mud-icon-size-{key.Size}\" focusable=\"false\" viewBox=\"0 0 24 24\" aria-hidden=\"true\" role=\"img\">{key.Icon}</svg>"));
}
