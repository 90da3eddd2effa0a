using MudBlazor;

namespace WalletHelp.Web.Components.Layout;

public static class WalletHelpTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#c62828",
            Secondary = "#00695c",
            AppbarBackground = "#b71c1c",
            Info = "#1565c0",
            Success = "#2e7d32",
            // #ef6c00 gave white text 3.1:1 (axe: color-contrast); this orange gives 5.7:1 and keeps the hue.
            Warning = "#a84b00",
            Error = "#c62828",
            // MudBlazor's default secondary text (rgba(0,0,0,.54) ≈ #757575) is 4.5:1 on white but 4.47:1 on a striped
            // table row (#fafafa; axe: color-contrast on /admin/bins). #616161 gives 6.2:1 on white, 5.9:1 striped.
            TextSecondary = "#616161",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography
            {
                FontFamily = ["\"PingFang SC\"", "\"Noto Sans CJK SC\"", "\"Microsoft YaHei\"", "Roboto", "Helvetica", "Arial", "sans-serif"],
            },
            // Sentence case reads better than shouted capitals, in English and beside Chinese.
            Button = new ButtonTypography { TextTransform = "none" },
        },
    };
}
