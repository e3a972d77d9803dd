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
