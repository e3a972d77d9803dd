using System.Security.Cryptography;
using System.Text;

namespace JasKnowledge.Core.Content;

/// <summary>A fingerprint of what a reader sees of a version (title, summary, body, fields). A file
/// rendered from the text records it as its source, so the portal can tell whether the file still
/// matches the text.</summary>
public static class ContentDigest
{
    public static string Of(ContentVersion version)
    {
        var text = string.Join("\n\0", version.Title, version.Summary ?? "", Normalize(version.Body), version.Fields ?? "");
        return "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    private static string Normalize(string body) => body.Replace("\r\n", "\n").Trim();
}
