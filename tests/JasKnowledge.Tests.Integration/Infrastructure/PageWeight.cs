using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace JasKnowledge.Tests.Integration.Infrastructure;

/// <summary>What a page costs a visitor: its HTML with the stylesheets and scripts it links, each
/// gzip-compressed, and apart from that the web fonts its stylesheets load.</summary>
public static class PageWeight
{
    public static async Task<(long Compressed, long Fonts)> MeasureAsync(HttpClient client, string html)
    {
        long total = Gzipped(html);
        long fonts = 0;
        foreach (var stylesheet in Links(html, "<link rel=\"stylesheet\" href=\"([^\"]+)\""))
        {
            var css = await client.GetStringAsync(stylesheet);
            total += Gzipped(css);
            foreach (var font in Links(css, "url\\(\"([^\"]+\\.woff2)\"\\)"))
                fonts += (await client.GetByteArrayAsync(new Uri(new Uri("http://localhost" + stylesheet), font).AbsolutePath)).Length;
        }
        foreach (var script in Links(html, "<script src=\"([^\"]+)\""))
            total += Gzipped(await client.GetStringAsync(script));
        return (total, fonts);
    }

    /// <summary>Everything a page loads before its film plays, fonts and the film apart: HTML, CSS and
    /// JavaScript compressed, plus the images it shows (a video's poster; of a <c>picture</c> the largest
    /// WebP candidate, what a sharp phone screen fetches; other images' <c>src</c>) and images its stylesheets use.</summary>
    public static async Task<(long Total, long Images, long Fonts)> MeasureWithImagesAsync(HttpClient client, string html)
    {
        var (text, fonts) = await MeasureAsync(client, html);
        var images = new List<string>();
        var outside = Regex.Replace(html, "<picture>.*?</picture>", match =>
        {
            var candidates = Regex.Match(match.Value, "<source type=\"image/webp\" srcset=\"([^\"]+)\"");
            images.Add(candidates.Success
                ? WebUtility.HtmlDecode(candidates.Groups[1].Value).Split(',').Select(c => c.Trim().Split(' '))
                    .OrderByDescending(c => c.Length > 1 ? int.Parse(c[1].TrimEnd('w')) : 0).First()[0]
                : Links(match.Value, "<img[^>]* src=\"([^\"]+)\"").First());
            return "";
        }, RegexOptions.Singleline);
        images.AddRange(Links(outside, "<img[^>]* src=\"([^\"]+)\""));
        images.AddRange(Links(outside, "<video[^>]* poster=\"([^\"]+)\""));
        foreach (var stylesheet in Links(html, "<link rel=\"stylesheet\" href=\"([^\"]+)\""))
        {
            var css = await client.GetStringAsync(stylesheet);
            images.AddRange(Links(css, "url\\(\"?([^\")]+\\.(?:svg|png|jpe?g|webp|gif))\"?\\)")
                .Select(url => new Uri(new Uri("http://localhost" + stylesheet), url).AbsolutePath));
        }
        long imageBytes = 0;
        foreach (var image in images.Distinct()) imageBytes += (await client.GetByteArrayAsync(image)).Length;
        return (text + imageBytes, imageBytes, fonts);
    }

    public static IEnumerable<string> Links(string text, string pattern) =>
        Regex.Matches(text, pattern).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value));

    private static long Gzipped(string text)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
            gzip.Write(Encoding.UTF8.GetBytes(text));
        return buffer.Length;
    }
}
