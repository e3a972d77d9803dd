using Microsoft.AspNetCore.DataProtection;

namespace JasKnowledge.Web.Features.Beheer.Inhoud;

/// <summary>
/// Shareable links to a draft for people without an account (a colleague, a translator's reviewer):
/// /voorbeeld/{token}, where the token is the item and version number protected by ASP.NET Core data
/// protection with an expiry. It cannot be forged or changed, and it stops working when it expires.
/// </summary>
public sealed class PreviewLinks(IDataProtectionProvider protection, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);
    private readonly ITimeLimitedDataProtector _protector = protection.CreateProtector("JasKnowledge.Preview.v1").ToTimeLimitedDataProtector();

    public (string Url, DateTimeOffset Expires) Create(Guid itemId, int version) => Create(itemId, version, clock.GetUtcNow() + Lifetime);

    public (string Url, DateTimeOffset Expires) Create(Guid itemId, int version, DateTimeOffset expires) =>
        ($"/voorbeeld/{_protector.Protect($"{itemId:N}:{version}", expires)}", expires);

    /// <summary>The item and version of a valid token; null when it is expired, changed or made up.</summary>
    public (Guid ItemId, int Version)? Read(string token)
    {
        try
        {
            var parts = _protector.Unprotect(token).Split(':');
            return parts.Length == 2 && Guid.TryParseExact(parts[0], "N", out var id) && int.TryParse(parts[1], out var number) ? (id, number) : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }
}
