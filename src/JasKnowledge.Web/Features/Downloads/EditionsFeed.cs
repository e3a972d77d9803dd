using System.Text;
using System.Xml;
using JasKnowledge.Core.Assets;
using JasKnowledge.Core.Formats;
using JasKnowledge.Core.Localization;
using JasKnowledge.Core.Modules;
using JasKnowledge.Data.Assets;
using JasKnowledge.Theme;

namespace JasKnowledge.Web.Features.Downloads;

/// <summary>/feeds/editions.atom: one entry per published file version, newest first, so a
/// municipality can follow new editions of the handbook (and of any other file) in a feed reader. An
/// entry of a family that is compared elsewhere (the handbook's editions) links to its comparison with
/// the version before.</summary>
public static class EditionsFeed
{
    public const string Route = "/feeds/editions.atom";
    private const string Atom = "http://www.w3.org/2005/Atom";

    public static async Task WriteAsync(HttpContext http, PublishedAssets assets, CultureCatalog cultures, CancellationToken cancellationToken)
    {
        var origin = PublicOrigin.Of(http);
        var ui = cultures.Default.Code;
        var comparisons = http.RequestServices.GetServices<ComparableFiles>().ToList();
        var entries = (await assets.ListAsync(cancellationToken))
            .SelectMany(a => a.Revisions.Select(r => (Asset: a, Revision: r)))
            .OrderByDescending(e => e.Revision.PublishedUtc)
            .ThenBy(e => e.Asset.Slug, StringComparer.Ordinal)
            .ToList();

        var buffer = new MemoryStream();
        await using (var xml = XmlWriter.Create(buffer, new XmlWriterSettings { Async = true, Encoding = new UTF8Encoding(false), Indent = true }))
        {
            await xml.WriteStartDocumentAsync();
            xml.WriteStartElement("feed", Atom);
            xml.WriteAttributeString("xml", "lang", null, ui);
            xml.WriteElementString("id", Atom, "urn:jasknowledge:feeds:editions");
            xml.WriteElementString("title", Atom, "JasKnowledge: nieuwe edities en bestanden");
            xml.WriteElementString("subtitle", Atom, "Nieuwe versies van het handboek Het Gesprek en van andere downloads.");
            xml.WriteElementString("updated", Atom, Timestamp(entries.Count > 0 ? entries[0].Revision.PublishedUtc : DateTime.UnixEpoch));
            Link(xml, "self", $"{origin}{Route}", "application/atom+xml");
            Link(xml, "alternate", $"{origin}{DownloadUrls.List(ui)}", "text/html");
            xml.WriteStartElement("author", Atom);
            xml.WriteElementString("name", Atom, "JasKnowledge");
            xml.WriteEndElement();

            foreach (var (asset, revision) in entries)
            {
                xml.WriteStartElement("entry", Atom);
                // The feed is in Dutch; an entry about a file in another language (an Arabic sheet's PDF)
                // says so, so that a reader shows its title in the right script and direction.
                if (!string.Equals(asset.Culture, ui, StringComparison.OrdinalIgnoreCase))
                    xml.WriteAttributeString("xml", "lang", null, asset.Culture);
                xml.WriteElementString("id", Atom, $"urn:jasknowledge:file:{asset.Culture}:{asset.Slug}:{revision.VersionLabel}");
                // Text saved before the control-character rule: a replacement mark, not a feed that fails as a whole.
                xml.WriteElementString("title", Atom, ControlCharacters.ForXml($"{asset.Title}, versie {revision.VersionLabel}"));
                xml.WriteElementString("published", Atom, Timestamp(revision.PublishedUtc));
                xml.WriteElementString("updated", Atom, Timestamp(revision.PublishedUtc));
                Link(xml, "alternate", $"{origin}{DownloadUrls.Revision(ui, asset, revision)}", "text/html");
                xml.WriteStartElement("link", Atom);
                xml.WriteAttributeString("rel", "enclosure");
                xml.WriteAttributeString("href", $"{origin}{DownloadUrls.File(asset, revision)}");
                xml.WriteAttributeString("type", revision.MediaType);
                xml.WriteAttributeString("length", revision.Size.ToString(System.Globalization.CultureInfo.InvariantCulture));
                xml.WriteEndElement();
                var notes = string.IsNullOrWhiteSpace(revision.ReleaseNotes) ? "" : revision.ReleaseNotes.Trim() + "\n\n";
                if (Comparison(comparisons, ui, asset, revision) is var (previous, url))
                {
                    var changed = $"Wat is er veranderd sinds versie {previous}";
                    xml.WriteStartElement("link", Atom);
                    xml.WriteAttributeString("rel", "related");
                    xml.WriteAttributeString("type", "text/html");
                    xml.WriteAttributeString("title", changed);
                    xml.WriteAttributeString("href", $"{origin}{url}");
                    xml.WriteEndElement();
                    notes += $"{changed}: {origin}{url}\n\n";
                }
                xml.WriteElementString("summary", Atom, ControlCharacters.ForXml($"{notes}SHA-256: {revision.Sha256}"));
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }
        http.Response.ContentType = "application/atom+xml; charset=utf-8";
        http.Response.Headers.CacheControl = "public, max-age=300";
        buffer.Position = 0;
        await buffer.CopyToAsync(http.Response.Body, cancellationToken);
    }

    /// <summary>The version before this one and the page comparing the two, where the family is compared.</summary>
    private static (string Previous, string Url)? Comparison(
        IReadOnlyList<ComparableFiles> comparisons, string culture, Asset asset, AssetRevision revision)
    {
        var comparison = comparisons.FirstOrDefault(
            c => c.Slug == asset.Slug && string.Equals(c.Culture, asset.Culture, StringComparison.OrdinalIgnoreCase));
        if (comparison is null) return null;
        var history = asset.NewestFirst();
        var index = history.ToList().IndexOf(revision);
        if (index < 0 || index + 1 >= history.Count) return null;
        var previous = history[index + 1];
        return comparison.Url(culture, previous, revision) is { } url ? (previous.VersionLabel, url) : null;
    }

    private static void Link(XmlWriter xml, string rel, string href, string type)
    {
        xml.WriteStartElement("link", Atom);
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("type", type);
        xml.WriteAttributeString("href", href);
        xml.WriteEndElement();
    }

    private static string Timestamp(DateTime utc) => utc.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
}
