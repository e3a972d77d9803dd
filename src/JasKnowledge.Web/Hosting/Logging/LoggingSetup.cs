using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging.Console;

namespace JasKnowledge.Web.Hosting.Logging;

public static class LoggingSetup
{
    /// <summary>The console log written in batches (<see cref="BatchedConsoleLoggerProvider"/>) in place of .NET's
    /// console logger; its settings, formatters and filters stay those of <c>Logging:Console</c>.</summary>
    public static ILoggingBuilder AddBatchedConsole(this ILoggingBuilder logging)
    {
        logging.AddConsole(); // the formatters and the binding of Logging:Console, whether or not the host added them
        foreach (var console in logging.Services.Where(d => d.ServiceType == typeof(ILoggerProvider) && d.ImplementationType == typeof(ConsoleLoggerProvider)).ToList())
            logging.Services.Remove(console);
        logging.Services.TryAddEnumerable(ServiceDescriptor.Singleton<ILoggerProvider, BatchedConsoleLoggerProvider>());
        return logging;
    }
}
