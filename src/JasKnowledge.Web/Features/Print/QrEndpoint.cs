using JasKnowledge.Theme;
using QRCoder;

namespace JasKnowledge.Web.Features.Print;

/// <summary>GET /qr.svg?pad=/talen/informatie/je-mentor: a QR code (SVG, sized by its viewBox) of the portal's public address
/// followed by one of its own paths. Only a path: the code can never lead to another site, whatever a link asks.</summary>
public static class QrEndpoint
{
    public static IResult Get(string? pad, HttpContext http)
    {
        if (!PrintFeature.IsPortalPath(pad))
            return Results.Problem(
                statusCode: StatusCodes.Status400BadRequest, title: "Geen pad van dit portaal",
                detail: "Geef met pad= een pad van dit portaal, zoals /talen/informatie/je-mentor: kleine letters, cijfers en streepjes.");
        var address = PublicOrigin.Of(http) + pad;
        // M: a creased or smudged sheet still scans; the address is short enough for a small code.
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(address, QRCodeGenerator.ECCLevel.M);
        var svg = new SvgQRCode(data).GetGraphic(4, "#000000", "#ffffff", true, SvgQRCode.SizingMode.ViewBoxAttribute);
        // The same path always gives the same code, until the public address changes (a day is soon enough for that).
        http.Response.Headers.CacheControl = "public, max-age=86400";
        return Results.Text(svg, "image/svg+xml; charset=utf-8");
    }
}
