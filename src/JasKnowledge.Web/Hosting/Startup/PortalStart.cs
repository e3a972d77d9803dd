using JasKnowledge.Core.Modules;
using JasKnowledge.Web.Hosting.Commands;

namespace JasKnowledge.Web.Hosting.Startup;

/// <summary>
/// How the program starts, apart from what it composes: a command given on the command line is looked up before anything
/// else (an unknown one prints the list and ends), the database is migrated and, for the server, filled from the content
/// folder on a first start; then the command runs or the portal serves.
/// </summary>
public sealed class PortalStart
{
    private readonly CommandLine? _commandLine;
    private readonly IPortalCommand? _command;
    private readonly string _contentFolder;

    private PortalStart(CommandLine? commandLine, IPortalCommand? command, string contentFolder, int? exitCode)
    {
        (_commandLine, _command, _contentFolder, ExitCode) = (commandLine, command, contentFolder, exitCode);
    }

    /// <summary>Set when the program must end before serving or running a command (help, a wrong command, no database).</summary>
    public int? ExitCode { get; }

    public static async Task<PortalStart> PrepareAsync(WebApplication app, CommandLine? commandLine)
    {
        var contentFolder = ContentFolder.Of(app.Configuration);
        var command = commandLine?.Find(app.Services, Console.Out, Console.Error);
        if (commandLine is not null && command is null)
            return new PortalStart(commandLine, null, contentFolder, commandLine.Name == CommandLine.Help ? 0 : CommandLine.WrongUse);
        var ready = await DatabaseStartup.RunAsync(app.Services, command is null ? contentFolder : null, Console.Error);
        return new PortalStart(commandLine, command, contentFolder, ready ? null : 1);
    }

    public async Task<int> RunAsync(WebApplication app)
    {
        if (_command is not null) return await _commandLine!.RunAsync(app, _command, _contentFolder, Console.Out, Console.Error);
        await app.RunAsync();
        return 0;
    }
}
