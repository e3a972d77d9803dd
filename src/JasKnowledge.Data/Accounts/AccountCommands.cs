using System.Security.Cryptography;
using JasKnowledge.Core.Localization;
using Microsoft.AspNetCore.Identity;

namespace JasKnowledge.Data.Accounts;

/// <summary>Creates accounts from the command line: the first administrator, and later others. There is
/// never a default password: the command makes a random one-time password (or takes one from stdin),
/// and the account must choose its own at the first sign-in.</summary>
public sealed class AccountCommands(
    UserManager<PortalUser> users, RoleManager<IdentityRole> roles, IEnumerable<IGemeenteNames> gemeenteNames, CultureCatalog cultures)
{
    /// <param name="languages">For a translator: the languages they translate into (none: every language).</param>
    public async Task<(PortalUser? User, string? Password, IReadOnlyList<AccountProblem> Problems)> CreateAsync(
        string email, string role, string? gemeente, string? password, IEnumerable<string?>? languages = null)
    {
        if (!PortalRoles.All.Contains(role)) return (null, null, [AccountProblem.NotARole(role)]);
        if (email.Length > AccountProblem.MaxAddress) return (null, null, [AccountProblem.AddressTooLong(email.Length)]);
        if (role != PortalRoles.MunicipalEditor && gemeente is not null) return (null, null, [AccountProblem.OnlyMunicipalEditorsHaveAGemeente]);
        if (await GemeenteProblemAsync(role, gemeente) is { } problem) return (null, null, [problem]);
        var (stored, languageProblem) = TranslatorLanguages.Check(role, languages, cultures);
        if (languageProblem is not null) return (null, null, [languageProblem]);
        if (await users.FindByEmailAsync(email) is not null) return (null, null, [AccountProblem.AccountExists(email)]);
        foreach (var name in PortalRoles.All)
        {
            if (!await roles.RoleExistsAsync(name)) await roles.CreateAsync(new IdentityRole(name));
        }
        var generated = password is null;
        password ??= NewPassword();
        var user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true, Gemeente = gemeente, Languages = stored,
            MustChangePassword = true, LockoutEnabled = true };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded) return (null, null, created.Errors.Select(AccountProblem.From).ToList());
        await users.AddToRoleAsync(user, role);
        return (user, generated ? password : null, []);
    }

    /// <summary>Why a municipal editor cannot be bound to <paramref name="gemeente"/>: not four digits, or a
    /// code the published CBS list does not have (such an account could edit nothing). Null when it can, or for other roles.</summary>
    public async Task<AccountProblem?> GemeenteProblemAsync(string role, string? gemeente, CancellationToken cancellationToken = default)
    {
        if (role != PortalRoles.MunicipalEditor) return null;
        if (gemeente is not { Length: 4 } || !gemeente.All(char.IsAsciiDigit)) return AccountProblem.GemeenteCodeMissing;
        foreach (var source in gemeenteNames)
            if (await source.NamesAsync(cancellationToken) is { Count: > 0 } names && !names.ContainsKey(gemeente))
                return AccountProblem.NoSuchGemeente(gemeente);
        return null;
    }

    /// <summary>20 random characters without look-alikes (about 115 bits): never common, never an address.</summary>
    public static string NewPassword()
    {
        static IEnumerable<char> Pick(string from, int count)
            => Enumerable.Range(0, count).Select(_ => from[RandomNumberGenerator.GetInt32(from.Length)]);
        var chars = Pick("abcdefghjkmnpqrstuvwxyz", 8).Concat(Pick("ABCDEFGHJKLMNPQRSTUVWXYZ", 8)).Concat(Pick("23456789", 3)).Concat(Pick("-._!", 1))
            .ToArray();
        RandomNumberGenerator.Shuffle(chars.AsSpan());
        return new string(chars);
    }
}
