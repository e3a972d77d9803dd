using JasKnowledge.Core.Content;
using JasKnowledge.Core.Localization;
using JasKnowledge.Core.Modules;
using JasKnowledge.Data;
using JasKnowledge.Web.Hosting.Routing;
using Microsoft.EntityFrameworkCore;

namespace JasKnowledge.Web.Features.Beheer.Inhoud;

/// <summary>The editor's boxes for a type's fields (<see cref="TypeField"/>): the text each shows, and the fields the boxes make
/// together, or the first one that cannot be kept and why.</summary>
public sealed class TypeFieldValues(JasDbContext db, CultureCatalog cultures, IEnumerable<TypeField> typeFields)
{
    public IReadOnlyList<TypeField> Of(string type) => typeFields.Where(f => f.Type == type).ToList();

    /// <summary>What the box shows: the number or address, or the addresses one per line.</summary>
    public static string FormText(TypeField field, string? fields) => string.Join("\n", VersionFields.Texts(fields, field.Name));

    /// <summary>The fields with each posted box written in (an empty box leaves the field out); a box not sent leaves its field as it
    /// was. Null fields and the problem when a box cannot be kept.</summary>
    public async Task<(string? Fields, ContentFieldError? Problem)> ApplyAsync(
        string type, string? fields, IReadOnlyDictionary<string, string?> posted, CancellationToken cancellationToken)
    {
        foreach (var field in Of(type))
        {
            if (!posted.TryGetValue(field.Name, out var sent)) continue;
            var lines = (sent ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
            // Written only when it changed: the fields as they were sent back are no new version (and keep their JSON as it was).
            if (lines.SequenceEqual(VersionFields.Texts(fields, field.Name))) continue;
            if (lines.Count == 0)
            {
                fields = VersionFields.Without(fields, field.Name);
                continue;
            }
            if (await ProblemAsync(field, lines, cancellationToken) is { } problem) return (null, new ContentFieldError(field.Name, $"{field.Label}: {problem}"));
            if (field.Kind == TypeFieldKind.Number)
            {
                lines = [int.Parse(lines[0], System.Globalization.CultureInfo.InvariantCulture).ToString(System.Globalization.CultureInfo.InvariantCulture)];
                if (lines.SequenceEqual(VersionFields.Texts(fields, field.Name))) continue; // "06" for 6
            }
            // As the content folder writes them: a number as its text, so an export and an import give the same fields.
            fields = field.Kind == TypeFieldKind.Addresses
                ? VersionFields.With(fields, field.Name, (IReadOnlyList<string>)lines)
                : VersionFields.With(fields, field.Name, lines[0]);
        }
        return (fields, null);
    }

    private async Task<string?> ProblemAsync(TypeField field, IReadOnlyList<string> lines, CancellationToken cancellationToken)
    {
        switch (field.Kind)
        {
            case TypeFieldKind.Number:
                return lines.Count == 1 && int.TryParse(lines[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n)
                    && n is >= 1 and <= TypeField.MaxNumber
                    ? null : $"een heel getal van 1 tot {TypeField.MaxNumber}, of leeg.";
            case TypeFieldKind.Address when lines.Count > 1:
                return "één adres, op één regel.";
            case TypeFieldKind.Addresses when lines.Count > TypeField.MaxAddresses:
                return $"hoogstens {TypeField.MaxAddresses} adressen.";
        }
        if (lines.FirstOrDefault(l => l.Length > 200 || !SlugRouteConstraint.IsSlug(l)) is { } odd)
            return $"'{Core.Formats.Excerpt.Of(odd, 40)}' is geen adres: kleine letters, cijfers en streepjes, zoals je-mentor.";
        if (field.AddressOf is { } addressOf)
        {
            var dutch = cultures.Default.Code;
            var known = await db.ContentItems.Where(i => i.Type == addressOf && i.Culture == dutch && lines.Contains(i.Slug))
                .Select(i => i.Slug).ToListAsync(cancellationToken);
            if (lines.FirstOrDefault(l => !known.Contains(l)) is { } unknown)
                return $"er is geen item met het adres '{unknown}'.";
        }
        return lines.Distinct(StringComparer.Ordinal).Count() == lines.Count ? null : "een adres staat er twee keer in.";
    }
}
