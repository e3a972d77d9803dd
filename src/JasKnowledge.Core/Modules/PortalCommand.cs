namespace JasKnowledge.Core.Modules;

/// <summary>
/// A command of the portal's executable besides serving (<c>-- import</c>, <c>-- edition 1.2 …</c>).
/// Each feature or module registers its own; the host only parses the command line and runs the one
/// named. <see cref="Usage"/> is the arguments after the name; a command given too few or too many is
/// not run, and the host prints the list of commands instead.
/// </summary>
public interface IPortalCommand
{
    string Name { get; }
    /// <summary>The arguments, e.g. <c>EMAIL ROLE [GEMEENTE]</c>; empty when it takes none.</summary>
    string Usage { get; }
    /// <summary>One line for <c>--help</c>.</summary>
    string Summary { get; }
    int MinArguments { get; }
    int MaxArguments { get; }
    /// <summary>The command has Chromium print pages of the portal itself, so the portal serves them
    /// (on a free loopback port) while it runs.</summary>
    bool ServesPages => false;

    /// <returns>The exit status: 0 done, 1 failed, 2 wrong use (the host then prints the list).</returns>
    Task<int> RunAsync(CommandContext context);
}

/// <summary>What a command runs with. <see cref="Address"/> is where the portal serves its pages while a
/// command that serves pages runs (null otherwise); <see cref="ContentFolder"/> is the shipped content.</summary>
public sealed record CommandContext(IServiceProvider Services, IReadOnlyList<string> Arguments, string ContentFolder, string? Address,
    TextWriter Output, TextWriter Error, CancellationToken CancellationToken = default);
