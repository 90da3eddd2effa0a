using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace WalletHelp.LoadTest;

/// <summary>
/// One live Blazor Server circuit without a browser, speaking what <c>blazor.web.js</c> (.NET 10) speaks: reads the
/// prerendered page's component markers, connects to <c>/_blazor</c> with the blazorpack protocol, <c>StartCircuit</c>
/// then <c>UpdateRootComponents</c> with the markers, acknowledges every render batch (<c>OnRenderCompleted</c>),
/// answers the JS interop calls the server makes (<c>EndInvokeJSFromDotNet</c>: null, or a fresh JS object reference
/// for <c>import</c>), and raises DOM events through <c>BeginInvokeDotNetFromJS(…, "DispatchEventAsync", …)</c> on the
/// renderer's interop object (captured from <c>Blazor._internal.attachWebRendererInterop</c>).
/// </summary>
public sealed partial class BlazorCircuit : IAsyncDisposable
{
    private readonly HubConnection connection;
    private readonly ConcurrentDictionary<string, HandlerElement> handlers = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource interopReady = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long rendererObjectId = -1;
    private long nextCallId;
    private long nextJsObjectId = 1000;
    private TaskCompletionSource<TimeSpan>? waitingForRender;
    private long eventSentAt;
    private readonly TaskCompletionSource firstRender = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private BlazorCircuit(HubConnection connection)
    {
        this.connection = connection;
    }

    public int Batches => batches;

    private int batches;

    /// <summary>The last error the server reported (JS.Error, a failed event, a closed connection), else null.</summary>
    public string? Error { get; private set; }

    public bool IsConnected => connection.State == HubConnectionState.Connected && Error is null;

    /// <summary>Elements with event handlers seen so far, by id, by data-testid and by "#handler-id".</summary>
    public IReadOnlyDictionary<string, HandlerElement> Handlers => handlers;

    public static async Task<BlazorCircuit> StartAsync(Uri baseUri, string path, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        cancellationToken = limit.Token;
        var cookies = new CookieContainer();
        using var http = new HttpClient(new SocketsHttpHandler { CookieContainer = cookies, UseCookies = true }) { BaseAddress = baseUri, Timeout = timeout };
        var pageUri = new Uri(baseUri, path);
        var html = await http.GetStringAsync(pageUri, cancellationToken);

        var markers = new List<JsonElement>();
        foreach (Match m in Marker().Matches(html))
        {
            var json = JsonDocument.Parse(m.Groups[1].Value).RootElement.Clone();
            if (json.TryGetProperty("descriptor", out _) && json.TryGetProperty("type", out var type) && type.GetString() == "server")
            {
                markers.Add(json);
            }
        }
        if (markers.Count == 0)
        {
            throw new InvalidOperationException($"{path} has no interactive server component markers.");
        }
        var state = State().Match(html) is { Success: true } s ? s.Groups[1].Value : "";

        var builder = new HubConnectionBuilder()
            .WithUrl(new Uri(baseUri, "_blazor"), o =>
            {
                o.Cookies = cookies;
                o.Transports = HttpTransportType.WebSockets;
            });
        builder.Services.AddSingleton<IHubProtocol, BlazorPackProtocol>();
        if (Tracing)
        {
            builder.Services.AddLogging(l => l.AddProvider(new TraceLoggerProvider()));
        }
        var circuit = new BlazorCircuit(builder.Build());
        circuit.Wire();
        Trace("page read, connecting");
        await circuit.connection.StartAsync(cancellationToken);
        Trace("connected, starting the circuit");
        var circuitId = await circuit.connection.InvokeAsync<string?>("StartCircuit", baseUri.ToString(), pageUri.ToString(), "[]", state, cancellationToken);
        if (string.IsNullOrEmpty(circuitId))
        {
            throw new InvalidOperationException("StartCircuit returned no circuit id.");
        }
        Trace($"circuit {circuitId}, adding {markers.Count} root components");
        var operations = markers.Select((marker, i) => new { type = "add", ssrComponentId = i + 1, marker }).ToList();
        await circuit.connection.SendAsync("UpdateRootComponents", JsonSerializer.Serialize(new { batchId = 1, operations }), state, cancellationToken);
        await Task.WhenAll(circuit.firstRender.Task, circuit.interopReady.Task).WaitAsync(timeout, cancellationToken);
        return circuit;
    }

