using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using WalletHelp.Tests.TestSupport;
using WalletHelp.Web.Services.Diagnoses;
using WalletHelp.Web.Services.Faq;

namespace WalletHelp.Tests.Security;

/// <summary>
/// Defects 2 and 3: every free-text sink × every separator people (or attackers) put inside numbers. Each cell
/// sends its own canary ID and card numbers; none may be found — separators removed, full-width digits folded —
/// in the database file, its WAL, the logs (captured at Trace), the API answers or the rendered result and case pages.
/// </summary>
public sealed class CanaryMatrixTests : IClassFixture<CanaryMatrixTests.TraceLoggingFactory>
{
    public sealed class TraceLoggingFactory : WalletHelpFactory
    {
        public TraceLoggingFactory()
        {
            With("Logging:LogLevel:Default", "Trace");
            With("Logging:LogLevel:Microsoft.AspNetCore", "Trace");
            With("Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics", "Trace");
            With("WalletHelp:RateLimits:DiagnosesPerMinute", "1000");
            With("WalletHelp:RateLimits:FaqSearchesPerMinute", "1000");
            With("WalletHelp:RateLimits:FaqVotesPerMinute", "1000");
            With("WalletHelp:RateLimits:FeedbackPerMinute", "1000");
            With("WalletHelp:RateLimits:SignInPerMinute", "1000");
        }
    }

    /// <summary>Name, separator, full-width digits?</summary>
    public static TheoryData<string, string, bool> Separators() => new()
    {
        { "space", " ", false },
        { "ideographic-space", "\u3000", false },
        { "nbsp", "\u00A0", false },
        { "tab", "\t", false },
        { "newline", "\n", false },
        { "crlf", "\r\n", false },
        { "dot", ".", false },
        { "slash", "/", false },
        { "dash", "-", false },
        { "full-width-dash", "－", false },
        { "em-dash", "—", false },
        { "zero-width-space", "\u200B", false },
        { "full-width-digits", "", true },
        { "full-width-digits-ideographic-space", "\u3000", true },
        { "none", "", false },
    };

    private readonly TraceLoggingFactory factory;

    public CanaryMatrixTests(TraceLoggingFactory factory) => this.factory = factory;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static int cell;

