using JasKnowledge.Core.Blobs;
using JasKnowledge.Data.Blobs;

namespace JasKnowledge.Tests.Integration.Blobs;

[Collection(BlobStoreCollection.Name)]
public sealed class FolderBlobStoreTests : BlobStoreContract, IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "jas-blobs-" + Guid.NewGuid().ToString("N"));

    public FolderBlobStoreTests() => Store = new FolderBlobStore(_folder);

    protected override IBlobStore Store { get; }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
