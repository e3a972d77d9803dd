using System.Text.Json;
using JasKnowledge.Core.Localization;
using JasKnowledge.Core.Modules;
using JasKnowledge.Data.Content;
using JasKnowledge.Web.Hosting.Routing;

namespace JasKnowledge.Web.Features.Participants;

/// <summary>A sheet or video as a participant sees it: in their language or the nearest one of its
/// chain, with the facts every translation shares (order, duration, the handbook sessions it belongs
/// to), which are read from the source-language text so translators never have to repeat them.</summary>
/// <summary>What a sheet or film page leads on to: the other kind on the same topic, and the one of its own kind before and
/// after it in the participants' list (none at either end).</summary>
public sealed record RelatedMaterial(IReadOnlyList<ParticipantMaterial> Others, ParticipantMaterial? Previous, ParticipantMaterial? Next);

public sealed record ParticipantMaterial(
    PublishedPage Page, string Url, int Order, int? DurationSeconds, IReadOnlyList<string> Sessions, IReadOnlyList<string> Languages,
    string? Sheet = null)
{
    public string Type => Page.Item.Type;
    public string Set => Page.Item.LocalizationSet;
    public string Slug => Page.Item.Slug;
}

public sealed class ParticipantMaterials(PublishedContent content, ContentUrls urls, CultureCatalog cultures)
{
    public static readonly string[] Types = [InfoSheets.InfoSheetsFeature.Type, Media.MediaFeature.Type];

    /// <summary>Every published sheet and video for a visitor in <paramref name="culture"/>.</summary>
    public async Task<IReadOnlyList<ParticipantMaterial>> ListAsync(
        string culture, string? type = null, CancellationToken cancellationToken = default)
    {
        var chain = cultures.FallbackChain(culture);
        var materials = new List<ParticipantMaterial>();
        foreach (var materialType in Types.Where(t => type is null || t == type))
        {
            var published = await content.ListAsync(materialType, null, cancellationToken);
            foreach (var set in published.GroupBy(p => p.Item.LocalizationSet))
            {
                var shown = chain.Select(code => set.FirstOrDefault(p => p.Item.Culture == code)).FirstOrDefault(p => p.Item is not null);
                if (shown.Item is null) continue;
                var source = set.FirstOrDefault(p => p.Item.Culture == cultures.Default.Code);
                var fields = Fields.Read((source.Version ?? shown.Version).Fields);
                var page = new PublishedPage(shown.Item, shown.Version, culture);
                var languages = cultures.All.Where(c => set.Any(p => p.Item.Culture == c.Code)).Select(c => c.Code).ToList();
                materials.Add(new ParticipantMaterial(
                    page, urls.For(shown.Item) ?? "", fields.Order, fields.Duration, fields.Sessions, languages, fields.Sheet));
            }
        }
        return materials.OrderBy(m => Array.IndexOf(Types, m.Type)).ThenBy(m => m.Order).ThenBy(m => m.Set, StringComparer.Ordinal).ToList();
    }

    /// <summary>The sheets and videos that belong to a handbook session.</summary>
    public async Task<IReadOnlyList<ParticipantMaterial>> ForSessionAsync(
        string sessionSlug, string culture, CancellationToken cancellationToken = default) =>
        (await ListAsync(culture, null, cancellationToken)).Where(m => m.Sessions.Contains(sessionSlug, StringComparer.Ordinal)).ToList();

    /// <summary>The film's sheet and the sheet's films (a film's field <c>sheet</c>, the slug of the sheet on its topic): a
    /// participant who watched one is led to the other, in their language. The film had said "read more on the sheet" without
    /// a link (review on a phone, 7 December). With them the sheet or film before and after this one in the participants'
    /// list, so a participant on a phone reads on without going back to the list (GOV.UK's step by step).</summary>
    public async Task<RelatedMaterial> RelatedAsync(
        string type, string slug, string culture, CancellationToken cancellationToken = default)
    {
        var all = await ListAsync(culture, null, cancellationToken);
        var others = type == Media.MediaFeature.Type
            ? all.FirstOrDefault(m => m.Type == type && m.Slug == slug)?.Sheet is { } sheet
                ? all.Where(m => m.Type == InfoSheets.InfoSheetsFeature.Type && m.Slug == sheet).ToList()
                : []
            : all.Where(m => m.Type == Media.MediaFeature.Type && m.Sheet == slug).ToList();
        var sameType = all.Where(m => m.Type == type).ToList();
        var index = sameType.FindIndex(m => m.Slug == slug);
        return new RelatedMaterial(others,
            index > 0 ? sameType[index - 1] : null,
            index >= 0 && index < sameType.Count - 1 ? sameType[index + 1] : null);
    }

    /// <summary>The fields shared by all translations of a sheet or video.</summary>
    private sealed record Fields(int Order, int? Duration, IReadOnlyList<string> Sessions, string? Sheet = null)
    {
        public static Fields Read(string? json)
        {
            if (string.IsNullOrEmpty(json)) return new Fields(int.MaxValue, null, []);
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            return new Fields(
                // A sheet made in the back office has no place in the list yet: it comes after the others.
                Number(root, "order") ?? int.MaxValue,
                Number(root, "duration"),
                root.TryGetProperty("sessions", out var sessions) && sessions.ValueKind == JsonValueKind.Array
                    ? sessions.EnumerateArray().Select(s => s.GetString()).OfType<string>().ToList()
                    : [],
                root.TryGetProperty("sheet", out var sheet) && sheet.ValueKind == JsonValueKind.String ? sheet.GetString() : null);
        }

        // Front matter scalars arrive as JSON strings.
        private static int? Number(JsonElement root, string name) =>
            root.TryGetProperty(name, out var value)
                && int.TryParse(value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText(), out var number)
                ? number : null;
    }
}
