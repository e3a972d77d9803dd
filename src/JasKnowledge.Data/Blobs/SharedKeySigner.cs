using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

namespace JasKnowledge.Data.Blobs;

/// <summary>Azure Storage "Shared Key" authorization: an HMAC-SHA256, under the account key, of a
/// canonical form of the request. Only the signature leaves this class, never the key.</summary>
public sealed class SharedKeySigner(string accountName, byte[] accountKey)
{
    private readonly byte[] _key = accountKey.ToArray();

    public string AccountName { get; } = accountName;

    /// <summary>Sets the Authorization header. Call after every x-ms- header is on the request.</summary>
    public void Sign(HttpRequestMessage request) =>
        request.Headers.Authorization = new AuthenticationHeaderValue("SharedKey", $"{AccountName}:{ComputeSignature(StringToSign(request))}");

    /// <summary>Base64 HMAC-SHA256 of the text under the account key (also what a SAS token's sig is).</summary>
    public string ComputeSignature(string stringToSign) =>
        Convert.ToBase64String(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(stringToSign)));

    /// <summary>The canonical text the service recomputes and checks the signature against.</summary>
    public string StringToSign(HttpRequestMessage request)
    {
        var content = request.Content?.Headers;
        // Since version 2015-02-21 a zero length is signed as an empty string, not "0".
        var length = content?.ContentLength is > 0 and var bytes ? bytes.ToString(CultureInfo.InvariantCulture) : "";
        var text = new StringBuilder()
            .Append(request.Method.Method).Append('\n')
            .Append(Header(content, "Content-Encoding")).Append('\n')
            .Append(Header(content, "Content-Language")).Append('\n')
            .Append(length).Append('\n')
            .Append(Header(content, "Content-MD5")).Append('\n')
            .Append(Header(content, "Content-Type")).Append('\n')
            .Append(Header(request.Headers, "Date")).Append('\n')
            .Append(Header(request.Headers, "If-Modified-Since")).Append('\n')
            .Append(Header(request.Headers, "If-Match")).Append('\n')
            .Append(Header(request.Headers, "If-None-Match")).Append('\n')
            .Append(Header(request.Headers, "If-Unmodified-Since")).Append('\n')
            .Append(Header(request.Headers, "Range")).Append('\n');

        var msHeaders = request.Headers.NonValidated
            .Where(header => header.Key.StartsWith("x-ms-", StringComparison.OrdinalIgnoreCase))
            .Select(header => (Name: header.Key.ToLowerInvariant(), Value: header.Value.ToString().Trim()))
            .OrderBy(header => header.Name, StringComparer.Ordinal);
        foreach (var (name, value) in msHeaders) text.Append(name).Append(':').Append(value).Append('\n');

        var uri = request.RequestUri ?? throw new InvalidOperationException("A request to sign needs an absolute URI.");
        text.Append('/').Append(AccountName).Append(uri.AbsolutePath);
        var parameters = uri.Query.TrimStart('?')
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .GroupBy(pair => Uri.UnescapeDataString(pair[0]).ToLowerInvariant(), pair => pair.Length > 1 ? Uri.UnescapeDataString(pair[1]) : "")
            .OrderBy(group => group.Key, StringComparer.Ordinal);
        foreach (var parameter in parameters)
        {
            text.Append('\n').Append(parameter.Key).Append(':').AppendJoin(',', parameter.Order(StringComparer.Ordinal));
        }
        return text.ToString();
    }

    private static string Header(HttpHeaders? headers, string name) =>
        headers is not null && headers.NonValidated.TryGetValues(name, out var values) ? values.ToString() : "";
}
