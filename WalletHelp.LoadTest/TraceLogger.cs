using Microsoft.Extensions.Logging;

namespace WalletHelp.LoadTest;

/// <summary>The SignalR client's own log on standard error (LOADTEST_TRACE=1), to see protocol problems.</summary>
internal sealed class TraceLoggerProvider : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new TraceLogger(categoryName);

    public void Dispose()
    {
    }

    private sealed class TraceLogger(string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Debug;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Console.Error.WriteLine($"[{DateTime.UtcNow:HH:mm:ss.fff}] {logLevel} {category}: {formatter(state, exception)} {exception?.Message}");
    }
}
