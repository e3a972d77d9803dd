namespace JasKnowledge.Core.Content;

/// <summary>
/// One piece of content in one culture (a handbook chapter in Arabic, the home page in Dutch).
/// The translations of the same piece share a <see cref="LocalizationSet"/>. The state rules of its
/// versions live here, so that every caller (import, back office, API) obeys the same ones:
/// at most one draft, at most one published version, published text never changes.
/// </summary>
public sealed class ContentItem : IContentAddress
{
    public Guid Id { get; init; } = Guid.NewGuid();
    /// <summary>What kind of content this is ("page", "handbook-chapter"…); modules own their types.</summary>
    public required string Type { get; init; }
    public required string Culture { get; init; }
    /// <summary>Links the translations of one item, e.g. "page/home".</summary>
    public required string LocalizationSet { get; init; }
    /// <summary>The item's URL segment in its culture.</summary>
    public required string Slug { get; set; }
    public DateTime CreatedUtc { get; init; }
    /// <summary>How many changes were saved to this item. The store raises it with every change, and the
    /// database refuses a save that began from an older count: of two saves started from the same state
    /// (a double click, two editors within milliseconds) the second is refused instead of applied twice.</summary>
    public int ChangeCount { get; set; }
    public List<ContentVersion> Versions { get; init; } = [];

    public ContentVersion? Published => Versions.SingleOrDefault(v => v.State == VersionState.Published);
    public ContentVersion? Draft => Versions.SingleOrDefault(v => v.State == VersionState.Draft);
    public ContentVersion? Latest => Versions.MaxBy(v => v.Number);
    /// <summary>What an editor works on: the open draft, else the public version, else the newest.</summary>
    public ContentVersion? Current => Draft ?? Published ?? Latest;

    public ContentVersion Version(int number) =>
        Versions.SingleOrDefault(v => v.Number == number)
        ?? throw new ContentRuleException(ContentRule.VersionMissing, $"Versie {number} van '{LocalizationSet}' ({Culture}) bestaat niet (meer). Laad de pagina opnieuw.");

    /// <summary>Starts a new draft. Refused while another draft is open, so that no one's work is
    /// silently replaced: the open draft is edited, published or discarded first.</summary>
    public ContentVersion StartDraft(VersionText text, string author, DateTime nowUtc)
    {
        if (Draft is { } open)
            throw new ContentRuleException(
                ContentRule.DraftAlreadyOpen,
                $"'{LocalizationSet}' ({Culture}) heeft al een open concept (versie {open.Number}). Bewerk of publiceer dat eerst, of gooi het weg.");
        var version = new ContentVersion
        {
            ItemId = Id,
            Number = (Latest?.Number ?? 0) + 1,
            State = VersionState.Draft,
            Title = text.Title,
            Body = text.Body,
            Author = author,
            CreatedUtc = nowUtc,
        };
        version.Apply(text);
        Versions.Add(version);
        return version;
    }

    public void EditDraft(VersionText text)
    {
        var draft = Draft ?? throw new ContentRuleException(ContentRule.NoDraft, $"'{LocalizationSet}' ({Culture}) heeft geen open concept meer: iemand heeft het intussen gepubliceerd of weggegooid. Laad de pagina opnieuw.");
        draft.Apply(text);
    }

    public void DiscardDraft()
    {
        var draft = Draft ?? throw new ContentRuleException(ContentRule.NoDraft, $"'{LocalizationSet}' ({Culture}) heeft geen open concept meer om weg te gooien. Laad de pagina opnieuw.");
        Versions.Remove(draft);
    }

    /// <summary>Publishes a draft; the version that was public becomes history (Superseded).</summary>
    public ContentVersion Publish(int number, DateTime nowUtc)
    {
        var version = Version(number);
        if (version.State != VersionState.Draft)
            throw new ContentRuleException(
                ContentRule.NotADraft,
                $"Versie {number} is geen concept meer (iemand heeft die intussen gepubliceerd of vervangen): alleen een concept kan worden gepubliceerd. Laad de pagina opnieuw.");
        CheckPublishable(version.ToText());
        if (Published is { } current) current.State = VersionState.Superseded;
        version.State = VersionState.Published;
        version.PublishedUtc = nowUtc;
        return version;
    }

    /// <summary>What any text must have before it is published; checked before anything changes, so a refusal leaves the item
    /// as it was.</summary>
    public static void CheckPublishable(VersionText text)
    {
        if (text.IsMajor && string.IsNullOrWhiteSpace(text.ChangeNote))
            throw new ContentRuleException(ContentRule.MajorChangeNeedsNote, "Een grote wijziging heeft een toelichting nodig: schrijf wat er veranderde.");
        if (string.IsNullOrWhiteSpace(text.Title))
            throw new ContentRuleException(ContentRule.TitleRequired, "Een versie heeft een titel nodig voordat die kan worden gepubliceerd.");
    }

    /// <summary>Takes the item offline. Its versions stay as history and can be restored.</summary>
    /// <summary>The version taken offline last, while no version is online: the only one "Weer online zetten" puts back (an older
    /// one restored would undo a correction published after it: attack of 7 December).</summary>
    public ContentVersion? LastWithdrawn =>
        Published is null ? Versions.Where(v => v.State == VersionState.Withdrawn).MaxBy(v => v.Number) : null;

    /// <summary>Whether <paramref name="text"/> is exactly the text of <see cref="LastWithdrawn"/>: title, summary, body, fields and
    /// the Dutch version it says it follows (its change note aside).</summary>
    public bool IsLastWithdrawn(VersionText text) =>
        LastWithdrawn is { } withdrawn && withdrawn.ToText() with { ChangeNote = text.ChangeNote, IsMajor = text.IsMajor } == text;

    public ContentVersion Unpublish()
    {
        var current = Published ?? throw new ContentRuleException(ContentRule.NotPublished, $"'{LocalizationSet}' ({Culture}) staat niet (meer) online.");
        current.State = VersionState.Withdrawn;
        return current;
    }

    /// <summary>Restoring never rewrites history: the old text becomes a new draft to review and publish.</summary>
    public ContentVersion Restore(int number, string author, DateTime nowUtc)
    {
        var old = Version(number);
        var text = old.ToText() with { ChangeNote = $"Hersteld uit versie {number}.", IsMajor = false };
        return StartDraft(text, author, nowUtc);
    }
}
