using JasKnowledge.Core.Translations;
using JasKnowledge.Core.Content;
using JasKnowledge.Core.Localization;
using JasKnowledge.Core.Markdown;
using JasKnowledge.Core.Modules;
using JasKnowledge.Data.Content;
using JasKnowledge.Theme;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc;

namespace JasKnowledge.Web.Features.Beheer.Inhoud;

/// <summary>
/// /beheer/inhoud/{id}: edit an item's text in Markdown. "Voorbeeld" renders it with the public pages'
/// pipeline without saving; "Opslaan als concept" keeps a draft; "Publiceren" makes it public (a major
/// change needs a change note). The form remembers the state it started from: when someone else saved
/// the draft in between, the second save is refused with both texts shown, and nothing is overwritten.
/// </summary>
[Authorize(Roles = ContentAccess.ItemRoles)]
public sealed class EditModel(ContentStore store, ContentUrls urls, CultureCatalog cultures, PreviewLinks previews, Glossary glossary, IEnumerable<JasKnowledge.Core.Modules.OwnEditor> ownEditors,
    IEnumerable<IItemEditor> itemEditors, IEnumerable<TranslatedField> translatedFields,
    Microsoft.Extensions.Options.IOptions<Translations.TranslationReview> review, TypeFieldValues typeFieldValues,
    IEnumerable<TranslatedType> translatedTypes) : PageModel
{
    /// <summary>Whether the text has languages to show (<c>/beheer/inhoud/{id}/vertalingen</c>): the handbook is Dutch only.</summary>
    public bool IsTranslatedType => translatedTypes.Any(t => t.Type == Item.Type);

    /// <summary>The boxes of the type's fields (<see cref="TypeField"/>), by field name: shown on the Dutch text to editors.</summary>
    [BindProperty] public Dictionary<string, string?> TypeFields { get; set; } = [];
    /// <summary>The type's fields this user sets here: on the Dutch text, for editors and administrators (translations take them from it).</summary>
    public IReadOnlyList<TypeField> EditableTypeFields =>
        Item.Culture == cultures.Default.Code && (User.IsInRole(Data.Accounts.PortalRoles.Administrator) || User.IsInRole(Data.Accounts.PortalRoles.Editor))
            ? typeFieldValues.Of(Item.Type) : [];
    /// <summary>The current fields with the type fields' boxes written in, once they were checked.</summary>
    private string? _fieldsWithTypeFields;

    /// <summary>False for a translator when translations need a second reader: their "Publiceren" saves a draft for an editor.</summary>
    public bool MayPublish => ContentAccess.MayPublish(User, Item.Culture != cultures.Default.Code && review.Value.TranslationsNeedReview);
    /// <summary>For whoever may not publish (<see cref="MayPublish"/>): they took this text offline themselves and it is unchanged since,
    /// so it may go back unread. Not what someone else took offline (an editor's deliberate unpublish, a municipality pulling its page),
    /// not an older version, and not a translation whose Dutch text is offline (attack of 7 December).</summary>
    public bool MayPutBack => Item.Current is { } current && MayPutBackText(current.ToText());

    private bool MayPutBackText(VersionText text) =>
        _withdrawnByThisUser && (Item.Culture == cultures.Default.Code || Source is not null) && Item.IsLastWithdrawn(text);

    private bool _withdrawnByThisUser;

    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Summary { get; set; }
    [BindProperty] public string? Body { get; set; }
    [BindProperty] public string? ChangeNote { get; set; }
    [BindProperty] public bool IsMajor { get; set; }
    /// <summary>The state the form started from (see <see cref="EditStamp"/>).</summary>
    [BindProperty] public string? Base { get; set; }
    /// <summary>For a translation: the translator brought it up to the Dutch version published now.</summary>
    [BindProperty] public bool UpdateToSource { get; set; }
    /// <summary>The parts of the type's translated fields as the form sends them (a film's subtitles, cue by cue).</summary>
    [BindProperty] public List<FieldForm> Parts { get; set; } = [];

    /// <summary>One translated field as the form sends it.</summary>
    public sealed class FieldForm
    {
        public string? Name { get; set; }
        public List<string?> Texts { get; set; } = [];
    }

    /// <summary>A translated field in the form: the Dutch text it is shaped on (for a translation, the Dutch version published
    /// now), its parts, and what each box holds.</summary>
    /// <param name="Reshaped">The translation's field has other parts than the Dutch one now (a cue added): its boxes start empty,
    /// and the field stays as it was until they are filled.</param>
    /// <param name="Sent">The form sent this field's boxes; a post without them (an older form, a script) leaves the field alone.</param>
    public sealed record FieldEdit(
        TranslatedField Field, string Dutch, IReadOnlyList<FieldPart> DutchParts, IReadOnlyList<string> Values, bool Reshaped, bool Sent)
    {
        /// <summary>Whether saving puts this field together from the boxes: they were sent and not all left empty.</summary>
        public bool Filled => Sent && Values.Any(v => v.Trim().Length > 0);
    }

    public IReadOnlyList<FieldEdit> FieldEdits { get; private set; } = [];
    /// <summary>The box a problem is about ("subtitles.3"), so it points at the message.</summary>
    public string? ProblemPart { get; private set; }

    public ContentItem Item { get; private set; } = null!;
    public string? PublicUrl { get; private set; }
    public string? PreviewHtml { get; private set; }
    public string? Message { get; private set; }
    public string? Problem { get; private set; }
    /// <summary>The field the problem is about ("title", "changeNote"), so that field points at the message.</summary>
    public string? ProblemField { get; private set; }
    /// <summary>"Offline halen" was pressed once: the page asks to confirm before the public page disappears.</summary>
    public bool ConfirmingUnpublish { get; private set; }
    /// <summary>When a Dutch text is to go offline: its published translations, which the editor may take offline with it (a municipality
    /// pulling a wrong page had left the Arabic one public while told the page was gone).</summary>
    public IReadOnlyList<ContentItem> PublishedTranslations { get; private set; } = [];
    /// <summary>When a translation is to go offline: the language its readers get instead (the first published one of its fallback
    /// chain), or null when none is published and the page goes.</summary>
    public CultureDefinition? ShownInstead { get; private set; }
    /// <summary>The draft as someone else saved it, when this save came too late.</summary>
    public ContentVersion? Conflict { get; private set; }
    public (string Url, DateTimeOffset Expires)? ShareLink { get; private set; }
    /// <summary>For a translation: the Dutch version published now, and the one this text was made from.</summary>
    public ContentVersion? Source { get; private set; }
    public int? TranslatedFrom { get; private set; }
    /// <summary>For a translation: whether its text is current against the Dutch text (minor Dutch edits keep it current).</summary>
    public TranslationState? Freshness { get; private set; }
    /// <summary>For an outdated translation: the Dutch sections that changed since the version it was made
    /// from, each with the translation's section at the same place.</summary>
    public IReadOnlyList<(SectionChange Change, string? Translation)> ChangedSections { get; private set; } = [];
    /// <summary>The glossary terms the Dutch text uses, so the translator writes each the agreed way.</summary>
    public IReadOnlyList<GlossaryTerm> GlossaryTerms { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused) return refused;
        var start = Item.Current!;
        // A change counts as major until the editor says it is minor: forgetting the box then asks for a note
        // instead of silently keeping stale translations current and holding back the subscribers' alert.
        (Title, Summary, Body, IsMajor) = (start.Title, start.Summary, start.Body, true);
        ChangeNote = Item.Draft?.ChangeNote;
        Base = EditStamp.Of(Item);
        TypeFields = EditableTypeFields.ToDictionary(f => f.Name, f => (string?)TypeFieldValues.FormText(f, start.Fields));
        return Page();
    }

    public async Task<IActionResult> OnPostPreviewAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused) return refused;
        // Nothing is rendered that saving would refuse: a text of 80 kB of headings had held a core for a minute (attack h8).
        if (VersionText.BodyProblem((Body ?? "").Replace("\r\n", "\n").Trim()) is { } body)
        {
            Problem = body;
            ProblemField = "body";
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        PreviewHtml = MarkdownRenderer.ToHtml(Body ?? "");
        // The preview says at once what saving would refuse (a title of two lines, a direction override), not after.
        if (PartsRefused() || await TypeFieldsRefusedAsync(cancellationToken)) return Page();
        try
        {
            FormText().CheckFields();
        }
        catch (ContentRuleException e)
        {
            Refused(e);
        }
        return Page();
    }

    /// <summary>The version the form describes, on the current one's other fields.</summary>
    private VersionText FormText() => Item.Current!.ToText() with
    {
        Fields = FormFields(),
        Title = (Title ?? "").Trim(),
        Summary = string.IsNullOrWhiteSpace(Summary) ? null : Summary.Trim(),
        Body = (Body ?? "").Replace("\r\n", "\n").Trim(),
        ChangeNote = string.IsNullOrWhiteSpace(ChangeNote) ? null : ChangeNote.Trim(),
        IsMajor = IsMajor,
        SourceVersion = UpdateToSource && Source is not null ? Source.Number : Item.Current!.SourceVersion,
    };

    public Task<IActionResult> OnPostDraftAsync(Guid id, CancellationToken cancellationToken) => SaveAsync(id, publish: false, cancellationToken);

    public Task<IActionResult> OnPostPublishAsync(Guid id, CancellationToken cancellationToken) => SaveAsync(id, publish: true, cancellationToken);

    /// <param name="confirmed">Only the confirmation's own button sends it; the first press asks.</param>
    /// <param name="talen">For a Dutch text: the languages whose published translations go offline with it, as ticked in the question.
    /// Only those named go: a translation published between the question and the answer was not asked about, and stays.</param>
    public async Task<IActionResult> OnPostUnpublishAsync(Guid id, bool confirmed, string[]? talen, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused) return refused;
        if (Item.Published is null)
        {
            Message = "Dit item is niet gepubliceerd; er is niets offline te halen.";
            return Page();
        }
        var others = await store.PublishedTranslationsAsync(Item, cancellationToken);
        if (Item.Culture == cultures.Default.Code)
        {
            var translations = new List<ContentItem>();
            foreach (var translation in others)
                if (await ContentAccess.MayEditAsync(User, translation, cultures, ownEditors, itemEditors, cancellationToken)) translations.Add(translation);
            PublishedTranslations = translations;
        }
        else
            ShownInstead = cultures.FallbackChain(Item.Culture).Skip(1)
                .FirstOrDefault(code => others.Any(o => o.Culture == code)) is { } code ? cultures.Find(code) : null;
        if (!confirmed)
        {
            ConfirmingUnpublish = true;
            return Page();
        }
        var ticked = (talen ?? []).Select(code => cultures.Find(code)?.Code).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var alsoOffline = PublishedTranslations.Where(t => ticked.Contains(t.Culture)).ToList();
        return await RunAsync(async () =>
        {
            await store.UnpublishWithTranslationsAsync(Item, alsoOffline, Actor, cancellationToken);
            PublicUrl = null;
            _withdrawnByThisUser = true;
            var stillOnline = PublishedTranslations.Count - alsoOffline.Count;
            Message = (Item.Culture != cultures.Default.Code
                    ? (ShownInstead is { } instead
                        ? $"Offline gehaald: bezoekers in deze taal lezen op de publieke pagina nu de tekst in de taal {instead.NativeName} ({instead.Code}),"
                        : "Offline gehaald: de publieke pagina is in deze taal niet meer te lezen, want er is geen andere taal gepubliceerd,")
                        + " en zoeken toont deze vertaling niet meer."
                    : stillOnline == 0 && alsoOffline.Count > 0
                        ? $"Offline gehaald, met {alsoOffline.Count} vertaling(en) ({Codes(alsoOffline)}): de publieke pagina's en de zoekresultaten "
                          + "tonen dit item in geen taal meer."
                        : stillOnline > 0
                            ? $"Offline gehaald in het Nederlands{(alsoOffline.Count > 0 ? $", met {alsoOffline.Count} vertaling(en) ({Codes(alsoOffline)})" : "")}: "
                              + $"{stillOnline} vertaling(en) ({Codes(PublishedTranslations.Except(alsoOffline))}) staan nog online, en bezoekers in die talen "
                              + "lezen ze nog."
                            : "Offline gehaald: de publieke pagina en de zoekresultaten tonen dit item niet meer.")
                + (MayPublish
                    ? " De versies blijven in de geschiedenis; met Publiceren zet u het weer online."
                    : " De versies blijven in de geschiedenis; met Weer online zetten zet u het ongewijzigd terug, een veranderde tekst leest eerst een redacteur.");
        });
    }

    private static string Codes(IEnumerable<ContentItem> items) => string.Join(", ", items.Select(i => i.Culture));

    public async Task<IActionResult> OnPostShareAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused) return refused;
        if (Item.Draft is not { } draft)
        {
            Problem = "Er is geen concept om te delen: sla eerst een concept op.";
            return Page();
        }
        // The link carries its maker, so disabling the account ends it; who handed a draft out is in the audit log.
        ShareLink = previews.Create(Item.Id, draft.Number, User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value);
        await store.PreviewSharedAsync(Item, draft.Number, Actor, ShareLink.Value.Expires, cancellationToken);
        return Page();
    }

    private async Task<IActionResult> SaveAsync(Guid id, bool publish, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused) return refused;
        if (Base != EditStamp.Of(Item)) return SavedMeanwhile();
        // A box the form cannot send (IsMajor=banana) binds as unticked: a major change would be saved as minor.
        if (ModelState[nameof(IsMajor)]?.Errors.Count > 0 || ModelState[nameof(UpdateToSource)]?.Errors.Count > 0)
        {
            Problem = "Een keuzevakje kwam met een onbekende waarde aan. Er is niets opgeslagen; uw tekst staat hieronder. " +
                "Kijk \"Grote wijziging\" na en sla opnieuw op.";
            ProblemField = "isMajor";
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        if (string.IsNullOrWhiteSpace(Title))
        {
            Problem = "Geef het item een titel.";
            ProblemField = "title";
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        if (PartsRefused() || await TypeFieldsRefusedAsync(cancellationToken)) return Page();
        var text = FormText();
        // A translator's text waits for a second reader: kept as a draft, never lost, and said so. What they took offline themselves
        // goes back unchanged at once (MayPutBack): before, a translator who took an approved translation offline could not put it back.
        var waits = publish && !MayPublish && !MayPutBackText(text);
        if (waits) publish = false;
        try
        {
            var saved = publish
                ? await store.SaveAndPublishAsync(Item, text, Actor, cancellationToken)
                : await store.SaveDraftAsync(Item, text, Actor, cancellationToken);
            Message = publish ? $"Versie {saved.Number} is gepubliceerd."
                : waits ? $"Opgeslagen als concept (versie {saved.Number}). Op dit portaal leest een redacteur elke vertaling voordat die "
                    + "online gaat; de redacteuren zien uw concept op /beheer/vertalingen. De publieke pagina is niet veranderd."
                : $"Opgeslagen als concept (versie {saved.Number}). De publieke pagina is niet veranderd.";
            Base = EditStamp.Of(Item);
        }
        catch (ContentRuleException e) when (e.Rule == ContentRule.ChangedMeanwhile)
        {
            // Both forms passed the check above at the same moment, and the database let the other save first.
            return await LoadAsync(id, cancellationToken) ?? SavedMeanwhile();
        }
        catch (ContentRuleException e)
        {
            Refused(e);   // nothing was saved: the store checks every rule before it changes anything
        }
        return Page();
    }

    /// <summary>The current fields with each translated field the form filled put together on its Dutch shape. A field whose boxes
    /// are all empty stays as it was: a translation that has no subtitles yet keeps none until someone writes them.</summary>
    private string? FormFields()
    {
        var fields = _fieldsWithTypeFields ?? Item.Current!.Fields;
        foreach (var edit in FieldEdits.Where(e => e.Filled))
        {
            // Written only when it changed: the same text sent back is no new version.
            var text = edit.Field.Join(edit.Dutch, edit.Values);
            if (text != VersionFields.Text(fields, edit.Field.Name)) fields = VersionFields.With(fields, edit.Field.Name, text);
        }
        return fields;
    }

    /// <summary>Refuses the form when a box of a translated field cannot stand for its part (a cue too long to read, an empty one
    /// among filled ones), naming the field and the part; nothing is saved and every box keeps what was typed.</summary>
    private bool PartsRefused()
    {
        foreach (var edit in FieldEdits.Where(e => e.Filled))
            for (var i = 0; i < edit.Values.Count; i++)
                if (edit.Field.Problem(edit.Dutch, i, edit.Values[i]) is { } problem)
                {
                    Problem = $"{edit.Field.Label}, deel {i + 1}: {problem}. Er is niets opgeslagen; uw tekst staat hieronder.";
                    ProblemField = "parts";
                    ProblemPart = $"{edit.Field.Name}.{i + 1}";
                    Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
                    return true;
                }
        return false;
    }

    /// <summary>Refuses the form when a box of the type's fields cannot be kept (a place that is no number, a session that does not
    /// exist), naming the field; nothing is saved and every box keeps what was typed.</summary>
    private async Task<bool> TypeFieldsRefusedAsync(CancellationToken cancellationToken)
    {
        var editable = EditableTypeFields;
        if (editable.Count == 0) return false;
        var posted = TypeFields.Where(p => editable.Any(f => f.Name == p.Key)).ToDictionary(p => p.Key, p => p.Value);
        var (fields, problem) = await typeFieldValues.ApplyAsync(Item.Type, Item.Current!.Fields, posted, cancellationToken);
        if (problem is null)
        {
            _fieldsWithTypeFields = fields;
            return false;
        }
        Problem = $"{problem.Message} Er is niets opgeslagen; uw tekst staat hieronder.";
        ProblemField = "typefield-" + problem.Field;
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return true;
    }

    /// <summary>Someone saved or published since this form was opened: show both, keep both.</summary>
    private PageResult SavedMeanwhile()
    {
        Conflict = Item.Current;
        Problem = "Iemand anders heeft dit item opgeslagen nadat u het opende. Uw tekst is niet opgeslagen; hieronder staan beide teksten. " +
            "Neem over wat u wilt houden en sla opnieuw op.";
        Base = EditStamp.Of(Item);
        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }

    /// <summary>Runs a change; a rule of the content core that refuses it becomes the page's message.</summary>
    private async Task<IActionResult> RunAsync(Func<Task> change)
    {
        try
        {
            await change();
        }
        catch (ContentRuleException e)
        {
            Refused(e);
        }
        return Page();
    }

    private void Refused(ContentRuleException e)
    {
        Problem = e.Rule == ContentRule.MajorChangeNeedsNote
            ? "Een grote wijziging heeft een toelichting nodig: schrijf bij \"Wat veranderde er?\" wat er veranderde. Er is niets opgeslagen; uw tekst staat hieronder."
            : e.Message;
        if (e.Rule == ContentRule.MajorChangeNeedsNote) ProblemField = "changeNote";
        // A field a rule refused (too long, a title of two lines, a direction override): the first one it is about.
        if (e.Errors.FirstOrDefault(f => f.Field is "title" or "summary" or "changeNote" or "body") is { } field) ProblemField = field.Field;
        Response.StatusCode = e.Rule == ContentRule.ChangedMeanwhile ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity;
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await store.FindAsync(id, cancellationToken) is not { } item) return NotFound();
        if (!await ContentAccess.MayEditAsync(User, item, cultures, ownEditors, itemEditors, cancellationToken)) return Forbid();
        Item = item;
        PublicUrl = item.Published is null ? null : urls.For(item);
        if (item.Culture != cultures.Default.Code)
        {
            var sourceItem = await store.FindAsync(item.LocalizationSet, cultures.Default.Code, cancellationToken);
            Source = sourceItem?.Published;
            if (Source is not null)
                GlossaryTerms = glossary.TermsIn($"{Source.Title}\n{Source.Summary}\n{Source.Body}", cultures.Default.Code);
            TranslatedFrom = item.Current?.SourceVersion;
            if (sourceItem is not null) Freshness = TranslationFreshness.Of(TranslationFreshness.NeededFrom(sourceItem.Versions), item.Current);
            if (Freshness == TranslationState.Outdated && Source is not null && item.Current is { } translation
                && sourceItem!.Versions.FirstOrDefault(v => v.Number == TranslatedFrom && v.State != VersionState.Draft) is { } from)
            {
                var own = TextSections.Of(translation.Body);
                ChangedSections = TextSections.Changed(from.Body, Source.Body)
                    .Select(c => (c, c.BeforeIndex >= 0 && c.BeforeIndex < own.Count ? own[c.BeforeIndex].Text : null))
                    .ToList();
            }
        }
        FieldEdits = FieldEditsOf(item);
        // Asked of the audit log only where it can matter: an offline text, and a user who may not simply publish it.
        _withdrawnByThisUser = item.LastWithdrawn is not null && !MayPublish
            && string.Equals(await store.WithdrawnByAsync(item, cancellationToken), Actor, StringComparison.OrdinalIgnoreCase);
        ViewData[LayoutData.Title] = $"Bewerken: {item.Current?.Title}";
        return null;
    }

    /// <summary>The type's translated fields that the Dutch text has, each box holding what was sent, or else the item's own part.</summary>
    private List<FieldEdit> FieldEditsOf(ContentItem item)
    {
        var edits = new List<FieldEdit>();
        var shape = item.Culture == cultures.Default.Code ? item.Current : Source;
        foreach (var field in translatedFields.Where(f => f.Type == item.Type))
        {
            if (VersionFields.Text(shape?.Fields, field.Name) is not { } dutch) continue;
            var parts = field.Parts(dutch);
            var own = VersionFields.Text(item.Current?.Fields, field.Name) is { } text ? field.Parts(text) : null;
            var reshaped = own is not null && own.Count != parts.Count;
            var sent = Parts.FirstOrDefault(p => p.Name == field.Name);
            var values = sent is not null
                ? parts.Select((_, i) => i < sent.Texts.Count ? sent.Texts[i] ?? "" : "").ToList()
                : parts.Select((_, i) => own is not null && !reshaped ? own[i].Text : "").ToList();
            edits.Add(new FieldEdit(field, dutch, parts, values, reshaped, sent is not null));
        }
        return edits;
    }

    private string Actor => User.Identity?.Name ?? "onbekend";
}
