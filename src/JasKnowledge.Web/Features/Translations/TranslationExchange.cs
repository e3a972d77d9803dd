using JasKnowledge.Core.Content;
using JasKnowledge.Core.Formats;
using JasKnowledge.Core.Localization;
using JasKnowledge.Core.Modules;
using JasKnowledge.Core.Translations;
using JasKnowledge.Data;
using JasKnowledge.Data.Content;
using Microsoft.EntityFrameworkCore;

namespace JasKnowledge.Web.Features.Translations;

/// <summary>A unit or item the import left out, and why.</summary>
public sealed record SkippedUnit(string Set, string? Unit, string Reason);

/// <summary>What an XLIFF import did: the items that became drafts, what was skipped, and the interface
/// strings that passed the checks (they go into the code's resx files, see <see cref="InterfaceTexts"/>).</summary>
/// <param name="Unchanged">Items whose translation in the file is the text the portal already has: no draft is made.</param>
public sealed record XliffImportReport(
    IReadOnlyList<string> Imported, IReadOnlyList<SkippedUnit> Skipped, IReadOnlyList<KeyValuePair<string, string>> Interface,
    IReadOnlyList<string> Unchanged)
{
    /// <summary>"Import: 1 item als concept, 2 items niet geïmporteerd": items and interface texts counted apart, since one
    /// refused item can have several reasons in the list below it.</summary>
    public string Headline
    {
        get
        {
            var notImported = Skipped.Where(s => s.Set != InterfaceTexts.Set).Select(s => s.Set).Distinct().Count();
            var interfaceSkipped = Skipped.Count(s => s.Set == InterfaceTexts.Set);
            var parts = new List<string> { $"{Items(Imported.Count)} als concept" };
            if (Unchanged.Count > 0) parts.Add($"{Items(Unchanged.Count)} ongewijzigd");
            if (notImported > 0) parts.Add($"{Items(notImported)} niet geïmporteerd");
            if (interfaceSkipped > 0) parts.Add($"{interfaceSkipped} {(interfaceSkipped == 1 ? "interfacetekst" : "interfaceteksten")} overgeslagen");
            if (Skipped.Count == 0) parts.Add("niets overgeslagen");
            return "Import: " + string.Join(", ", parts);
        }
    }

    private static string Items(int count) => count == 1 ? "1 item" : $"{count} items";
}

