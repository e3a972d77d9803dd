using System.Text;
using System.Text.Json;
using JasKnowledge.Web.Hosting.Logging;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace JasKnowledge.Tests.Unit;

/// <summary>The console log written in batches: every line whole and in order, errors to standard error,
/// nothing lost on stopping, and a console that does not keep up costs lines (counted), never memory.</summary>
public class BatchedConsoleLogTests
{
    [Fact]
    public void Lines_from_many_threads_all_arrive_whole_and_each_thread_s_in_order()
    {
        var output = new StringWriter();
        using (var writer = new ConsoleLineWriter(TextWriter.Synchronized(output), TextWriter.Null, capacity: 100_000))
        {
            Parallel.For(0, 8, thread =>
            {
                for (var i = 0; i < 2_000; i++) writer.Add($"thread {thread} line {i} {new string('x', i % 50)}\n", toError: false);
            });
        }
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(16_000, lines.Length);
        foreach (var group in lines.Select(l => l.Split(' ')).GroupBy(parts => parts[1]))
        {
            var numbers = group.Select(parts => int.Parse(parts[3])).ToList();
            Assert.Equal(Enumerable.Range(0, 2_000), numbers);
            Assert.All(group, parts => Assert.Equal(int.Parse(parts[3]) % 50, parts.Length > 4 ? parts[4].Length : 0));
        }
    }

    [Fact]
    public void A_line_added_to_an_idle_writer_appears_without_more_lines_coming()
    {
        var output = new LockedWriter(); // read while the writer's thread writes: a bare StringWriter tore once in CI
        using var writer = new ConsoleLineWriter(output, TextWriter.Null, capacity: 10);
        for (var round = 0; round < 20; round++)
        {
            writer.Add($"line {round}\n", toError: false);
            var deadline = DateTime.UtcNow.AddSeconds(5);
            while (!output.Text.Contains($"line {round}\n") && DateTime.UtcNow < deadline) Thread.Sleep(1);
            Assert.Contains($"line {round}\n", output.Text);
            Thread.Sleep(round % 3 * 7); // the writer idle again, or still gathering
        }
    }

    [Fact]
    public void A_console_that_does_not_keep_up_drops_lines_beyond_the_capacity_and_says_how_many()
    {
        var output = new BlockingWriter();
        var error = new StringWriter();
        using (var writer = new ConsoleLineWriter(output, TextWriter.Synchronized(error), capacity: 100))
        {
            writer.Add("first\n", toError: false);
            Assert.True(output.Writing.Wait(TimeSpan.FromSeconds(5))); // taken from the queue, stuck in the console
            for (var i = 0; i < 105; i++) writer.Add($"line {i}\n", toError: false);
            output.Release.Set();
        }
        var written = output.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["first", .. Enumerable.Range(0, 100).Select(i => $"line {i}")], written);
        Assert.Equal("5 log line(s) dropped: standard output did not keep up.", error.ToString().Trim());
    }

    [Fact]
    public void The_provider_writes_the_configured_json_lines_with_scopes_and_errors_to_standard_error()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Logging:Console:FormatterName"] = "json",
            ["Logging:Console:FormatterOptions:IncludeScopes"] = "true",
            ["Logging:Console:LogToStandardErrorThreshold"] = "Error",
        }).Build();
        using var services = new ServiceCollection()
            .AddLogging(logging => logging.AddConfiguration(configuration.GetSection("Logging")).AddBatchedConsole())
            .BuildServiceProvider();
        Assert.IsType<BatchedConsoleLoggerProvider>(Assert.Single(services.GetServices<ILoggerProvider>(), p => p is BatchedConsoleLoggerProvider or ConsoleLoggerProvider));

        var output = new StringWriter();
        var error = new StringWriter();
        var provider = new BatchedConsoleLoggerProvider(
            services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>(), services.GetServices<ConsoleFormatter>(),
            TextWriter.Synchronized(output), TextWriter.Synchronized(error));
        provider.SetScopeProvider(new LoggerExternalScopeProvider());
        var logger = provider.CreateLogger("Jas.Test");
        using (logger.BeginScope(new Dictionary<string, object> { ["TraceId"] = "abc123" }))
        {
            logger.LogInformation("Published {Slug}", "het-gesprek");
            logger.LogError(new InvalidOperationException("broken"), "Could not publish {Slug}", "sessie-2");
        }
        provider.Dispose();

        using var line = JsonDocument.Parse(output.ToString().Trim());
        Assert.Equal("Published het-gesprek", line.RootElement.GetProperty("Message").GetString());
        Assert.Equal("Jas.Test", line.RootElement.GetProperty("Category").GetString());
        Assert.Equal("abc123", line.RootElement.GetProperty("Scopes")[0].GetProperty("TraceId").GetString());
        using var failure = JsonDocument.Parse(error.ToString().Trim());
        Assert.Equal("Error", failure.RootElement.GetProperty("LogLevel").GetString());
        Assert.Contains("broken", failure.RootElement.GetProperty("Exception").GetString());
    }

    /// <summary>A console whose text can be read while another thread writes to it.</summary>
    private sealed class LockedWriter : TextWriter
    {
        private readonly StringBuilder _text = new();
        public override Encoding Encoding => Encoding.UTF8;
        public string Text { get { lock (_text) return _text.ToString(); } }
        public override void Write(char value) { lock (_text) _text.Append(value); }
        public override void Write(string? value) { lock (_text) _text.Append(value); }
        public override void Write(StringBuilder? value) { lock (_text) _text.Append(value); }
    }

    /// <summary>A console stuck in its first write until released.</summary>
    private sealed class BlockingWriter : TextWriter
    {
        private readonly StringBuilder _text = new();
        public ManualResetEventSlim Writing { get; } = new();
        public ManualResetEventSlim Release { get; } = new();
        public override Encoding Encoding => Encoding.UTF8;
        public string Text { get { lock (_text) return _text.ToString(); } }

        public override void Write(char value) => Write(value.ToString());

        public override void Write(string? value)
        {
            Writing.Set();
            Release.Wait();
            lock (_text) _text.Append(value);
        }

        public override void Write(StringBuilder? value) => Write(value?.ToString());
    }
}
