using JasKnowledge.Tests.Integration.Infrastructure;

namespace JasKnowledge.Tests.Integration.Nodes;

/// <summary>The embedded default has the start-up lock too (a lock file next to the SQLite file): two
/// processes started at once on one database file import the content once.</summary>
[Collection(PortalProcessCollection.Name)]
public sealed class EmbeddedStartupLockTests
{
    [Fact]
    public async Task Two_processes_started_at_once_on_one_SQLite_file_import_once()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseKind.Sqlite);
        var blobs = ContentFolders.NewEmpty();
        try
        {
            var settings = new Dictionary<string, string> { ["ConnectionStrings__Jas"] = database.ConnectionString, ["Jas__Blobs__Folder"] = blobs };
            await using var first = PortalProcess.Launch(settings);
            await using var second = PortalProcess.Launch(settings);
            await Task.WhenAll(first.WaitUntilLiveAsync(TimeSpan.FromMinutes(3)), second.WaitUntilLiveAsync(TimeSpan.FromMinutes(3)));

            await ServerMode.AssertImportedOnceAsync(database, first, second);
            using var visitor = new HttpClient { BaseAddress = second.Address };
            Assert.Contains("Het Gesprek", await visitor.GetStringAsync("/nl/handboek"));
        }
        finally
        {
            Directory.Delete(blobs, recursive: true);
        }
    }
}
