using System.Text.RegularExpressions;
using WalletHelp.Tests.TestSupport;

namespace WalletHelp.Tests.Web;

/// <summary>The README and docs/ stand on their own in a clone: no links outside the repository, no broken links.</summary>
public partial class DocsTests
{
    public static TheoryData<string> Documents => new(
        ["README.md", .. Directory.GetFiles(RepoPaths.Of("docs"), "*.md").Select(f => Path.GetRelativePath(RepoPaths.Root, f))]);

    [Theory]
    [MemberData(nameof(Documents))]
    public void Document_RelativeLinks_PointInsideTheRepositoryAndExist(string document)
    {
        var path = RepoPaths.Of(document);
        var folder = Path.GetDirectoryName(path)!;
        foreach (Match link in MarkdownLink().Matches(File.ReadAllText(path)))
        {
            var target = link.Groups[1].Value.Split('#')[0];
            if (target.Length == 0 || target.Contains("://", StringComparison.Ordinal)) continue;
            var full = Path.GetFullPath(Path.Combine(folder, target));
            Assert.True(full.StartsWith(RepoPaths.Root, StringComparison.Ordinal), $"{document} links outside the repository: {target}");
            Assert.True(File.Exists(full) || Directory.Exists(full), $"{document} links to a missing {target}");
        }
        Assert.DoesNotContain("shared/docs", File.ReadAllText(path), StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\]\(([^)\s]+)\)")]
    private static partial Regex MarkdownLink();
}
