using Azure;
using Azure.Core;
using Azure.Identity;
using Azure.Storage.Blobs;

namespace JasKnowledge.Data.Blobs;

/// <summary>How the portal signs in to Azure Blob Storage, chosen by which settings are filled in.</summary>
public enum AzureBlobAuthentication
{
    /// <summary>Jas:Blobs:ConnectionString: an account key (Azurite, development) or a SAS inside the string.</summary>
    ConnectionString,
    /// <summary>Jas:Blobs:ServiceUri with Jas:Blobs:Sas: a shared access signature kept apart from the address.</summary>
    SharedAccessSignature,
    /// <summary>Jas:Blobs:ServiceUri alone: Microsoft Entra ID (managed identity in production), no secret in configuration.</summary>
    EntraId,
}

/// <summary>The SDK client for the portal's container, built from the settings. Errors name the setting
/// to fix, never its value, so a wrong string cannot leak a key or signature into a log.</summary>
public sealed record AzureBlobConnection(BlobContainerClient Container, AzureBlobAuthentication Authentication, TokenCredential? Credential)
{
    public const string ConnectionStringSetting = "Jas:Blobs:ConnectionString";
    public const string ServiceUriSetting = "Jas:Blobs:ServiceUri";
    public const string SasSetting = "Jas:Blobs:Sas";
    public const string ContainerSetting = "Jas:Blobs:Container";

    /// <summary>The newest service version Azurite 3.35 accepts. Pinned so the tests speak to Azurite
    /// exactly what production speaks to Azure, and an SDK upgrade cannot change it unnoticed.</summary>
    public const BlobClientOptions.ServiceVersion ServiceVersion = BlobClientOptions.ServiceVersion.V2025_11_05;

    /// <summary>The portal's defaults: the pinned service version, and a few quick retries so that an
    /// unreachable store is reported within the readiness check's five seconds.</summary>
    public static BlobClientOptions DefaultOptions()
    {
        var options = new BlobClientOptions(ServiceVersion);
        options.Retry.MaxRetries = 2;
        options.Retry.Delay = TimeSpan.FromMilliseconds(200);
        options.Retry.MaxDelay = TimeSpan.FromSeconds(10);
        return options;
    }

    public static AzureBlobConnection Create(StorageOptions.BlobSettings settings, BlobClientOptions? options = null)
    {
        options ??= DefaultOptions();
        var container = settings.Container;
        if (!BlobContainerNames.IsValid(container))
        {
            throw new StartupException(
                $"{ContainerSetting} is '{container}': use 3 to 63 lower-case letters, digits and single hyphens.");
        }

        if (!string.IsNullOrWhiteSpace(settings.ConnectionString))
        {
            if (!string.IsNullOrWhiteSpace(settings.ServiceUri))
                throw new StartupException($"Both {ConnectionStringSetting} and {ServiceUriSetting} are set: use one of them.");
            BlobServiceClient service;
            try
            {
                service = new BlobServiceClient(settings.ConnectionString, options);
            }
            catch (Exception e) when (e is FormatException or ArgumentException or InvalidOperationException or UriFormatException)
            {
                // The SDK's message may quote the string; ours names the setting only.
                throw new StartupException(
                    $"{ConnectionStringSetting} is not a usable Azure Storage connection string: it needs AccountName and AccountKey, " +
                    "or BlobEndpoint and SharedAccessSignature, or UseDevelopmentStorage=true.");
            }
            return new AzureBlobConnection(service.GetBlobContainerClient(container), AzureBlobAuthentication.ConnectionString, null);
        }

        if (string.IsNullOrWhiteSpace(settings.ServiceUri))
        {
            throw new StartupException(
                $"Jas:Blobs:Provider is Azure but neither {ConnectionStringSetting} nor {ServiceUriSetting} is set: set " +
                $"{ServiceUriSetting} (env Jas__Blobs__ServiceUri) to https://ACCOUNT.blob.core.windows.net for managed identity, " +
                $"or {ConnectionStringSetting} for an account key.");
        }
        if (!Uri.TryCreate(settings.ServiceUri, UriKind.Absolute, out var serviceUri)
            || serviceUri.Scheme is not ("http" or "https") || !string.IsNullOrEmpty(serviceUri.Query))
        {
            throw new StartupException(
                $"{ServiceUriSetting} is not the blob service's address: use https://ACCOUNT.blob.core.windows.net, without a query " +
                $"(a SAS goes in {SasSetting}).");
        }

        if (!string.IsNullOrWhiteSpace(settings.Sas))
        {
            var sas = new AzureSasCredential(settings.Sas.Trim().TrimStart('?'));
            return new AzureBlobConnection(
                new BlobServiceClient(serviceUri, sas, options).GetBlobContainerClient(container),
                AzureBlobAuthentication.SharedAccessSignature, null);
        }

        // Managed identity on Azure, the developer's az login elsewhere; a user-assigned identity by its client id.
        var credential = new DefaultAzureCredential(new DefaultAzureCredentialOptions
        {
            ManagedIdentityClientId = string.IsNullOrWhiteSpace(settings.ManagedIdentityClientId) ? null : settings.ManagedIdentityClientId,
        });
        return new AzureBlobConnection(
            new BlobServiceClient(serviceUri, credential, options).GetBlobContainerClient(container), AzureBlobAuthentication.EntraId, credential);
    }
}
