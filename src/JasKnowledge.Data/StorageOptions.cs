namespace JasKnowledge.Data;

/// <summary>Where the portal keeps its data: configuration section "Jas".</summary>
public sealed class StorageOptions
{
    public const string DatabaseSetting = "Jas:Database:Provider";
    public const string ConnectionStringSetting = "ConnectionStrings:Jas";

    /// <summary>Folder for the embedded default's SQLite file and blob folder.</summary>
    public string DataDirectory { get; set; } = "App_Data";
    public DatabaseSettings Database { get; set; } = new();
    public BlobSettings Blobs { get; set; } = new();

    public sealed class DatabaseSettings
    {
        /// <summary>"Sqlite" (embedded default) or "PostgreSQL" (server mode).</summary>
        public string Provider { get; set; } = "Sqlite";
    }

    public sealed class BlobSettings
    {
        /// <summary>"Folder" (embedded default) or "Azure".</summary>
        public string Provider { get; set; } = "Folder";
        /// <summary>For Folder: the folder; default: blobs under the data directory.</summary>
        public string? Folder { get; set; }
        /// <summary>For Azure: an Azure Storage connection string (account key or SAS); Azurite, development.</summary>
        public string? ConnectionString { get; set; }
        /// <summary>For Azure without a connection string: the blob service's address
        /// (https://ACCOUNT.blob.core.windows.net). Alone it signs in with Microsoft Entra ID (managed identity).</summary>
        public string? ServiceUri { get; set; }
        /// <summary>With ServiceUri: a SAS token instead of Entra ID.</summary>
        public string? Sas { get; set; }
        /// <summary>With ServiceUri alone: the client id of a user-assigned managed identity (optional).</summary>
        public string? ManagedIdentityClientId { get; set; }
        public string Container { get; set; } = "jas";
    }
}
