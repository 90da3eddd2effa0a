namespace WalletHelp.Web.Infrastructure.ReaderPages;

/// <summary>
/// Marks a reader page or an anonymous API endpoint whose anonymous GET answers may be served from the output cache,
/// and names the tags that evict them (<see cref="ReaderCache"/>). Pages carry it as <c>@attribute [ReaderCache(…)]</c>;
/// endpoints as metadata (<c>.WithMetadata(new ReaderCacheAttribute(…))</c>).
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ReaderCacheAttribute(params string[] tags) : Attribute
{
    public IReadOnlyList<string> Tags { get; } = tags;
}
