namespace JasKnowledge.Data.Blobs;

/// <summary>The parts of an Azure Storage connection string the blob store needs. Errors name the part
/// that is missing or wrong, never its value, so that a bad string cannot leak its key into a log.</summary>
public sealed class AzureStorageConnection
{
    // Azurite's published development account: not a secret.
    private const string DevelopmentAccount = "devstoreaccount1";
    private const string DevelopmentKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private const string DevelopmentEndpoint = "http://127.0.0.1:10000/devstoreaccount1";

    private AzureStorageConnection(Uri blobEndpoint, SharedKeySigner? signer, string? sharedAccessSignature)
    {
        BlobEndpoint = blobEndpoint;
        Signer = signer;
        SharedAccessSignature = sharedAccessSignature;
    }

    /// <summary>The blob service root; path-style for Azurite (http://127.0.0.1:10000/devstoreaccount1).</summary>
    public Uri BlobEndpoint { get; }

    /// <summary>Set when the connection authorizes with the account key (Shared Key).</summary>
    public SharedKeySigner? Signer { get; }

    /// <summary>Set, without a leading '?', when the connection authorizes with a SAS token instead.</summary>
    public string? SharedAccessSignature { get; }

    public static AzureStorageConnection Parse(string connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString)) throw Bad("it is empty");
        var parts = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var segments = connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        for (var i = 0; i < segments.Length; i++)
        {
            // Split at the first '=' only: base64 keys and SAS tokens contain '=' themselves.
            var equals = segments[i].IndexOf('=');
            if (equals <= 0) throw Bad($"part {i + 1} is not of the form Name=Value");
            var name = segments[i][..equals].Trim();
            if (!parts.TryAdd(name, segments[i][(equals + 1)..].Trim())) throw Bad($"part {i + 1} repeats the name of an earlier part");
        }

        if (parts.TryGetValue("UseDevelopmentStorage", out var development))
        {
            if (!development.Equals("true", StringComparison.OrdinalIgnoreCase)) throw Bad("UseDevelopmentStorage must be 'true'");
            return new AzureStorageConnection(
                new Uri(DevelopmentEndpoint), new SharedKeySigner(DevelopmentAccount, Convert.FromBase64String(DevelopmentKey)), null);
        }

        var account = parts.GetValueOrDefault("AccountName");
        var endpoint = parts.TryGetValue("BlobEndpoint", out var explicitEndpoint) ? ParseEndpoint(explicitEndpoint)
            : DefaultEndpoint(parts, account);
        if (parts.TryGetValue("AccountKey", out var key))
        {
            if (string.IsNullOrEmpty(account)) throw Bad("AccountKey needs AccountName");
            return new AzureStorageConnection(endpoint, new SharedKeySigner(account, DecodeKey(key)), null);
        }
        if (parts.TryGetValue("SharedAccessSignature", out var sas) && sas.TrimStart('?') is { Length: > 0 } token)
        {
            return new AzureStorageConnection(endpoint, null, token);
        }
        throw Bad("it has neither AccountKey nor SharedAccessSignature (anonymous access is not supported)");
    }

    private static Uri ParseEndpoint(string value) =>
        Uri.TryCreate(value.TrimEnd('/'), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : throw Bad("BlobEndpoint is not an absolute http or https URI");

    private static Uri DefaultEndpoint(Dictionary<string, string> parts, string? account)
    {
        if (string.IsNullOrEmpty(account)) throw Bad("it has neither BlobEndpoint nor AccountName");
        var protocol = parts.GetValueOrDefault("DefaultEndpointsProtocol", "https").ToLowerInvariant();
        if (protocol is not ("http" or "https")) throw Bad("DefaultEndpointsProtocol must be 'http' or 'https'");
        var suffix = parts.GetValueOrDefault("EndpointSuffix", "core.windows.net");
        return Uri.TryCreate($"{protocol}://{account}.blob.{suffix}", UriKind.Absolute, out var uri)
            ? uri
            : throw Bad("AccountName and EndpointSuffix do not form a valid host name");
    }

    private static byte[] DecodeKey(string key)
    {
        var bytes = new byte[key.Length];
        return Convert.TryFromBase64String(key, bytes, out var written) && written > 0
            ? bytes[..written]
            : throw Bad("AccountKey is not valid base64");
    }

    private static ArgumentException Bad(string problem) =>
        new($"The Azure Storage connection string is not usable: {problem}.", "connectionString");
}
