using WalletHelp.Web.Infrastructure.ReaderPages;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using WalletHelp.Web.Data;
using WalletHelp.Web.Data.Faq;

namespace WalletHelp.Web.Services.Faq;

/// <summary>A synonym group as the admin page shows it.</summary>
public sealed record FaqSynonymGroupView(int Id, IReadOnlyList<string> Terms, DateTimeOffset UpdatedAt, string UpdatedBy);

public enum FaqSynonymError { None, TooFewTerms, TermTooLong, TooManyTerms, NotFound }

/// <summary>
/// The synonym list admins edit at <c>/admin/faq/synonyms</c>, cached in memory (it is read by every search that
/// finds nothing on its own) and dropped from the cache on every change.
/// </summary>
public sealed class FaqSynonymService(IDbContextFactory<ApplicationDbContext> factory, TimeProvider time, IReaderCache? readerCache = null)
{
    // Synonyms change which articles a search finds: cached FAQ answers go too.
    private Task FaqChangedAsync() => readerCache?.EvictAsync(ReaderCache.Faq) ?? Task.CompletedTask;

    public const int MaxTerms = 20;
    public const int MaxTermLength = 40;

    private volatile IReadOnlyList<IReadOnlyList<string>>? cache;

    /// <summary>Raised after an edit here (other instances drop their cache on it: <c>ClusterEvents</c>).</summary>
    public event Action? Changed;

    /// <summary>Drops the cached list (another instance changed it).</summary>
    public void Forget() => cache = null;

    public async Task<IReadOnlyList<FaqSynonymGroupView>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var rows = await db.FaqSynonymGroups.AsNoTracking().OrderBy(g => g.Id).ToListAsync(cancellationToken);
        return [.. rows.Select(g => new FaqSynonymGroupView(g.Id, Split(g.Terms), g.UpdatedAt, g.UpdatedBy))];
    }

    /// <summary>The groups as term lists (cached).</summary>
    public async Task<IReadOnlyList<IReadOnlyList<string>>> GroupsAsync(CancellationToken cancellationToken = default)
    {
        if (cache is { } cached) return cached;
        var groups = (await ListAsync(cancellationToken)).Select(g => g.Terms).Where(t => t.Count >= 2).ToList();
        cache = groups;
        return groups;
    }

    /// <summary>Adds a group (<paramref name="id"/> = 0) or replaces one's terms.</summary>
    public async Task<FaqSynonymError> SaveAsync(int id, string? terms, string user, CancellationToken cancellationToken = default)
    {
        var list = Split(terms);
        var error = Validate(list);
        if (error != FaqSynonymError.None) return error;
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        FaqSynonymGroup? group;
        if (id == 0)
        {
            group = new FaqSynonymGroup();
            db.Add(group);
        }
        else if ((group = await db.FaqSynonymGroups.FindAsync([id], cancellationToken)) is null)
        {
            return FaqSynonymError.NotFound;
        }
        group.Terms = string.Join(", ", list);
        group.UpdatedAt = time.GetUtcNow();
        group.UpdatedBy = user;
        await db.SaveChangesAsync(cancellationToken);
        cache = null;
        await FaqChangedAsync();
        Changed?.Invoke();
        return FaqSynonymError.None;
    }

    public async Task<bool> DeleteAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var deleted = await db.FaqSynonymGroups.Where(g => g.Id == id).ExecuteDeleteAsync(cancellationToken) > 0;
        cache = null;
        await FaqChangedAsync();
        Changed?.Invoke();
        return deleted;
    }

    /// <summary>Inserts the seeded groups when the table is empty (first start).</summary>
    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (await db.FaqSynonymGroups.AnyAsync(cancellationToken)) return;
        var now = time.GetUtcNow();
        foreach (var terms in FaqSynonymSeed.Groups)
        {
            db.Add(new FaqSynonymGroup { Terms = string.Join(", ", terms), UpdatedAt = now, UpdatedBy = FaqSeeder.SeedAuthor });
        }
        await db.SaveChangesAsync(cancellationToken);
        cache = null;
    }

    public static FaqSynonymError Validate(IReadOnlyList<string> terms) =>
        terms.Count < 2 ? FaqSynonymError.TooFewTerms
        : terms.Count > MaxTerms ? FaqSynonymError.TooManyTerms
        : terms.Any(t => t.Length > MaxTermLength) ? FaqSynonymError.TermTooLong
        : FaqSynonymError.None;

    /// <summary>Terms split on commas (ASCII or Chinese), semicolons and new lines; trimmed, blanks and repeats dropped.</summary>
    public static IReadOnlyList<string> Split(string? terms) =>
        [.. (terms ?? "").Normalize(NormalizationForm.FormKC)
            .Split([',', '，', '、', ';', '；', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(t => Regex.Replace(t, @"\s+", " "))
            .Where(t => t.Length > 0)
            .Distinct(StringComparer.OrdinalIgnoreCase)];
}

/// <summary>The common wording of this domain, seeded on first start (admins edit it afterwards).</summary>
public static class FaqSynonymSeed
{
    public static IReadOnlyList<string[]> Groups { get; } =
    [
        ["绑卡", "银行卡绑定", "绑定银行卡", "添加银行卡", "关联银行卡"],
        ["验证码", "短信验证码", "短信", "校验码", "动态码"],
        ["实名", "实名认证", "身份认证", "身份验证", "身份核验"],
        ["开户", "开通", "开立", "申请钱包", "开通钱包"],
        ["冻结", "限制", "止付", "锁定"],
        ["额度", "限额", "上限"],
        ["预留手机号", "银行预留手机号", "手机号", "手机号码"],
        ["身份证", "身份证号", "证件号码"],
        ["维护", "系统维护", "升级"],
        ["客服", "人工客服", "联系客服"],
        ["风控", "风险审核", "风险控制"],
        ["失败", "不成功", "不通过", "未通过", "被拒"],
        ["sms code", "verification code", "sms", "text message", "one-time code"],
        ["bind card", "card binding", "link card", "add card"],
        ["real-name", "identity verification", "verify identity", "kyc"],
        ["open", "opening", "apply", "application"],
        ["frozen", "freeze", "restricted", "blocked"],
        ["limit", "cap", "quota"],
    ];
}
