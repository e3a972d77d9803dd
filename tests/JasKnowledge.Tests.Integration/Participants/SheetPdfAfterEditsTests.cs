using System.IO.Compression;
using System.Net;
using System.Text.RegularExpressions;
using JasKnowledge.Data.Accounts;
using JasKnowledge.Data.Content;
using JasKnowledge.Tests.Integration.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace JasKnowledge.Tests.Integration.Participants;

/// <summary>A sheet's PDF after an editor's change in the back office, on both databases: a minor correction keeps it
/// (with a line saying which version it shows) on the sheet, in the participants' offline copy and in the trainers' session
/// pack; a major change takes it away everywhere and lists the sheet on /beheer/bestanden. Until the review of 7 December 2026
/// any edit at all, a punctuation mark, took the PDF away until someone ran <c>sheet-files</c>.</summary>
public abstract partial class SheetPdfAfterEditsTests<TFixture>(TFixture fixture) : IClassFixture<TFixture> where TFixture : PortalFixture
{
    private const string Sheet = "/ar/informatie/je-mentor";
    private const string Pack = "/nl/handboek/sessie-8-samenleven-en-buren/pakket.zip?taal=ar";

    [GeneratedRegex("href=\"(/files/ar/je-mentor-pdf/[^\"]+)\"")]
    private static partial Regex PdfLink();

    [Fact]
    public async Task A_minor_edit_keeps_the_sheets_pdf_and_a_major_one_takes_it_away_and_lists_the_sheet()
    {
        var host = BackOffice.WithLoginLimit(fixture.Factory, 1000);
        var editor = await BackOffice.SignedInAsync(host, await BackOffice.CreateUserAsync(host, PortalRoles.Editor));
        var visitor = host.CreateClient();
        Guid id;
        using (var scope = host.Services.CreateScope())
            id = (await scope.ServiceProvider.GetRequiredService<ContentStore>().FindAsync("informatie/je-mentor", "ar"))!.Id;

        var before = await visitor.GetStringAsync(Sheet);
        var pdf = PdfLink().Match(before).Groups[1].Value;
        Assert.NotEmpty(pdf);
        Assert.DoesNotContain("sheet-pdf-older", before);
        var form = await editor.GetStringAsync($"/beheer/inhoud/{id}");
        Assert.Contains("Een informatieblad houdt na een kleine wijziging zijn PDF.", form);

        // A punctuation mark, published as a minor change.
        var published = await PublishAsync(host, editor, id, body => body + "\n\nملاحظة صغيرة.", major: false);
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        var afterMinor = await visitor.GetStringAsync(Sheet);
        Assert.Contains("ملاحظة صغيرة.", afterMinor);
        Assert.Equal(pdf, PdfLink().Match(afterMinor).Groups[1].Value);
        Assert.Matches("<p class=\"sheet-pdf-older\">ملف PDF من النسخة \\d+\\. ", afterMinor);
        Assert.Contains(pdf, await visitor.GetStringAsync("/ar/informatie"));   // the participants' offline copy lists it
        Assert.Contains("informatie/ar/je-mentor.pdf", await PackEntriesAsync(visitor));
        Assert.DoesNotContain("zonder-pdf", await editor.GetStringAsync("/beheer/bestanden"));

        // A new paragraph with new facts, published as a major change.
        Assert.Equal(HttpStatusCode.OK, (await PublishAsync(host, editor, id, body => body + "\n\nفقرة جديدة.", major: true)).StatusCode);
        var afterMajor = await visitor.GetStringAsync(Sheet);
        Assert.Contains("فقرة جديدة.", afterMajor);
        Assert.DoesNotContain("/files/ar/je-mentor-pdf/", afterMajor);
        Assert.DoesNotContain("/files/ar/je-mentor-pdf/", await visitor.GetStringAsync("/ar/informatie"));
        var entries = await PackEntriesAsync(visitor);
        Assert.DoesNotContain("informatie/ar/je-mentor.pdf", entries);
        var list = await editor.GetStringAsync("/beheer/bestanden");
        var missing = list[list.IndexOf("id=\"zonder-pdf\"", StringComparison.Ordinal)..list.IndexOf("</section>", StringComparison.Ordinal)];
        Assert.Contains($"<a href=\"/beheer/inhoud/{id}\"><bdi lang=\"ar\">", missing);
        Assert.Single(Regex.Matches(missing, "<li>"));
    }

    private static async Task<HttpResponseMessage> PublishAsync(
        WebApplicationFactory<Program> host, HttpClient editor, Guid id, Func<string, string> change, bool major)
    {
        using var scope = host.Services.CreateScope();
        var current = (await scope.ServiceProvider.GetRequiredService<ContentStore>().FindAsync("informatie/je-mentor", "ar"))!.Published!;
        var html = await editor.GetStringAsync($"/beheer/inhoud/{id}");
        var stamp = WebUtility.HtmlDecode(Regex.Match(html, "name=\"Base\" value=\"([^\"]*)\"").Groups[1].Value);
        return await BackOffice.PostFormAsync(editor, $"/beheer/inhoud/{id}?handler=Publish", await BackOffice.TokenAsync(editor, $"/beheer/inhoud/{id}"),
        [
            new("Base", stamp), new("Title", current.Title), new("Summary", current.Summary ?? ""), new("Body", change(current.Body)),
            new("ChangeNote", major ? "Een nieuwe alinea." : "Leesteken."),
            .. major ? new KeyValuePair<string, string>[] { new("IsMajor", "true") } : [],
        ]);
    }

    private static async Task<IReadOnlyList<string>> PackEntriesAsync(HttpClient visitor)
    {
        using var zip = new ZipArchive(new MemoryStream(await visitor.GetByteArrayAsync(Pack)));
        return zip.Entries.Select(e => e.FullName).ToList();
    }
}

public sealed class SqliteSheetEdits() : PortalFixture(DatabaseKind.Sqlite);
public sealed class PostgresSheetEdits() : PortalFixture(DatabaseKind.PostgreSql);
public sealed class SqliteSheetPdfAfterEditsTests(SqliteSheetEdits fixture) : SheetPdfAfterEditsTests<SqliteSheetEdits>(fixture);
public sealed class PostgresSheetPdfAfterEditsTests(PostgresSheetEdits fixture) : SheetPdfAfterEditsTests<PostgresSheetEdits>(fixture);
