using Microsoft.AspNetCore.OutputCaching;

namespace WalletHelp.Tests.TestSupport;

/// <summary>An output-cache store that keeps nothing: for tests of what happens beside the store on an eviction.</summary>
public sealed class NullOutputCacheStore : IOutputCacheStore
{
    public ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken) => ValueTask.FromResult<byte[]?>(null);

    public ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
