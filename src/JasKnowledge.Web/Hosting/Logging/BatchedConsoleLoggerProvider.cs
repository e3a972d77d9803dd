using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace JasKnowledge.Web.Hosting.Logging;

/// <summary>
/// The console log with .NET's own formatters and settings (<c>Logging:Console</c>: the JSON formatter with
/// scopes, the filters, the standard-error threshold, the queue length), written through
/// <see cref="ConsoleLineWriter"/>: each line is formatted on the thread that logs it and written in batches.
/// </summary>
[ProviderAlias("Console")]
internal sealed class BatchedConsoleLoggerProvider : ILoggerProvider, ISupportExternalScope
{
    private readonly IOptionsMonitor<ConsoleLoggerOptions> _options;
    private readonly Dictionary<string, ConsoleFormatter> _formatters;
    private readonly ConsoleLineWriter _writer;
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public BatchedConsoleLoggerProvider(IOptionsMonitor<ConsoleLoggerOptions> options, IEnumerable<ConsoleFormatter> formatters)
        : this(options, formatters, Console.Out, Console.Error)
    {
    }

    public BatchedConsoleLoggerProvider(
        IOptionsMonitor<ConsoleLoggerOptions> options, IEnumerable<ConsoleFormatter> formatters, TextWriter output, TextWriter error)
    {
        _options = options;
        _formatters = formatters.GroupBy(f => f.Name, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.Last(), StringComparer.OrdinalIgnoreCase);
        _writer = new ConsoleLineWriter(output, error, options.CurrentValue.MaxQueueLength);
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose() => _writer.Dispose();

    /// <summary>The formatter the settings name (simple when none or an unknown one is named, as .NET does).</summary>
    private ConsoleFormatter Formatter =>
        _formatters.GetValueOrDefault(_options.CurrentValue.FormatterName ?? ConsoleFormatterNames.Simple)
        ?? _formatters[ConsoleFormatterNames.Simple];

    private sealed class Logger(BatchedConsoleLoggerProvider provider, string category) : ILogger
    {
        /// <summary>Each thread formats into its own writer, reused line after line.</summary>
        [ThreadStatic] private static StringWriter? _text;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => provider._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel)) return;
            var text = _text ??= new StringWriter();
            provider.Formatter.Write(new LogEntry<TState>(logLevel, category, eventId, state, exception, formatter), provider._scopes, text);
            var builder = text.GetStringBuilder();
            if (builder.Length == 0) return;
            var line = builder.ToString();
            builder.Clear();
            if (builder.Capacity > 4096) builder.Capacity = 4096; // after a long exception, as .NET's console logger does
            provider._writer.Add(line, logLevel >= provider._options.CurrentValue.LogToStandardErrorThreshold);
        }
    }
}
