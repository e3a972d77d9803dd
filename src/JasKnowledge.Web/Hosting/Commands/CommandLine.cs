using JasKnowledge.Core.Modules;

namespace JasKnowledge.Web.Hosting.Commands;

/// <summary>
/// The portal's command line: <c>dotnet run -- NAME [ARGUMENTS] [--host-settings]</c>. The commands are
/// registered by the features and modules that own them (IPortalCommand); this class only parses the
/// line and runs the one named. No name (or only host settings such as <c>--urls=…</c>) serves the
/// portal; <c>--help</c> lists the commands; an unknown command or a wrong number of arguments exits
/// with status 2 and the list, and never starts the web server.
/// </summary>
public sealed record CommandLine(string Name, string[] Arguments)
{
    public const int WrongUse = 2;
    public const string Help = "--help";

    /// <summary>Splits the command (if any) from the arguments meant for the web host: the command is a
    /// first word that is not a setting (<c>--key=value</c>, <c>key=value</c>).</summary>
    public static (CommandLine? Command, string[] HostArgs) Parse(string[] args)
    {
        if (args.Length == 0) return (null, args);
        if (args[0] is Help or "-h" or "help") return (new CommandLine(Help, []), args[1..]);
        if (args[0].StartsWith('-') || args[0].Contains('=')) return (null, args);
        var own = args.Skip(1).TakeWhile(a => !a.StartsWith("--", StringComparison.Ordinal)).ToArray();
        return (new CommandLine(args[0], own), args.Skip(1 + own.Length).ToArray());
    }

    /// <summary>The command, or null after printing the list when it is unknown or wrongly used.</summary>
    public IPortalCommand? Find(IServiceProvider services, TextWriter output, TextWriter error)
    {
        var commands = services.GetServices<IPortalCommand>().ToList();
        var command = commands.FirstOrDefault(c => c.Name == Name);
        if (Name == Help)
        {
            WriteList(commands, output);
            return null;
        }
        if (command is null)
            error.WriteLine($"'{Name}' is not a command of the portal.");
        else if (Arguments.Length < command.MinArguments || Arguments.Length > command.MaxArguments)
            error.WriteLine($"Usage: {command.Name} {command.Usage}".TrimEnd());
        else
            return command;
        WriteList(commands, error);
        return null;
    }

    public async Task<int> RunAsync(WebApplication app, IPortalCommand command, string contentFolder, TextWriter output, TextWriter error)
    {
        if (!command.ServesPages)
            return await RunCheckedAsync(new CommandContext(app.Services, Arguments, contentFolder, null, output, error), command, error);
        // Commands that have Chromium print the portal's own pages serve them on a free loopback port,
        // so they run next to a portal that is already listening.
        app.Urls.Clear();
        app.Urls.Add("http://127.0.0.1:0");
        await app.StartAsync();
        try
        {
            var address = app.Urls.First().TrimEnd('/');
            return await RunCheckedAsync(new CommandContext(app.Services, Arguments, contentFolder, address, output, error), command, error);
        }
        finally
        {
            await app.StopAsync();
        }
    }

    private static async Task<int> RunCheckedAsync(CommandContext context, IPortalCommand command, TextWriter error)
    {
        try
        {
            var status = await command.RunAsync(context);
            if (status == WrongUse) WriteList(context.Services.GetServices<IPortalCommand>(), error);
            return status;
        }
        catch (InvalidOperationException e)
        {
            await error.WriteLineAsync($"Nothing was made: {e.Message}");
            return 1;
        }
    }

    private static void WriteList(IEnumerable<IPortalCommand> commands, TextWriter writer)
    {
        writer.WriteLine("Commands (dotnet run --project src/JasKnowledge.Web -- COMMAND …; without one, the portal serves):");
        foreach (var command in commands.OrderBy(c => c.Name, StringComparer.Ordinal))
            writer.WriteLine($"  {$"{command.Name} {command.Usage}".TrimEnd(),-46} {command.Summary}");
    }
}