    private void Wire()
    {
        connection.On("JS.RenderBatch", [typeof(long), typeof(byte[])], async args =>
        {
            var batchId = (long)args[0]!;
            var data = (byte[])args[1]!;
            foreach (var element in RenderBatchReader.Handlers(data))
            {
                if (element.Id is { } id) handlers[id] = element;
                if (element.TestId is { } testId) handlers[testId] = element;
                // Elements without an id (the template counter's button) by their handler id.
                handlers["#" + element.HandlerId.ToString(System.Globalization.CultureInfo.InvariantCulture)] = element;
            }
            Interlocked.Increment(ref batches);
            Trace($"batch {batchId}: {data.Length} bytes");
            if (Interlocked.Exchange(ref waitingForRender, null) is { } waiting)
            {
                waiting.TrySetResult(Stopwatch.GetElapsedTime(Interlocked.Read(ref eventSentAt)));
            }
            firstRender.TrySetResult();
            await connection.SendAsync("OnRenderCompleted", batchId, null);
        });
        connection.On("JS.BeginInvokeJS", [typeof(long), typeof(string), typeof(string), typeof(int), typeof(long), typeof(int)], async args =>
        {
            var asyncHandle = (long)args[0]!;
            var identifier = (string)args[1]!;
            var argsJson = (string?)args[2];
            var resultType = (int)args[3]!;
            object? result = null;
            Trace($"JS call {identifier} ({resultType}) {argsJson?[..Math.Min(argsJson.Length, 200)]}");
            if (identifier == "Blazor._internal.attachWebRendererInterop" && argsJson is not null)
            {
                using var doc = JsonDocument.Parse(argsJson);
                foreach (var arg in doc.RootElement.EnumerateArray())
                {
                    if (arg.ValueKind == JsonValueKind.Object && arg.TryGetProperty("__dotNetObject", out var id))
                    {
                        Interlocked.Exchange(ref rendererObjectId, id.GetInt64());
                        interopReady.TrySetResult();
                        break;
                    }
                }
            }
            if (resultType == 1)
            {
                // A JS object reference (e.g. the module of `import`): any fresh id will do.
                result = new Dictionary<string, long> { ["__jsObjectId"] = Interlocked.Increment(ref nextJsObjectId) };
            }
            if (asyncHandle != 0)
            {
                await connection.SendAsync("EndInvokeJSFromDotNet", asyncHandle, true, JsonSerializer.Serialize(new object?[] { asyncHandle, true, result }));
            }
        });
        connection.On("JS.EndInvokeDotNet", [typeof(string), typeof(bool), typeof(string)], args =>
        {
            Trace($"EndInvokeDotNet {args[0]} {args[1]} {args[2]}");
            if (args[1] is false)
            {
                Error = "event failed: " + args[2];
            }
            return Task.CompletedTask;
        });
        connection.On("JS.Error", [typeof(string)], args =>
        {
            Error = "JS.Error: " + args[0];
            Trace(Error);
            return Task.CompletedTask;
        });
        connection.Closed += ex =>
        {
            Error ??= "closed: " + (ex?.GetType().Name ?? "by the server");
            return Task.CompletedTask;
        };
    }

    /// <summary>Raises an event on an element's handler and returns the time until the next render batch arrived.</summary>
    public async Task<TimeSpan> DispatchAsync(HandlerElement element, object eventArgs, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var callId = Interlocked.Increment(ref nextCallId).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var descriptor = new { eventHandlerId = element.HandlerId, eventName = element.EventName, eventFieldInfo = (object?)null };
        var json = JsonSerializer.Serialize(new[] { descriptor, eventArgs });
        var waiting = new TaskCompletionSource<TimeSpan>(TaskCreationOptions.RunContinuationsAsynchronously);
        Interlocked.Exchange(ref eventSentAt, Stopwatch.GetTimestamp());
        Interlocked.Exchange(ref waitingForRender, waiting);
        Trace($"dispatch {callId}: {json}");
        await connection.SendAsync("BeginInvokeDotNetFromJS", callId, null, "DispatchEventAsync", Interlocked.Read(ref rendererObjectId), json, cancellationToken);
        return await waiting.Task.WaitAsync(timeout, cancellationToken);
    }

    private static readonly bool Tracing = Environment.GetEnvironmentVariable("LOADTEST_TRACE") == "1";

    private static void Trace(string message)
    {
        if (Tracing) Console.Error.WriteLine($"[{DateTime.UtcNow:HH:mm:ss.fff}] {message}");
    }

    public async ValueTask DisposeAsync() => await connection.DisposeAsync();

    [GeneratedRegex("<!--Blazor:(\\{.*?\\})-->", RegexOptions.Singleline)]
    private static partial Regex Marker();

    [GeneratedRegex("<!--Blazor-Server-Component-State:(.*?)-->", RegexOptions.Singleline)]
    private static partial Regex State();
}
