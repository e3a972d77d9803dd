using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;

namespace JasKnowledge.Data.Accounts;

/// <summary>Creates accounts from the command line: the first administrator, and later others. There is
/// never a default password: the command makes a random one-time password (or takes one from stdin),
/// and the account must choose its own at the first sign-in.</summary>
public sealed class AccountCommands(UserManager<PortalUser> users, RoleManager<IdentityRole> roles)
{
    public async Task<(PortalUser? User, string? Password, IReadOnlyList<string> Problems)> CreateAsync(
        string email, string role, string? gemeente, string? password)
    {
        if (!PortalRoles.All.Contains(role)) return (null, null, [$"'{role}' is not a role. Roles: {string.Join(", ", PortalRoles.All)}."]);
        if (role == PortalRoles.MunicipalEditor && string.IsNullOrWhiteSpace(gemeente)) return (
            null, null, ["A municipal editor needs the CBS code of their municipality (four digits, e.g. 0546)."]);
        if (role != PortalRoles.MunicipalEditor && gemeente is not null) return (null, null, ["Only a municipal editor is bound to a municipality."]);
        if (await users.FindByEmailAsync(email) is not null) return (null, null, [$"An account for {email} exists already."]);
        foreach (var name in PortalRoles.All)
        {
            if (!await roles.RoleExistsAsync(name)) await roles.CreateAsync(new IdentityRole(name));
        }
        var generated = password is null;
        password ??= NewPassword();
        var user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true, Gemeente = gemeente, MustChangePassword = true,
            LockoutEnabled = true };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded) return (null, null, created.Errors.Select(e => e.Description).ToList());
        await users.AddToRoleAsync(user, role);
        return (user, generated ? password : null, []);
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
