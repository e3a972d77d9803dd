using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;

namespace JasKnowledge.Data.Accounts;

/// <summary>
/// Identity's account store, except that recovery codes are kept as hashes: Identity keeps them as
/// plain text, so anyone who read the database (or a backup) could pass the second step of every
/// account. Each code is hashed with PBKDF2 (SHA-256) salted with the account's id; codes made before
/// this change (plain text) still work once, and are gone when new codes are made.
/// </summary>
public sealed class HashedRecoveryCodes(JasDbContext db, IdentityErrorDescriber? describer = null)
    : UserStore<PortalUser, IdentityRole, JasDbContext>(db, describer)
{
    private const string Marker = "pbkdf2:";
    private const int Iterations = 100_000;

    public override Task ReplaceCodesAsync(PortalUser user, IEnumerable<string> recoveryCodes, CancellationToken cancellationToken = default) =>
        base.ReplaceCodesAsync(user, recoveryCodes.Select(code => Hash(user, code)), cancellationToken);

    public override async Task<bool> RedeemCodeAsync(PortalUser user, string code, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(code);
        var kept = (await GetTokenAsync(user, "[AspNetUserStore]", "RecoveryCodes", cancellationToken) ?? "")
            .Split(';', StringSplitOptions.RemoveEmptyEntries).ToList();
        var hashed = Hash(user, code);
        var match = kept.FindIndex(k => k.StartsWith(Marker, StringComparison.Ordinal)
            ? CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(k), Encoding.ASCII.GetBytes(hashed))
            : CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(k), Encoding.UTF8.GetBytes(code)));
        if (match < 0) return false;
        kept.RemoveAt(match);
        // The rest are written as they are: already hashed, or plain ones from before.
        await base.ReplaceCodesAsync(user, kept, cancellationToken);
        return true;
    }

    private static string Hash(PortalUser user, string code) =>
        Marker + Convert.ToBase64String(Rfc2898DeriveBytes.Pbkdf2(
            Encoding.UTF8.GetBytes(code), Encoding.UTF8.GetBytes(user.Id), Iterations, HashAlgorithmName.SHA256, 32));
}
