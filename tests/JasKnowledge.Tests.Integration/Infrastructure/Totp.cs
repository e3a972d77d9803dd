using System.Security.Cryptography;

namespace JasKnowledge.Tests.Integration.Infrastructure;

/// <summary>What an authenticator app computes (RFC 6238 on RFC 4226: HMAC-SHA1, 30-second steps, six
/// digits) from the shared key as the portal shows it (Base32, RFC 4648, case and spaces ignored).
/// Written here so the tests check the portal against the standard, not against itself.</summary>
public static class Totp
{
    public static string Code(string base32Key, DateTimeOffset? at = null)
    {
        var step = (ulong)((at ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds() / 30);
        var counter = new byte[8];
        for (var i = 7; i >= 0; i--, step >>= 8) counter[i] = (byte)(step & 0xff);
        var hash = HMACSHA1.HashData(FromBase32(base32Key), counter);
        var offset = hash[^1] & 0x0f;
        var binary = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, long> LastStep = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>A code the portal has not accepted before for this account: it takes each code once
    /// (replay protection), so a second sign-in within the same 30 seconds uses the next step's code,
    /// which the portal accepts as one step of clock drift, or waits for it, as a person would.</summary>
    public static async Task<string> FreshAsync(string account, string base32Key)
    {
        while (true)
        {
            var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30;
            var last = LastStep.GetValueOrDefault(account, long.MinValue);
            var step = Math.Max(now, last + 1);
            if (step <= now + 1)
            {
                if (!LastStep.TryUpdate(account, step, last) && !(last == long.MinValue && LastStep.TryAdd(account, step))) continue;
                return Code(base32Key, DateTimeOffset.FromUnixTimeSeconds(step * 30));
            }
            await Task.Delay(TimeSpan.FromSeconds(30 - DateTimeOffset.UtcNow.ToUnixTimeSeconds() % 30 + 1));
        }
    }

    public static byte[] FromBase32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in text.ToUpperInvariant())
        {
            if (c is ' ' or '=' or '-') continue;
            var value = alphabet.IndexOf(c, StringComparison.Ordinal);
            if (value < 0) throw new FormatException($"'{c}' is not Base32.");
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                bytes.Add((byte)((buffer >> bits) & 0xff));
            }
        }
        return [.. bytes];
    }
}
