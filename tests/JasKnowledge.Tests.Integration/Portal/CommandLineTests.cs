using JasKnowledge.Tests.Integration.Infrastructure;

namespace JasKnowledge.Tests.Integration.Portal;

/// <summary>The portal's command line as an operator meets it: every command registered by its feature
/// is listed by --help, and a mistyped command or argument never starts the web server but says what
/// exists, with status 2.</summary>
public sealed class CommandLineTests
{
    private static readonly string[] Commands =
        ["import", "export", "backup", "restore", "reindex", "edition", "sheet-files",
        "render-film", "demo-data", "create-admin", "add-user", "translations"];

    [Fact]
    public async Task Help_lists_every_command_with_one_line_each()
    {
        var (exitCode, output, error) = await PortalProcess.RunAsync(new Dictionary<string, string>(), "--help");
        Assert.True(exitCode == 0, error);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
        foreach (var command in Commands)
            Assert.Single(lines, l => l.TrimStart().StartsWith(command + " ", StringComparison.Ordinal));
        Assert.Equal(Commands.Length, lines.Count);
    }

    [Theory]
    [InlineData("vertalingen", "export", "--lang", "ar")]
    [InlineData("imprt")]
    public async Task An_unknown_command_exits_with_2_and_the_list_instead_of_serving(params string[] arguments)
    {
        var (exitCode, output, error) = await PortalProcess.RunAsync(new Dictionary<string, string>(), arguments);
        Assert.Equal(2, exitCode);
        Assert.Contains($"'{arguments[0]}' is not a command of the portal.", error);
        Assert.Contains("create-admin EMAIL", error);
        Assert.DoesNotContain("Now listening", output + error);
    }

    [Theory]
    [InlineData("Usage: create-admin EMAIL", "create-admin")]
    [InlineData("Usage: export FOLDER", "export", "a", "b")]
    [InlineData("Usage: add-user EMAIL ROLE [GEMEENTE|TALEN]", "add-user", "redactie@gemeente.nl")]
    public async Task A_wrong_number_of_arguments_exits_with_2_and_the_usage(string usage, params string[] arguments)
    {
        var (exitCode, _, error) = await PortalProcess.RunAsync(new Dictionary<string, string>(), arguments);
        Assert.Equal(2, exitCode);
        Assert.Contains(usage, error);
        Assert.Contains("reindex", error);
    }
}