/// <summary>
/// Translation work in XLIFF 1.2 for translators' own tools. The export holds, per item, the Dutch
/// text in units with the current translation as target (marked for review where the Dutch unit changed);
/// the import checks the whole file first and only then makes drafts, which record the Dutch version they
/// were translated from. Nothing is published here: a person reviews each draft.
/// </summary>
public sealed class TranslationExchange(
    JasDbContext db, ContentStore store, CultureCatalog cultures, IEnumerable<TranslatedType> types, Glossary glossary,
    InterfaceTexts interfaceTexts, IEnumerable<TranslatedField> translatedFields)
{
    public const string Title = "title";
    public const string Summary = "summary";

    /// <param name="everything">Also items and interface strings whose translation is current (to re-check all of them).</param>
    /// <summary>Starts a missing translation into <paramref name="language"/> as a draft with the Dutch text, recording the Dutch
    /// version it starts from. Of the type-specific fields only the translated ones come along (a film's subtitles, to be
    /// written over cue by cue); the others stay with the Dutch item. Only for what the portal offers in every language
    /// and has published in Dutch; a translation that exists, or that someone began at the same moment, is the one to work on.
    /// </summary>
    /// <returns>The translation's item, or why there is none.</returns>
    public async Task<(ContentItem? Item, string? Refusal)> StartAsync(
        string? localizationSet, string language, string actor, CancellationToken cancellationToken = default)
    {
        var source = await store.FindAsync(localizationSet ?? "", cultures.Default.Code, cancellationToken);
        if (source?.Published is not { } published) return (null, "Er is geen gepubliceerde Nederlandse tekst om te vertalen.");
        // The handbook and the programmes' records are Dutch only: a translation would be published nowhere it belongs.
        if (!types.Any(t => t.Type == source.Type)) return (null, "Deze tekst is er alleen in het Nederlands; die wordt niet vertaald.");
        if (await store.FindAsync(source.LocalizationSet, language, cancellationToken) is { } existing) return (existing, null);
        string? fields = null;
        foreach (var field in FieldsOf(source.Type))
            if (VersionFields.Text(published.Fields, field.Name) is { } dutch) fields = VersionFields.With(fields, field.Name, dutch);
        var text = new VersionText(published.Title, published.Body, published.Summary, fields,
            $"Vertaling begonnen van de Nederlandse versie {published.Number}.", SourceVersion: published.Number);
        try
        {
            return (await store.CreateAsync(source.Type, language, source.LocalizationSet, source.Slug, text, actor, cancellationToken), null);
        }
        catch (ContentRuleException e) when (e.Rule == ContentRule.ChangedMeanwhile)
        {
            return await store.FindAsync(source.LocalizationSet, language, cancellationToken) is { } begun ? (begun, null) : (null, e.Message);
        }
    }

    public async Task<string> ExportAsync(string language, bool everything, CancellationToken cancellationToken = default)
    {
        var items = (await ItemsAsync(language, everything, cancellationToken)).Select(i => i.Item).ToList();
        if (interfaceTexts.Item(language, everything) is { } strings) items.Add(strings);
        return XliffDocument.Write(cultures.Default.Code, language, items);
    }

    /// <summary>What an export holds, with each item's state: missing items have no targets; outdated ones
    /// have their unchanged units "translated" and only the changed ones to review.</summary>
    public async Task<IReadOnlyList<(XliffItem Item, TranslationState State)>> ItemsAsync(
        string language, bool everything, CancellationToken cancellationToken = default)
    {
        var items = new List<(XliffItem, TranslationState)>();
        foreach (var (dutch, translation) in await PairsAsync(language, cancellationToken))
        {
            var source = dutch.Published!;
            var translated = translation?.Published;
            var state = TranslationFreshness.Of(TranslationFreshness.NeededFrom(dutch.Versions), translated);
            if (state == TranslationState.Current && !everything) continue;
            var from = translated?.SourceVersion is { } number
                ? dutch.Versions.FirstOrDefault(v => v.Number == number && v.State != VersionState.Draft) : null;
            var units = new List<XliffUnit>();
            var context = $"{dutch.Type} · {source.Title} · Nederlandse versie {source.Number}";
            units.Add(Unit(Title, "title", source.Title, translated?.Title, from is null || from.Title != source.Title,
                [context, "titel", .. GlossaryNotes(source.Title, language)], language));
            if (!string.IsNullOrEmpty(source.Summary))
                units.Add(Unit(Summary, "summary", source.Summary, translated?.Summary, from is null || from.Summary != source.Summary,
                    [context, "samenvatting", .. GlossaryNotes(source.Summary, language)], language));

            var now = MarkdownUnits.Of(source.Body).Units;
            // The translation's blocks line up with the Dutch version it was made from only when it kept its structure.
            var oldDutch = from is null ? null : MarkdownUnits.Of(from.Body).Units;
            var own = translated is null ? null : MarkdownUnits.Of(translated.Body).Units;
            var aligned = oldDutch is not null && own is not null && own.Count == oldDutch.Count
                ? UnitAlignment.Map(oldDutch.Select(u => u.Text).ToList(), now.Select(u => u.Text).ToList())
                : null;
            for (var i = 0; i < now.Count; i++)
            {
                var (was, changed) = aligned?[i] ?? (null, true);
                var notes = new List<string> { context, now[i].Kind };
                if (now[i].Section is { } section && now[i].Kind != "heading") notes.Add($"onder: {section}");
                notes.AddRange(GlossaryNotes(now[i].Text, language));
                units.Add(Unit(BlockId(i), now[i].Kind, now[i].Text, was is { } w ? own![w].Text : null, changed, notes, language));
            }
            foreach (var field in FieldsOf(dutch.Type))
            {
                if (VersionFields.Text(source.Fields, field.Name) is not { } dutchText) continue;
                var parts = field.Parts(dutchText);
                var wasParts = from is not null && VersionFields.Text(from.Fields, field.Name) is { } fromText ? field.Parts(fromText) : null;
                var ownParts = translated is not null && VersionFields.Text(translated.Fields, field.Name) is { } ownText ? field.Parts(ownText) : null;
                for (var i = 0; i < parts.Count; i++)
                {
                    var changed = wasParts is null || wasParts.Count != parts.Count || wasParts[i].Text != parts[i].Text;
                    var target = ownParts?.Count == parts.Count ? ownParts[i].Text : null;
                    var index = i;
                    units.Add(Unit(FieldId(field, i), "field", parts[i].Text, target, changed,
                        [context, field.Label, parts[i].Context, .. GlossaryNotes(parts[i].Text, language)], language,
                        translation => field.Problem(dutchText, index, translation)));
                }
            }
            items.Add((new XliffItem(dutch.LocalizationSet, dutch.Type, source.Number, units), state));
        }
        return items;
    }

    /// <exception cref="XliffFormatException">The file is refused as a whole; nothing changed.</exception>
    public async Task<XliffImportReport> ImportAsync(string language, string xml, string actor, CancellationToken cancellationToken = default)
    {
        var file = XliffDocument.Read(xml, language);
        var strings = file.Where(i => i.IsInterface).Select(interfaceTexts.Check).ToList();
        var pairs = (await PairsAsync(language, cancellationToken)).ToDictionary(p => p.Dutch.LocalizationSet, StringComparer.Ordinal);

        // First every check that refuses the file, so that a bad file changes nothing.
        if (file.GroupBy(i => i.Set, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } itemTwice)
            throw new XliffFormatException($"'{itemTwice.Key}' staat twee keer in het bestand; welke van de twee geldt is niet te zeggen.", null,
                itemTwice.ElementAt(1).Line);
        var plans = new List<(XliffItem Item, ContentItem Dutch, ContentVersion From)>();
        foreach (var item in file.Where(i => !i.IsInterface))
        {
            if (!pairs.TryGetValue(item.Set, out var pair))
                throw new XliffFormatException(
                    $"Onbekend item '{item.Set}': er is geen gepubliceerde Nederlandse tekst met die naam.", null, item.Line);
            var from = pair.Dutch.Versions.FirstOrDefault(v => v.Number == item.SourceVersion && v.State != VersionState.Draft)
                ?? throw new XliffFormatException($"'{item.Set}' heeft geen gepubliceerde Nederlandse versie {item.SourceVersion}.", null, item.Line);
            var expected = ExpectedIds(pair.Dutch.Type, from);
            var ids = item.Units.Select(u => u.Id).ToList();
            if (ids.FirstOrDefault(id => !expected.Contains(id)) is { } unknown)
                throw new XliffFormatException($"Unit '{unknown}' hoort niet bij '{item.Set}' versie {item.SourceVersion}.", unknown,
                    item.Units.First(u => u.Id == unknown).Line);
            // A unit twice is named as such first: its copy may stand where a unit that is missing belongs.
            if (item.Units.GroupBy(u => u.Id).FirstOrDefault(g => g.Count() > 1) is { } twice)
                throw new XliffFormatException($"Unit '{twice.Key}' staat twee keer in '{item.Set}'.", twice.Key, twice.ElementAt(1).Line);
            if (expected.FirstOrDefault(id => !ids.Contains(id)) is { } missing)
                throw new XliffFormatException($"Unit '{missing}' van '{item.Set}' ontbreekt in het bestand.", missing, item.Line);
            plans.Add((item, pair.Dutch, from));
        }

        var imported = new List<string>();
        var alreadyThere = new List<string>();
        var skipped = strings.SelectMany(s => s.Skipped).ToList();
        foreach (var (item, dutch, from) in plans)
        {
            var current = dutch.Published!;
            var fromUnits = MarkdownUnits.Of(from.Body);
            var stillSame = UnitAlignment.Map(
                    fromUnits.Units.Select(u => u.Text).ToList(), MarkdownUnits.Of(current.Body).Units.Select(u => u.Text).ToList())
                .Where(m => !m.Changed && m.From is not null).Select(m => m.From!.Value).ToHashSet();
            var problems = new List<SkippedUnit>();
            foreach (var unit in item.Units)
            {
                var part = FieldPartOf(dutch.Type, unit.Id);
                var (source, kind, unchanged) = (unit.Id, part) switch
                {
                    (Title, _) => (from.Title, "title", from.Title == current.Title),
                    (Summary, _) => (from.Summary ?? "", "summary", from.Summary == current.Summary),
                    (_, ({ } field, var index)) => FieldUnit(field, index, from, current),
                    _ => (fromUnits.Units[BlockIndex(unit.Id)].Text, fromUnits.Units[BlockIndex(unit.Id)].Kind, stillSame.Contains(BlockIndex(unit.Id))),
                };
                if (unit.Source != source)
                    problems.Add(new(item.Set, unit.Id,
                        $"de bron in het bestand is niet de Nederlandse tekst van versie {from.Number} (regel {unit.Line})"));
                else if (!unchanged)
                    problems.Add(new(item.Set, unit.Id,
                        $"de Nederlandse tekst van deze unit is veranderd sinds versie {from.Number} (regel {unit.Line}); exporteer opnieuw"));
                else if (unit.Target is null)
                    problems.Add(new(item.Set, unit.Id, $"geen vertaling (regel {unit.Line})"));
                else if (HiddenCharacters.Problem("De vertaling", unit.Target) is { } hidden)
                    problems.Add(new(item.Set, unit.Id, $"{hidden} (regel {unit.Line})"));
                else if ((part is ({ } field, var index)
                        ? field.Problem(VersionFields.Text(current.Fields, field.Name)!, index, unit.Target)
                        : TranslatedLayout.Problem(kind, source, unit.Target, cultures.Default.Code, language)) is { } layout)
                    problems.Add(new(item.Set, unit.Id, $"{layout} (regel {unit.Line})"));
            }
            if (problems.Count > 0)
            {
                // A draft must be a whole text: an item with a unit left out is not imported at all.
                skipped.AddRange(problems);
                continue;
            }
            var target = item.Units.Where(u => FieldPartOf(dutch.Type, u.Id).Field is null)
                .ToDictionary(u => u.Id, u => TranslatedLayout.Lines(u.Target!));
            var body = fromUnits.Join(Enumerable.Range(0, fromUnits.Units.Count).Select(i => target[BlockId(i)]).ToList());
            if (TranslatedLayout.JoinedProblem(from.Body, body, cultures.Default.Code, language) is { } joined)
            {
                skipped.Add(new(item.Set, null, joined));
                continue;
            }
            var existing = await store.FindAsync(dutch.LocalizationSet, language, cancellationToken);
            if (existing?.Draft is { } open && open.Author != actor)
            {
                // Someone's saved work is never replaced by a file: they publish or discard it first.
                skipped.Add(new(item.Set, null,
                    $"er staat een concept open (versie {open.Number}, van {open.Author}); publiceer of verwijder dat eerst en importeer dan opnieuw"));
                continue;
            }
            var fields = existing?.Current?.Fields;
            foreach (var field in FieldsOf(dutch.Type))
            {
                var parts = item.Units.Select(u => (Unit: u, Part: FieldPartOf(dutch.Type, u.Id))).Where(u => u.Part.Field == field)
                    .OrderBy(u => u.Part.Index).Select(u => u.Unit.Target!).ToList();
                // Put together on the Dutch field as published now: its parts are the ones translated (checked above), and a
                // subtitle takes the film's times of now.
                if (parts.Count == 0) continue;
                var whole = field.Join(VersionFields.Text(current.Fields, field.Name)!, parts);
                // Written only when it changed: a full export sent back as it was is no work to review.
                if (whole != VersionFields.Text(fields, field.Name)) fields = VersionFields.With(fields, field.Name, whole);
            }
            var text = new VersionText(
                target[Title].Trim(), body, target.TryGetValue(Summary, out var summary) ? summary.Trim() : null,
                fields, $"Geïmporteerd uit XLIFF (Nederlandse versie {from.Number}).",
                IsMajor: false, SourceVersion: from.Number);
            // A full export sent back as it was: the same text is no work to review, so no draft.
            if (existing?.Current is { } now && text.SameContentAs(now))
            {
                alreadyThere.Add(item.Set);
                continue;
            }
            try
            {
                if (existing is null) await store.CreateAsync(dutch.Type, language, dutch.LocalizationSet, dutch.Slug, text, actor, cancellationToken);
                else await store.SaveDraftAsync(existing, text, actor, cancellationToken);
            }
            catch (ContentRuleException e)
            {
                // A rule of the item itself (a title longer than a version keeps): this item is left out, as an item with
                // a unit left out is; the items before it are saved, and the report says which were and which were not,
                // with the unit and line of a title or summary a rule refused.
                var unit = e.Errors.Select(f => f.Field switch { "title" => Title, "summary" => Summary, _ => null })
                    .FirstOrDefault(id => id is not null);
                var line = item.Units.FirstOrDefault(u => u.Id == unit)?.Line;
                skipped.Add(new(item.Set, unit, line is null ? e.Message : $"{e.Message} (regel {line})"));
                continue;
            }
            imported.Add(item.Set);
        }
        return new XliffImportReport(imported, skipped, strings.SelectMany(s => s.Ready).ToList(), alreadyThere);
    }

    /// <summary>One note per glossary term in the Dutch text: the agreed form in the target language, and
    /// whether the Dutch term stays in brackets the first time.</summary>
    private IEnumerable<string> GlossaryNotes(string dutch, string language) =>
        glossary.TermsIn(dutch, cultures.Default.Code).Select(term =>
            $"woordenlijst: {term.Term} = {term.In(language)?.Form ?? "?"}"
            + (term.DutchInBrackets ? $" (de eerste keer met \"({term.Term})\" erachter)" : ""));

    private XliffUnit Unit(string id, string kind, string source, string? target, bool changed, IReadOnlyList<string> notes, string language,
        Func<string, string?>? problem = null)
    {
        // A translation edited apart from its Dutch text can hold a link or emphasis the Dutch lacks. As a target the import
        // would refuse it (the whole file, or the item): it goes along as a note, the unit to be translated again.
        if (target is not null && (!XliffDocument.KeepsCodes(source, target, cultures.Default.Code, language)
            || (problem ?? (t => TranslatedLayout.Problem(kind, source, t, cultures.Default.Code, language)))(target) is not null))
            return new(id, source, null, "needs-translation", [.. notes, $"huidige vertaling, met andere opmaak of links dan de bron: {target}"]);
        return new(id, source, target, target is null ? "needs-translation" : changed ? "needs-review-translation" : "translated", notes);
    }

    private HashSet<string> ExpectedIds(string type, ContentVersion version)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal) { Title };
        if (!string.IsNullOrEmpty(version.Summary)) ids.Add(Summary);
        for (var i = 0; i < MarkdownUnits.Of(version.Body).Units.Count; i++) ids.Add(BlockId(i));
        foreach (var field in FieldsOf(type))
            if (VersionFields.Text(version.Fields, field.Name) is { } text)
                for (var i = 0; i < field.Parts(text).Count; i++) ids.Add(FieldId(field, i));
        return ids;
    }

    private IEnumerable<TranslatedField> FieldsOf(string type) => translatedFields.Where(f => f.Type == type);

    /// <summary>A field's part as a unit: "subtitles.3" is the third cue.</summary>
    private static string FieldId(TranslatedField field, int index) => $"{field.Name}.{index + 1}";

    /// <summary>The field and part a unit id stands for, or none (a block, the title, the summary).</summary>
    private (TranslatedField? Field, int Index) FieldPartOf(string type, string id)
    {
        var dot = id.LastIndexOf('.');
        if (dot <= 0 || !int.TryParse(id.AsSpan(dot + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture,
                out var number) || number < 1)
            return (null, -1);
        var name = id[..dot];
        return FieldsOf(type).FirstOrDefault(f => f.Name == name) is { } field ? (field, number - 1) : (null, -1);
    }

    /// <summary>A field part's Dutch text in the version translated from, and whether the Dutch field is still the same there: as
    /// many parts, this one's text unchanged.</summary>
    private static (string Source, string Kind, bool Unchanged) FieldUnit(TranslatedField field, int index, ContentVersion from, ContentVersion current)
    {
        var was = field.Parts(VersionFields.Text(from.Fields, field.Name) ?? "");
        var now = VersionFields.Text(current.Fields, field.Name) is { } text ? field.Parts(text) : [];
        return (was[index].Text, "field", now.Count == was.Count && now[index].Text == was[index].Text);
    }

    private static string BlockId(int index) => $"b{index + 1}";
    private static int BlockIndex(string id) => int.Parse(id[1..], System.Globalization.CultureInfo.InvariantCulture) - 1;

    /// <summary>Every published Dutch item of a translated type, with its item in the language (if any), in the status page's order.</summary>
    private async Task<List<(ContentItem Dutch, ContentItem? Translation)>> PairsAsync(string language, CancellationToken cancellationToken)
    {
        var order = types.ToDictionary(t => t.Type, t => t.Order);
        var names = order.Keys.ToList();
        var items = await db.ContentItems.AsNoTracking().Include(i => i.Versions)
            .Where(i => names.Contains(i.Type) && (i.Culture == cultures.Default.Code || i.Culture == language))
            .ToListAsync(cancellationToken);
        var translations = items.Where(i => i.Culture == language).ToDictionary(i => i.LocalizationSet, StringComparer.Ordinal);
        return items.Where(i => i.Culture == cultures.Default.Code && i.Published is not null)
            .OrderBy(i => order[i.Type]).ThenBy(i => i.LocalizationSet, StringComparer.Ordinal)
            .Select(i => (i, translations.GetValueOrDefault(i.LocalizationSet)))
            .ToList();
    }
}
