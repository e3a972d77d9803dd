using JasKnowledge.Core.Assets;
using JasKnowledge.Core.Blobs;
using JasKnowledge.Core.Content;
using JasKnowledge.Data;
using JasKnowledge.Data.Assets;
using JasKnowledge.Data.Content;
using JasKnowledge.Tests.Integration.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace JasKnowledge.Tests.Integration.Beheer;

/// <summary>Two requests that checked the same state and then save (a double click, two editors): the
/// database's unique index lets one win, and the other gets the content rule "changed meanwhile" with a
/// Dutch message, never an exception that becomes a 500 (found by the attack of 5 December 2026). Each
/// race is made exact: both requests load before either saves.</summary>
public abstract class SameMomentTests<TFixture>(TFixture fixture) : IClassFixture<TFixture> where TFixture : PortalFixture
{
    private static readonly VersionText Text = new("Gelijktijdig", "Twee keer tegelijk opgeslagen.", ChangeNote: "Uit de test.");

    /// <summary>Runs <paramref name="act"/> in two scopes, both after loading, in turn; returns the second's refusal.</summary>
    private async Task<ContentRuleException> SecondAsync(Func<IServiceProvider, Task<Func<Task>>> load)
    {
        using var first = fixture.Factory.Services.CreateScope();
        using var second = fixture.Factory.Services.CreateScope();
        var (a, b) = (await load(first.ServiceProvider), await load(second.ServiceProvider));
        await a();
        return await Assert.ThrowsAsync<ContentRuleException>(b);
    }

    /// <summary>A new page with version 1 published, and with <paramref name="openDraft"/> version 2 open as a draft.</summary>
    private async Task<(Guid Id, string Slug)> PublishedPageAsync(bool openDraft)
    {
        var slug = $"tegelijk-{Guid.NewGuid():N}";
        using var scope = fixture.Factory.Services.CreateScope();
        var store = scope.ServiceProvider.GetRequiredService<ContentStore>();
        var item = new ContentItem { Type = "page", Culture = "nl", LocalizationSet = $"pages/{slug}", Slug = slug };
        await store.PublishNewVersionAsync(item, Text, "test");
        if (openDraft) await store.SaveDraftAsync(item, Text with { Body = "Het open concept." }, "test");
        return (item.Id, slug);
    }

