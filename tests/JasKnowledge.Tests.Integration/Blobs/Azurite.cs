using System.Globalization;
using System.Net;
using JasKnowledge.Data.Blobs;
using JasKnowledge.Tests.Integration.Infrastructure;

namespace JasKnowledge.Tests.Integration.Blobs;

/// <summary>The Azurite instance ./test.sh starts, and what the Azure tests need beside the store:
/// cleaning up containers and minting SAS tokens with the account key.</summary>
internal static class Azurite
{
    private const string Version = "2021-08-06";
    private static readonly HttpClient Http = new();

    /// <summary>JAS_TEST_AZURITE; throws with instructions when it is not set.</summary>
    public static string ConnectionString => TestServers.Azurite;

    private static AzureStorageConnection Connection => AzureStorageConnection.Parse(ConnectionString);

    private static SharedKeySigner Signer =>
        Connection.Signer ?? throw new InvalidOperationException("JAS_TEST_AZURITE must hold an AccountKey, not a SAS.");

    private static string Expiry => DateTime.UtcNow.AddHours(1).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    public static string SasConnectionString(string sas) => $"BlobEndpoint={Connection.BlobEndpoint.AbsoluteUri};SharedAccessSignature={sas}";

    /// <summary>A service SAS for one container, per "Create a service SAS" (version 2020-12-06 and later).</summary>
    public static string ContainerSas(string container, string permissions)
    {
        var expiry = Expiry;
        string[] fields =
        [
            permissions, "", expiry, $"/blob/{Signer.AccountName}/{container}", "", "", "", Version,
            "c", "", "", "", "", "", "", "",
        ];
        var signature = Signer.ComputeSignature(string.Join('\n', fields));
        return $"sv={Version}&sr=c&sp={permissions}&se={Uri.EscapeDataString(expiry)}&sig={Uri.EscapeDataString(signature)}";
    }

    /// <summary>An account SAS for the blob service, per "Create an account SAS" (version 2020-12-06 and later).</summary>
    public static string AccountSas(string permissions)
    {
        var expiry = Expiry;
        string[] fields = [Signer.AccountName, permissions, "b", "sco", "", expiry, "", "", Version, "", ""];
        var signature = Signer.ComputeSignature(string.Join('\n', fields));
        return $"sv={Version}&ss=b&srt=sco&sp={permissions}&se={Uri.EscapeDataString(expiry)}&sig={Uri.EscapeDataString(signature)}";
    }

    public static async Task DeleteContainerAsync(string container)
    {
        using var request = new HttpRequestMessage(
            HttpMethod.Delete, $"{Connection.BlobEndpoint.AbsoluteUri.TrimEnd('/')}/{container}?restype=container");
        request.Headers.TryAddWithoutValidation("x-ms-version", Version);
        request.Headers.TryAddWithoutValidation("x-ms-date", DateTimeOffset.UtcNow.ToString("R", CultureInfo.InvariantCulture));
        Signer.Sign(request);
        using var response = await Http.SendAsync(request);
        // Not found: the test never got as far as creating it.
        if (!response.IsSuccessStatusCode && response.StatusCode != HttpStatusCode.NotFound)
        {
            throw new InvalidOperationException($"Could not delete test container {container}: {(int)response.StatusCode}.");
        }
    }
}
