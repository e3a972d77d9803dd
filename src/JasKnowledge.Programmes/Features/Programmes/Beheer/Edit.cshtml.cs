using JasKnowledge.Core.Content;
using JasKnowledge.Core.Modules;
using JasKnowledge.Data.Content;
using JasKnowledge.Programmes.Gemeenten;
using JasKnowledge.Programmes.Model;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc;

namespace JasKnowledge.Programmes.Features.Programmes.Beheer;

/// <summary>
/// /beheer/gemeenten/{code}: a municipality's adoption record and programme, edited by an administrator
/// or by that municipality's own editor (anyone else: 403). "Bekijk de verschillen" shows the timeline
/// and the diff against the blueprint without saving; publishing is offered from that preview and needs
/// a change note. A form that breaks the model is shown again with a message per field, nothing saved.
/// </summary>
[Authorize]
public sealed class EditModel(ProgrammeCatalog catalog, ContentStore store, TimeProvider clock) : PageModel
{
    [BindProperty] public MunicipalityForm Form { get; set; } = new();
    /// <summary>The record as it was when the form was opened (<see cref="EditStamp"/>).</summary>
    [BindProperty] public string? Base { get; set; }
    /// <summary>Set when someone else saved after this form was opened: what is saved now.</summary>
    public ContentVersion? Conflict { get; private set; }