    [Theory]
    [MemberData(nameof(Separators))]
    public async Task EverySink_WithThisSeparator_KeepsNoFullNumber(string name, string separator, bool fullWidth)
    {
        var n = Interlocked.Increment(ref cell);
        // Unique canaries per sink and cell: 18-digit IDs (some ending in X) and 19-digit cards.
        string Id(int sink) => $"5301{n:D2}{1960 + sink}0{(sink % 9) + 1}1{n % 10}{sink % 10}{n % 10}" + (sink % 2 == 0 ? "X" : $"{sink % 10}");
        string Card(int sink) => $"62{n:D3}{sink:D2}88{n:D3}{sink:D2}7{n:D4}";
        string Written(string number)
        {
            var digits = fullWidth ? new string(number.Select(c => c is >= '0' and <= '9' ? (char)(c - '0' + '０') : c).ToArray()) : number;
            var groups = number.Length == 18
                ? new[] { digits[..6], digits[6..14], digits[14..] }
                : new[] { digits[..4], digits[4..8], digits[8..12], digits[12..16], digits[16..] };
            return string.Join(separator, groups);
        }

        var canaries = Enumerable.Range(1, 7).SelectMany(s => new[] { Id(s), Card(s) }).ToList();
        string Text(int sink) => $"证件 {Written(Id(sink))} 卡号 {Written(Card(sink))} 谢谢";

        // Sinks 1–3: rejection message, bank name, branch (one diagnosis through the API).
        var json = System.Text.Json.JsonSerializer.Serialize(new
        {
            symptom = "application-rejected",
            bank = new { bankName = Text(2), branch = Text(3) },
            application = new { rejectionMessage = Text(1) },
        });
        var person = factory.CreateClient(); // keeps the browser-id cookie, so it may open its own result page
        var created = await person.PostAsync("/api/v1/diagnoses", ApiClient.Json(json), Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var answers = new StringBuilder(await created.Content.ReadAsStringAsync(Ct));
        var reference = (await created.ReadJsonAsync()).GetProperty("reference").GetString()!;

        // Sinks 4–5: agent note and "was this helpful?" comment (the services the agent and result pages call).
        var diagnoses = factory.Services.GetRequiredService<DiagnosisService>();
        Assert.True(await diagnoses.AddNoteAsync(reference, WalletHelp.Web.Services.Audit.AuditActor.Named(WalletHelpFactory.AgentEmail), Text(4), Ct));
        Assert.True(await diagnoses.RecordHelpfulAsync(reference, false, Text(5), Ct));

        // Sink 6: the FAQ search log (API); sink 7: a FAQ vote comment.
        var search = await factory.CreateClient().GetAsync("/api/v1/faq?q=" + Uri.EscapeDataString(Text(6)), Ct);
        Assert.Equal(HttpStatusCode.OK, search.StatusCode);
        answers.Append(await search.Content.ReadAsStringAsync(Ct));
        using (var scope = factory.Services.CreateScope())
        {
            var faq = scope.ServiceProvider.GetRequiredService<FaqService>();
            var article = (await faq.ListAsync("zh-CN", null, Ct))[0];
            Assert.True(await faq.VoteAsync(article.Id, false, Text(7), "zh-CN", Ct));
        }

        var agent = await factory.CreateBearerClientAsync(WalletHelpFactory.AgentEmail, WalletHelpFactory.AgentPassword);
        answers.Append(await agent.GetStringAsync($"/api/v1/diagnoses/{reference}", Ct));

        // Rendered HTML: the person's result page and the agent's case page (both prerendered with their content).
        var pages = new StringBuilder();
        var resultPage = await person.GetStringAsync($"/diagnoses/{reference}", Ct);
        Assert.Contains(reference, resultPage, StringComparison.Ordinal);
        pages.Append(resultPage);
        var staff = factory.CreateBrowserLikeClient();
        Assert.True((await staff.SignInAsync(WalletHelpFactory.AgentEmail, WalletHelpFactory.AgentPassword)).IsRedirect());
        var casePage = await staff.GetStringAsync($"/agent/cases/{reference}", Ct);
        Assert.Contains("谢谢", casePage, StringComparison.Ordinal); // the free texts are on it (scrubbed)
        pages.Append(casePage);

        var raw = Encoding.UTF8.GetString(factory.ReadDatabaseBytes());
        Assert.Contains(reference, raw);
        var database = Fold(raw, separator);
        var logs = Fold(string.Join('\n', factory.Logs), separator);
        var answered = Fold(answers.ToString(), separator);
        var html = Fold(System.Net.WebUtility.HtmlDecode(pages.ToString()), separator);
        foreach (var canary in canaries)
        {
            Assert.False(database.Contains(canary, StringComparison.OrdinalIgnoreCase), $"{name}: {canary} is in the database or WAL");
            Assert.False(logs.Contains(canary, StringComparison.OrdinalIgnoreCase), $"{name}: {canary} is in the logs");
            Assert.False(answered.Contains(canary, StringComparison.OrdinalIgnoreCase), $"{name}: {canary} is in an API answer");
            Assert.False(html.Contains(canary, StringComparison.OrdinalIgnoreCase), $"{name}: {canary} is in a rendered page");
            // The hidden middle (birth date / account digits) is not there either.
            Assert.DoesNotContain(canary[6..14], database);
        }
    }

    /// <summary>The haystack as a reader would fold it: this cell's separator gone, full-width digits as ASCII.</summary>
    private static string Fold(string text, string separator)
    {
        if (separator.Length > 0)
        {
            text = text.Replace(separator, "", StringComparison.Ordinal);
        }
        // JSON answers escape some separators (\t, \n, \u00A0…): fold those too.
        foreach (var escaped in new[] { "\\t", "\\n", "\\r", "\\u00A0", "\\u3000", "\\u200B", "\\u2014", "\\uFF0D", "\\/" })
        {
            text = text.Replace(escaped, "", StringComparison.OrdinalIgnoreCase);
        }
        return new string(text.Select(c => c is >= '０' and <= '９' ? (char)(c - '０' + '0') : c).ToArray());
    }
}
