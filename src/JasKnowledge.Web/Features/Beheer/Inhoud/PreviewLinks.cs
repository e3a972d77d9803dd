using Microsoft.AspNetCore.DataProtection;

namespace JasKnowledge.Web.Features.Beheer.Inhoud;

/// <summary>
/// Shareable links to a draft for people without an account (a colleague, a translator's reviewer):
/// /voorbeeld/{token}, where the token is the item and version number protected by ASP.NET Core data
/// protection with an expiry. It cannot be forged or changed, and it stops working when it expires, or earlier when the
/// account that made it is disabled or deleted (the creator is in the token; links from before that have none).
/// </summary>
public sealed class PreviewLinks(IDataProtectionProvider protection, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);
    private readonly ITimeLimitedDataProtector _protector = protection.CreateProtector("JasKnowledge.Preview.v1").ToTimeLimitedDataProtector();

    public (string Url, DateTimeOffset Expires) Create(Guid itemId, int version, string? creator = null) =>
        Create(itemId, version, clock.GetUtcNow() + Lifetime, creator);

    public (string Url, DateTimeOffset Expires) Create(Guid itemId, int version, DateTimeOffset expires, string? creator = null) =>
        ($"/voorbeeld/{_protector.Protect($"{itemId:N}:{version}{(creator is null ? "" : ":" + creator)}", expires)}", expires);

    /// <summary>The item, version and creating account of a valid token; null when it is expired, changed or made up.</summary>
    public (Guid ItemId, int Version, string? Creator)? Read(string token)
    {
        try
        {
            var parts = _protector.Unprotect(token).Split(':');
            return parts.Length is 2 or 3 && Guid.TryParseExact(parts[0], "N", out var id) && int.TryParse(parts[1], out var number)
                ? (id, number, parts.Length == 3 ? parts[2] : null)
                : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }
}
