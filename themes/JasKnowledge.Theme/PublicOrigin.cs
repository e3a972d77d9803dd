using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace JasKnowledge.Theme;

/// <summary>
/// The portal's public address (<c>Jas:PublicBaseUrl</c>, e.g. https://jas.example.nl) for every
/// absolute URL it writes: hreflang links, the sitemap, the feed, the API description. Never the
/// request's Host header, which any client chooses and which a cache would then hand to everyone.
/// </summary>
public sealed record PublicOrigin(string Value)
{
    public const string Setting = "Jas:PublicBaseUrl";

    public static PublicOrigin From(IConfiguration configuration)
    {
        var value = configuration[Setting];
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")
            || uri.PathAndQuery != "/" || !string.IsNullOrEmpty(uri.Fragment) || !string.IsNullOrEmpty(uri.UserInfo))
            throw new InvalidOperationException(
                $"{Setting} is '{value}': set it (env Jas__PublicBaseUrl) to the address visitors use, "
                + "such as https://jas.example.nl, without a path.");
        return new PublicOrigin(uri.GetLeftPart(UriPartial.Authority));
    }

    public static string Of(HttpContext context) => context.RequestServices.GetRequiredService<PublicOrigin>().Value;
}
