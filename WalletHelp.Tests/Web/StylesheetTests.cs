using System.Text.RegularExpressions;
using WalletHelp.Tests.TestSupport;

namespace WalletHelp.Tests.Web;

public partial class StylesheetTests
{
    [GeneratedRegex(@"/\*.*?\*/", RegexOptions.Singleline)]
    private static partial Regex Comment();

    [Fact]
    public void AppCss_Braces_AreBalanced()
    {
        // A lost "}" (easy to get in a merge) silently swallows every rule after it.
        var css = Comment().Replace(File.ReadAllText(RepoPaths.Of("WalletHelp.Web", "wwwroot", "app.css")), "");
        var depth = 0;
        var line = 1;
        foreach (var c in css)
        {
            if (c == '\n') line++;
            if (c == '{') depth++;
            if (c == '}') depth--;
            Assert.True(depth >= 0, $"unexpected '}}' near line {line}");
            Assert.True(depth <= 2, $"a block is not closed before line {line}");
        }
        Assert.Equal(0, depth);
    }
}
