using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;

namespace JasKnowledge.Data.Accounts;

/// <summary>
/// The authenticator-app second factor (TOTP, RFC 6238: HMAC-SHA1, 30-second steps, six digits), with
/// what Identity's own provider leaves out: a code works once. The time step of the last accepted code
/// is kept with the account, and a code of that step or an earlier one is refused, so a code read over
/// someone's shoulder or from a log cannot be used again while it is still valid (RFC 6238 §5.2).
/// One step of clock drift either way is accepted.
/// </summary>
public sealed class OneTimeAuthenticatorCodes(TimeProvider clock) : IUserTwoFactorTokenProvider<PortalUser>
{
    public const string Name = "Authenticator";
    private const string LastStepToken = "AuthenticatorLastStep";
    private const string LoginProvider = "[JasKnowledge]";

    public Task<string> GenerateAsync(string purpose, UserManager<PortalUser> manager, PortalUser user) =>
        Task.FromResult(string.Empty); // the app makes the codes, not the portal

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<PortalUser> manager, PortalUser user) =>
        !string.IsNullOrWhiteSpace(await manager.GetAuthenticatorKeyAsync(user));

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<PortalUser> manager, PortalUser user)
    {
        if (token.Length != 6 || !token.All(char.IsAsciiDigit)) return false;
        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrWhiteSpace(key)) return false;
        var secret = Base32(key);
        if (secret is null) return false;
        var now = clock.GetUtcNow().ToUnixTimeSeconds() / 30;
        for (var triedAgain = false; ; triedAgain = true)
        {
            // Read again on a second try: the same code may have been used meanwhile, and then it is refused.
            var lastStep = await manager.GetAuthenticationTokenAsync(user, LoginProvider, LastStepToken);
            var last = long.TryParse(lastStep, CultureInfo.InvariantCulture, out var step) ? step : long.MinValue;
            var matched = Matching(secret, token, now, last);
            if (matched is null) return false;
            var saved = await manager.SetAuthenticationTokenAsync(
                user, LoginProvider, LastStepToken, matched.Value.ToString(CultureInfo.InvariantCulture));
            if (saved.Succeeded) return true;
            // Saved elsewhere at the same moment: the code is right, only its use was not recorded.
            if (manager is not PortalUserManager portal || !PortalUserManager.IsConcurrencyFailure(saved)
                || !await portal.TryAgainAfterConflictAsync(user, triedAgain))
                return false;
        }
    }

    /// <summary>The step of the code within one step of drift, if it is later than the last one accepted.</summary>
    private static long? Matching(byte[] secret, string token, long now, long last)
    {
        for (var candidate = now - 1; candidate <= now + 1; candidate++)
            if (candidate > last && CryptographicOperations.FixedTimeEquals(Code(secret, candidate), System.Text.Encoding.ASCII.GetBytes(token)))
                return candidate;
        return null;
    }

    /// <summary>The six digits for one time step (RFC 4226 dynamic truncation).</summary>
    public static byte[] Code(byte[] secret, long step)
    {
        var counter = new byte[8];
        System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(counter, step);
        var hash = HMACSHA1.HashData(secret, counter);
        var offset = hash[^1] & 0x0f;
        var binary = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return System.Text.Encoding.ASCII.GetBytes((binary % 1_000_000).ToString("D6", CultureInfo.InvariantCulture));
    }

    /// <summary>The shared key as Identity keeps it (Base32, RFC 4648); null when it is not Base32.</summary>
    public static byte[]? Base32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in text.ToUpperInvariant())
        {
            if (c is ' ' or '=' or '-') continue;
            var value = alphabet.IndexOf(c, StringComparison.Ordinal);
            if (value < 0) return null;
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits < 8) continue;
            bits -= 8;
            bytes.Add((byte)((buffer >> bits) & 0xff));
        }
        return [.. bytes];
    }
}