    public Gemeente Gemeente { get; private set; } = null!;
    public ProgrammeData Data { get; private set; } = null!;
    public IReadOnlyList<ContentFieldError> Errors { get; private set; } = [];
    /// <summary>Set after "Bekijk de verschillen" on a valid form.</summary>
    public (Programme Programme, IReadOnlyList<ProgrammeChange> Diff, Blueprint? Blueprint)? Preview { get; private set; }
    public string? Saved { get; private set; }
    public bool HasDraft { get; private set; }
    public bool Fictional { get; private set; }
    /// <summary>The municipality's content item, read once per request; null before its first save.</summary>
    private ContentItem? _item;

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        if (await LoadAsync(code, cancellationToken) is { } refused) return refused;
        var version = _item?.Draft ?? _item?.Published;
        var fields = version is null ? new MunicipalityFields { Code = Gemeente.Code, Status = AdoptionStatus.GeenInformatie.Code() }
            : ProgrammeJson.Read<MunicipalityFields>(version.Fields);
        var blueprint = Data.Blueprint(fields.Blueprint) ?? Data.Blueprints.LastOrDefault();
        fields.Blueprint ??= blueprint?.Slug;
        Form = MunicipalityForm.From(fields, fields.Programme ?? blueprint?.Programme ?? new Programme(), version?.Body ?? "");
        Base = EditStamp.Of(_item, NotYetSaved);
        return Page();
    }

    public async Task<IActionResult> OnPostPreviewAsync(string code, CancellationToken cancellationToken)
    {
        if (await LoadAsync(code, cancellationToken) is { } refused) return refused;
        var (fields, programme, errors) = Read();
        // The preview says what saving would refuse in the text and the note (a direction override), not only in the fields.
        try
        {
            FormText(fields).CheckFields();
        }
        catch (ContentRuleException e)
        {
            // The fields' own texts are the form's matter (Read names each field); the rest is the text's and the note's.
            errors.AddRange(e.Errors.Where(error => error.Field is "body" or "changeNote"));
        }
        if (errors.Count > 0) return Invalid(errors);
        var blueprint = Data.Blueprint(fields.Blueprint);
        Preview = (programme, blueprint is null ? [] : ProgrammeDiff.Compare(blueprint.Programme, programme), blueprint);
        return Page();
    }

    public Task<IActionResult> OnPostDraftAsync(string code, CancellationToken cancellationToken)
        => SaveAsync(code, publish: false, cancellationToken);

    public Task<IActionResult> OnPostPublishAsync(string code, CancellationToken cancellationToken)
        => SaveAsync(code, publish: true, cancellationToken);

    private async Task<IActionResult> SaveAsync(string code, bool publish, CancellationToken cancellationToken)
    {
        if (await LoadAsync(code, cancellationToken) is { } refused) return refused;
        if (Base != EditStamp.Of(_item, NotYetSaved)) return SavedMeanwhile();
        var (fields, _, errors) = Read();
        if (publish && string.IsNullOrWhiteSpace(Form.ChangeNote))
            errors.Add(new("changeNote", "Schrijf bij het publiceren kort wat er veranderde: lezers zien het in de geschiedenis."));
        if (errors.Count > 0) return Invalid(errors);

        var text = FormText(fields);
        var actor = User.Identity?.Name ?? "onbekend";
        try
        {
            var item = _item;
            ContentVersion saved;
            if (publish)
            {
                item ??= new ContentItem
                {
                    Type = ProgrammeContentTypes.Municipality, Culture = ProgrammeContentTypes.Culture, LocalizationSet = SetOf(Gemeente),
                    Slug = Gemeente.Slug, CreatedUtc = clock.GetUtcNow().UtcDateTime,
                };
                saved = await store.SaveAndPublishAsync(item, text, actor, cancellationToken);
            }
            else if (item is null)
            {
                item = await store.CreateAsync(
                    ProgrammeContentTypes.Municipality, ProgrammeContentTypes.Culture, SetOf(Gemeente), Gemeente.Slug, text, actor,
                    cancellationToken);
                saved = item.Draft!;
            }
            else saved = await store.SaveDraftAsync(item, text, actor, cancellationToken);
            Saved = publish ? $"Gepubliceerd als versie {saved.Number}."
                : $"Opgeslagen als concept (versie {saved.Number}); de publieke pagina is niet veranderd.";
            HasDraft = !publish;
            Base = EditStamp.Of(item);
        }
        catch (ContentRuleException e) when (e.Rule == ContentRule.ChangedMeanwhile)
        {
            // Both forms passed the check above at the same moment, and the database let the other save first.
            if (await LoadAsync(code, cancellationToken) is { } gone) return gone;
            return SavedMeanwhile();
        }
        catch (ContentRuleException e)
        {
            return Invalid(e.Errors.Count > 0 ? e.Errors.ToList() : [new ContentFieldError("form", e.Message)]);
        }
        return Page();
    }

    private VersionText FormText(MunicipalityFields fields) => new(
        $"24x24 in {Gemeente.Name}", (Form.Body ?? "").Trim(), Fields: ProgrammeJson.Write(fields), ChangeNote: Form.ChangeNote?.Trim());

    /// <summary>Saved by someone else since this form was opened: nothing is replaced; the form keeps this
    /// editor's values, the saved version is shown beside it, and a second save is a choice.</summary>
    private PageResult SavedMeanwhile()
    {
        Conflict = _item?.Current;
        Base = EditStamp.Of(_item, NotYetSaved);
        Errors = [new ContentFieldError("form",
            "Iemand anders heeft deze gemeente opgeslagen nadat u het formulier opende. Uw wijziging is niet opgeslagen: "
            + "het formulier hieronder toont nog uw tekst. Vergelijk die met wat er nu staat, en sla daarna opnieuw op.")];
        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }

    /// <summary>Access first (a municipal editor learns nothing about other codes), then existence.</summary>
    private async Task<IActionResult?> LoadAsync(string code, CancellationToken cancellationToken)
    {
        if (!MunicipalityAccess.MayEdit(User, code)) return Forbid();
        Data = await catalog.LoadAsync(cancellationToken);
        if (Data.Gemeenten.ByCode(code) is not { } gemeente || gemeente.Code != code) return NotFound();
        Gemeente = gemeente;
        var record = Data.Municipality(code)?.Record;
        Fictional = record?.Fields.Fictional == true;
        _published = record?.Fields;
        _item = await store.FindAsync(SetOf(gemeente), ProgrammeContentTypes.Culture, cancellationToken);
        HasDraft = _item?.Draft is not null;
        ViewData[Theme.LayoutData.Title] = $"{gemeente.Name} bewerken";
        ViewData[Theme.LayoutData.Alternates] = new List<Theme.PageAlternate>();
        return null;
    }

    private MunicipalityFields? _published;

    private (MunicipalityFields Fields, Programme Programme, List<ContentFieldError> Errors) Read()
    {
        var read = Form.ToFields(Gemeente.Code, Data.Blueprint(Form.Blueprint?.Trim()), Fictional);
        read.Fields.Inferred = MunicipalityFields.InferredAfterEdit(_published, read.Fields);
        return read;
    }

    private PageResult Invalid(List<ContentFieldError> errors)
    {
        Errors = errors;
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    public IEnumerable<string> ErrorsFor(string field) => Errors.Where(e => e.Field == field).Select(e => e.Message);

    /// <summary>The stamp of a municipality without a record yet.</summary>
    private const string NotYetSaved = "nieuw";

    private static string SetOf(Gemeente gemeente) => ProgrammeContentTypes.MunicipalitySetPrefix + gemeente.Slug;
}
