using JasKnowledge.Core.Modules;
using JasKnowledge.Data.Accounts;

namespace JasKnowledge.Web.Features.Beheer;

/// <summary><c>create-admin EMAIL</c>: the first account. There is no default password: one piped in
/// (automation) is used as given, otherwise a random one-time password is printed.</summary>
public sealed class CreateAdminCommand : IPortalCommand
{
    public string Name => "create-admin";
    public string Usage => "EMAIL";
    public string Summary => "an administrator account; prints a one-time password (or reads one from stdin)";
    public int MinArguments => 1;
    public int MaxArguments => 1;

    public Task<int> RunAsync(CommandContext context) =>
        AccountCommandLine.CreateAsync(context, context.Arguments[0], PortalRoles.Administrator, null);
}

/// <summary><c>add-user EMAIL ROLE [GEMEENTE|TALEN]</c>: an account with a role; a municipal editor names the
/// CBS code of their municipality, a translator may name their languages (<c>ar,ti</c>; without them: every language).</summary>
public sealed class AddUserCommand : IPortalCommand
{
    public string Name => "add-user";
    public string Usage => "EMAIL ROLE [GEMEENTE|TALEN]";
    public string Summary => $"an account with one role ({string.Join(", ", PortalRoles.All)}); prints a one-time password";
    public int MinArguments => 2;
    public int MaxArguments => 3;

    public Task<int> RunAsync(CommandContext context)
    {
        var (role, third) = (context.Arguments[1], context.Arguments.ElementAtOrDefault(2));
        return role == PortalRoles.Translator
            ? AccountCommandLine.CreateAsync(context, context.Arguments[0], role, null, third?.Split(',', StringSplitOptions.TrimEntries))
            : AccountCommandLine.CreateAsync(context, context.Arguments[0], role, third);
    }
}

internal static class AccountCommandLine
{
    public static async Task<int> CreateAsync(CommandContext context, string email, string role, string? gemeente, string[]? languages = null)
    {
        // A password piped in (for automation) is used as given; otherwise a random one is shown once.
        var password = Console.IsInputRedirected ? (await Console.In.ReadLineAsync())?.Trim() : null;
        await using var scope = context.Services.CreateAsyncScope();
        var (user, generated, problems) = await scope.ServiceProvider.GetRequiredService<AccountCommands>()
            .CreateAsync(email, role, gemeente, string.IsNullOrEmpty(password) ? null : password, languages);
        foreach (var problem in problems) await context.Error.WriteLineAsync(problem.English);
        if (user is null) return 1;
        await context.Output.WriteLineAsync($"Created {role} {email}{(gemeente is null ? "" : $" for municipality {gemeente}")}"
            + $"{(user.Languages is null ? "" : $" translating into {user.Languages.Replace(' ', ',')}")}.");
        if (generated is not null) await context.Output.WriteLineAsync(
            $"One-time password (choose a new one at the first sign-in at {BeheerFeature.LoginPath}): {generated}");
        return 0;
    }
}
