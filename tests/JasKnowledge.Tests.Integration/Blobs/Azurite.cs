using Azure.Storage.Blobs;
using Azure.Storage.Sas;
using JasKnowledge.Data;
using JasKnowledge.Data.Blobs;
using JasKnowledge.Tests.Integration.Infrastructure;

namespace JasKnowledge.Tests.Integration.Blobs;

/// <summary>The Azurite instance ./test.sh starts, and what the Azure tests need beside the store:
/// cleaning up containers and minting SAS tokens with the account key.</summary>
internal static class Azurite
{
    /// <summary>JAS_TEST_AZURITE; throws with instructions when it is not set.</summary>
    public static string ConnectionString => TestServers.Azurite;

    private static BlobServiceClient Service => new(ConnectionString, AzureBlobConnection.DefaultOptions());

    /// <summary>The blob service's address, path-style (http://127.0.0.1:PORT/devstoreaccount1).</summary>
    public static Uri ServiceUri => Service.Uri;

    private static DateTimeOffset Expiry => DateTimeOffset.UtcNow.AddHours(1);

    public static string SasConnectionString(string sas) => $"BlobEndpoint={ServiceUri.AbsoluteUri};SharedAccessSignature={sas}";

    /// <summary>Settings for the store through Jas:Blobs:ServiceUri and Jas:Blobs:Sas.</summary>
    public static StorageOptions.BlobSettings SasSettings(string sas, string container) =>
        new() { Provider = "Azure", ServiceUri = ServiceUri.AbsoluteUri, Sas = sas, Container = container };

    public static StorageOptions.BlobSettings ConnectionStringSettings(string connectionString, string container) =>
        new() { Provider = "Azure", ConnectionString = connectionString, Container = container };

    /// <summary>A service SAS for one container, in the service version the portal speaks.</summary>
    public static string ContainerSas(string container, string permissions)
    {
        var sas = new BlobSasBuilder { BlobContainerName = container, Resource = "c", ExpiresOn = Expiry };
        sas.SetPermissions(permissions);
        return Service.GetBlobContainerClient(container).GenerateSasUri(sas).Query.TrimStart('?');
    }

    /// <summary>An account SAS for the blob service.</summary>
    public static string AccountSas(string permissions)
    {
        var sas = new AccountSasBuilder { ExpiresOn = Expiry, Services = AccountSasServices.Blobs, ResourceTypes = AccountSasResourceTypes.All };
        sas.SetPermissions(permissions);
        return Service.GenerateAccountSasUri(sas).Query.TrimStart('?');
    }

    public static async Task DeleteContainerAsync(string container) =>
        await Service.GetBlobContainerClient(container).DeleteIfExistsAsync();
}