    [Fact]
    public async Task A_second_first_save_of_the_same_new_item_is_refused_with_a_message()
    {
        var slug = $"tegelijk-{Guid.NewGuid():N}";
        var refusal = await SecondAsync(services => Task.FromResult<Func<Task>>(() =>
            services.GetRequiredService<ContentStore>().CreateAsync("page", "nl", $"pages/{slug}", slug, Text, "test")));

        Assert.Equal(ContentRule.ChangedMeanwhile, refusal.Rule);
        Assert.Contains("Laad de pagina opnieuw", refusal.Message);
        using var scope = fixture.Factory.Services.CreateScope();
        Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<JasDbContext>().ContentItems.CountAsync(i => i.Slug == slug));
    }

    [Theory]
    [InlineData("draft")]
    [InlineData("restore")]
    public async Task A_second_new_draft_from_the_same_state_is_refused_and_the_first_is_kept(string how)
    {
        var (id, _) = await PublishedPageAsync(openDraft: false);
        var refusal = await SecondAsync(async services =>
        {
            var store = services.GetRequiredService<ContentStore>();
            var item = (await store.FindAsync(id))!;
            return how == "draft"
                ? () => store.SaveDraftAsync(item, Text with { Body = $"Van {services.GetHashCode()}" }, "test")
                : () => store.RestoreAsync(item, 1, "test");
        });

        Assert.Equal(ContentRule.ChangedMeanwhile, refusal.Rule);
        using var check = fixture.Factory.Services.CreateScope();
        var versions = await check.ServiceProvider.GetRequiredService<JasDbContext>().ContentVersions.Where(v => v.ItemId == id).ToListAsync();
        Assert.Equal([1, 2], versions.Select(v => v.Number).Order());
    }

    /// <summary>Saves that change existing rows take no new number, so no unique index stops the second:
    /// the item's change count does (found by the attack of 5 December 2026: two saves within ~10 ms both
    /// passed the form's check, one text was lost, and a double "Publiceren" published and mailed twice).</summary>
    [Theory]
    [InlineData("edit")]
    [InlineData("publish")]
    [InlineData("save-and-publish")]   // the editor's "Publiceren": the form's text saved and published in one transaction
    [InlineData("unpublish")]
    public async Task A_second_change_from_the_same_state_is_refused_and_the_first_is_what_happened(string how)
    {
        var (id, slug) = await PublishedPageAsync(openDraft: true);
        var turn = 0;
        var refusal = await SecondAsync(async services =>
        {
            var store = services.GetRequiredService<ContentStore>();
            var item = (await store.FindAsync(id))!;
            var mine = ++turn;
            return how switch
            {
                "edit" => () => store.SaveDraftAsync(item, Text with { Body = $"Tekst van aanvraag {mine}." }, $"editor{mine}"),
                "publish" => () => store.PublishAsync(item, 2, $"editor{mine}"),
                "save-and-publish" => () => store.SaveAndPublishAsync(item, Text with { Body = $"Tekst van aanvraag {mine}." }, $"editor{mine}"),
                _ => () => store.UnpublishAsync(item, $"editor{mine}"),
            };
        });

        Assert.Equal(ContentRule.ChangedMeanwhile, refusal.Rule);
        Assert.Contains("Laad de pagina opnieuw", refusal.Message);
        using var check = fixture.Factory.Services.CreateScope();
        var db = check.ServiceProvider.GetRequiredService<JasDbContext>();
        var versions = await db.ContentVersions.Where(v => v.ItemId == id).OrderBy(v => v.Number).ToListAsync();
        var actions = await db.AuditLog.Where(e => e.Subject.StartsWith($"pages/{slug} ")).Select(e => e.Actor + " " + e.Action).ToListAsync();
        switch (how)
        {
            case "edit":
                Assert.Equal("Tekst van aanvraag 1.", versions[1].Body);
                Assert.Equal(["editor1 content.draft"], actions.Where(a => a.StartsWith("editor")));
                break;
            case "save-and-publish":
                Assert.Equal([VersionState.Superseded, VersionState.Published], versions.Select(v => v.State));
                Assert.Equal("Tekst van aanvraag 1.", versions[1].Body);
                Assert.Equal(["editor1 content.publish"], actions.Where(a => a.StartsWith("editor")));
                break;
            case "publish":
                Assert.Equal([VersionState.Superseded, VersionState.Published], versions.Select(v => v.State));
                Assert.Equal(["editor1 content.publish"], actions.Where(a => a.StartsWith("editor")));
                break;
            default:
                Assert.Equal([VersionState.Withdrawn, VersionState.Draft], versions.Select(v => v.State));
                Assert.Equal(["editor1 content.unpublish"], actions.Where(a => a.StartsWith("editor")));
                break;
        }
    }

    [Fact]
    public async Task A_second_upload_of_the_same_version_label_is_refused_with_a_message()
    {
        var label = $"9.{Random.Shared.Next(1000, 9999)}";
        var refusal = await SecondAsync(async services =>
        {
            var store = services.GetRequiredService<FileRevisionStore>();
            var asset = (await store.FindAsync("nl", "het-gesprek-handboek-pdf"))!;
            await using var content = new MemoryStream("%PDF-1.7\n tegelijk"u8.ToArray());
            var stored = await StoredFile.StoreAsync(services.GetRequiredService<IBlobStore>(), content, "application/pdf");
            return () => store.UploadAsync(asset.Id, stored, label, ".pdf", "Uit de test.", "test");
        });

        Assert.Equal(ContentRule.VersionLabelTaken, refusal.Rule);
        Assert.Contains($"heeft al een versie {label}", refusal.Message);
    }

    /// <summary>Two new versions of one file with different labels, or labels that differ only in case, from the same state:
    /// both had been accepted, leaving two "newest" revisions, a history cut short on every page and a label that served the
    /// other upload's file (attack of 7 December).</summary>
    [Theory]
    [InlineData("x", "y")]
    [InlineData("r0A", "r0a")]
    public async Task A_second_upload_of_another_version_from_the_same_state_is_refused_and_the_history_stays_whole(string first, string second)
    {
        var stem = $"8.{Random.Shared.Next(1000, 9999)}";
        var labels = new Queue<string>([stem + first, stem + second]);
        var refusal = await SecondAsync(async services =>
        {
            var store = services.GetRequiredService<FileRevisionStore>();
            var asset = (await store.FindAsync("nl", "het-gesprek-handboek-pdf"))!;
            var label = labels.Dequeue();
            await using var content = new MemoryStream(System.Text.Encoding.ASCII.GetBytes($"%PDF-1.7\n {label}"));
            var stored = await StoredFile.StoreAsync(services.GetRequiredService<IBlobStore>(), content, "application/pdf");
            return () => store.UploadAsync(asset.Id, stored, label, ".pdf", "Uit de test.", "test");
        });

        var sameLabel = string.Equals(first, second, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(sameLabel ? ContentRule.VersionLabelTaken : ContentRule.ChangedMeanwhile, refusal.Rule);
        using var scope = fixture.Factory.Services.CreateScope();
        var asset = (await scope.ServiceProvider.GetRequiredService<FileRevisionStore>().FindAsync("nl", "het-gesprek-handboek-pdf"))!;
        Assert.Single(asset.Revisions, r => r.ReplacedById is null);
        Assert.Equal(stem + first, asset.Latest!.VersionLabel);
        Assert.Equal(asset.Revisions.Count, asset.NewestFirst().Count);
        Assert.DoesNotContain(asset.Revisions, r => r.VersionLabel == stem + second);
    }
}

public sealed class SqliteSameMomentTests(SqlitePortal fixture) : SameMomentTests<SqlitePortal>(fixture);
public sealed class PostgresSameMomentTests(PostgresPortal fixture) : SameMomentTests<PostgresPortal>(fixture);
