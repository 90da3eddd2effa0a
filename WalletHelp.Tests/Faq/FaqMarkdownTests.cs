using WalletHelp.Web.Services.Faq;

namespace WalletHelp.Tests.Faq;

public class FaqMarkdownTests
{
    [Fact]
    public void ToSafeHtml_ScriptTag_IsRemoved()
    {
        var html = FaqMarkdown.ToSafeHtml("Hello\n\n<script>window.__pwned = true</script>\n\nworld");
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("__pwned", html);
        Assert.Contains("Hello", html);
    }

    [Theory]
    [InlineData("[click](javascript:alert(1))")]
    [InlineData("[click](JaVaScRiPt:alert(1))")]
    [InlineData("<a href=\"javascript:alert(1)\">click</a>")]
    [InlineData("[click](vbscript:msgbox(1))")]
    [InlineData("![x](javascript:alert(1))")]
    public void ToSafeHtml_ScriptUrl_IsRemoved(string markdown)
    {
        var html = FaqMarkdown.ToSafeHtml(markdown);
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("vbscript:", html, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("<img src=\"x.png\" onerror=\"alert(1)\">")]
    [InlineData("<p onclick=\"alert(1)\">hi</p>")]
    [InlineData("<div onmouseover='alert(1)'>hi</div>")]
    [InlineData("<svg onload=alert(1)></svg>")]
    [InlineData("[link](https://example.com){onclick=\"alert(1)\"}")]
    public void ToSafeHtml_EventHandlerAttribute_IsRemoved(string markdown)
    {
        var html = FaqMarkdown.ToSafeHtml(markdown);
        Assert.DoesNotMatch(@"\son[a-z]+\s*=", html);
    }

    [Fact]
    public void ToSafeHtml_Iframe_IsRemoved()
    {
        var html = FaqMarkdown.ToSafeHtml("before\n\n<iframe src=\"https://evil.example\"></iframe>\n\nafter");
        Assert.DoesNotContain("<iframe", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("after", html);
    }

    [Fact]
    public void ToSafeHtml_OrdinaryMarkdown_KeepsHeadingsListsTablesAndLinks()
    {
        var html = FaqMarkdown.ToSafeHtml("## 标题\n\n- one\n- two\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n[客服](/faq/contact-customer-service) and [mail](mailto:help@example.com)");
        Assert.Contains("<h2", html);
        Assert.Contains("<li>one</li>", html);
        Assert.Contains("<table>", html);
        Assert.Contains("href=\"/faq/contact-customer-service\"", html);
        Assert.Contains("href=\"mailto:help@example.com\"", html);
    }

    [Fact]
    public void ToPlainText_Markdown_DropsMarkup()
    {
        Assert.Equal("Title bold item", FaqMarkdown.ToPlainText("## Title\n\n**bold**\n\n- item"));
    }
}
