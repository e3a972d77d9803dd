using JasKnowledge.Core.Content;

namespace JasKnowledge.Tests.Unit;

public sealed class ContentItemRulesTests
{
    private static readonly DateTime Now = new(2026, 11, 22, 10, 0, 0, DateTimeKind.Utc);

    private static ContentItem NewItem() => new() { Type = "page", Culture = "nl", LocalizationSet = "pages/test", Slug = "test", CreatedUtc = Now };

    private static VersionText Text(string title = "Titel", string body = "Tekst") => new(title, body);

    [Fact]
    public void A_new_draft_is_numbered_after_the_latest_version()
    {
        var item = NewItem();
        var first = item.StartDraft(Text(), "a@example.org", Now);
        item.Publish(first.Number, Now);
        var second = item.StartDraft(Text("Nieuw"), "a@example.org", Now);

        Assert.Equal(1, first.Number);
        Assert.Equal(2, second.Number);
        Assert.Equal(VersionState.Draft, second.State);
    }

    [Fact]
    public void Publishing_supersedes_the_previous_published_version_so_at_most_one_is_published()
    {
        var item = NewItem();
        item.Publish(item.StartDraft(Text("Een"), "a", Now).Number, Now);
        item.Publish(item.StartDraft(Text("Twee"), "a", Now).Number, Now.AddHours(1));

        Assert.Single(item.Versions, v => v.State == VersionState.Published);
        Assert.Equal("Twee", item.Published!.Title);
        Assert.Equal(VersionState.Superseded, item.Version(1).State);
        Assert.Equal(Now.AddHours(1), item.Published.PublishedUtc);
    }

    [Fact]
    public void Only_the_text_taken_offline_last_can_go_back_whatever_its_change_note()
    {
        var item = NewItem();
        var first = new VersionText("Titel", "Oude tekst", "Samenvatting", null, "Eerste versie.", true, 3);
        var approved = first with { Body = "Tekst met een correctie.", ChangeNote = "Correctie." };
        item.Publish(item.StartDraft(first, "redacteur", Now).Number, Now);
        Assert.Null(item.LastWithdrawn);
        item.Publish(item.StartDraft(approved, "redacteur", Now).Number, Now);
        item.Unpublish();
        item.StartDraft(approved with { Body = "Tekst met een zin erbij." }, "vertaler", Now);

        Assert.Equal(2, item.LastWithdrawn!.Number);
        Assert.True(item.IsLastWithdrawn(approved with { ChangeNote = "Terug online.", IsMajor = false }));
        Assert.False(item.IsLastWithdrawn(approved with { Body = "Tekst met een zin erbij." }));
        Assert.False(item.IsLastWithdrawn(approved with { Summary = null }));
        // An older version that was online once would undo the correction after it.
        Assert.False(item.IsLastWithdrawn(first));
        // The same words said to follow a newer Dutch version: an editor never read that claim.
        Assert.False(item.IsLastWithdrawn(approved with { SourceVersion = 4 }));
    }

    [Fact]
    public void Only_one_draft_may_be_open()
    {
        var item = NewItem();
        item.StartDraft(Text(), "a", Now);

        var error = Assert.Throws<ContentRuleException>(() => item.StartDraft(Text("Ander"), "b", Now));
        Assert.Contains("heeft al een open concept", error.Message);
        Assert.Single(item.Versions);
    }

    [Fact]
    public void Only_a_draft_can_be_published()
    {
        var item = NewItem();
        item.Publish(item.StartDraft(Text(), "a", Now).Number, Now);

        var error = Assert.Throws<ContentRuleException>(() => item.Publish(1, Now));
        Assert.Contains("alleen een concept kan worden gepubliceerd", error.Message);
    }

    [Fact]
    public void A_major_change_needs_a_change_note()
    {
        var item = NewItem();
        var draft = item.StartDraft(Text() with { IsMajor = true }, "a", Now);

        Assert.Throws<ContentRuleException>(() => item.Publish(draft.Number, Now));
        Assert.Equal(VersionState.Draft, draft.State);

        item.EditDraft(Text() with { IsMajor = true, ChangeNote = "Nieuwe oefening toegevoegd." });
        item.Publish(draft.Number, Now);
        Assert.Equal(VersionState.Published, draft.State);
    }

    [Fact]
    public void Restoring_an_old_version_creates_a_new_draft_and_keeps_history()
    {
        var item = NewItem();
        item.Publish(item.StartDraft(Text("Oud", "oude tekst"), "a", Now).Number, Now);
        item.Publish(item.StartDraft(Text("Nieuw", "nieuwe tekst"), "a", Now).Number, Now);

        var restored = item.Restore(1, "b", Now);

        Assert.Equal(3, restored.Number);
        Assert.Equal(VersionState.Draft, restored.State);
        Assert.Equal("oude tekst", restored.Body);
        Assert.Equal("Nieuw", item.Published!.Title); // the public page is unchanged until the draft is published
        Assert.Equal(3, item.Versions.Count);
        Assert.Contains("versie 1", restored.ChangeNote);
    }

    [Fact]
    public void Restoring_while_a_draft_is_open_is_refused_so_the_draft_is_not_lost()
    {
        var item = NewItem();
        item.Publish(item.StartDraft(Text("Oud"), "a", Now).Number, Now);
        item.StartDraft(Text("Werk in uitvoering"), "a", Now);

        Assert.Throws<ContentRuleException>(() => item.Restore(1, "b", Now));
        Assert.Equal("Werk in uitvoering", item.Draft!.Title);
    }

    [Fact]
    public void Unpublishing_withdraws_the_published_version()
    {
        var item = NewItem();
        item.Publish(item.StartDraft(Text(), "a", Now).Number, Now);

        var withdrawn = item.Unpublish();

        Assert.Equal(VersionState.Withdrawn, withdrawn.State);
        Assert.Null(item.Published);
        Assert.Throws<ContentRuleException>(() => item.Unpublish());
    }

    [Theory]
    [InlineData('\u202A')]
    [InlineData('\u202B')]
    [InlineData('\u202C')]
    [InlineData('\u202D')]
    [InlineData('\u202E')]
    public void A_title_or_change_note_with_a_control_that_turns_the_reading_direction_is_refused_at_its_field(char control)
    {
        var item = NewItem();
        var error = Assert.Throws<ContentRuleException>(() =>
            item.StartDraft(new VersionText($"Afspraken{control}fdp.exe", "Tekst", ChangeNote: $"Nieuw{control}"), "editor", Now));
        Assert.Equal(["title", "changeNote"], error.Errors.Select(e => e.Field));
        Assert.Contains($"(U+{(int)control:X4})", error.Errors[0].Message);
        Assert.Empty(item.Versions);
    }

    [Theory]
    [InlineData("body", "Tekst met \u202Eexe.pdf", null)]
    [InlineData("fields", "Tekst", "{\"partners\":[\"Werkbedrijf \u202Eexe\"]}")]
    [InlineData("fields", "Tekst", "{\"partners\":[\"Werkbedrijf \\u202eexe\"]}")]
    public void A_body_or_fields_with_a_direction_override_are_refused_also_as_a_json_escape(string field, string body, string? fields)
    {
        var item = NewItem();
        var error = Assert.Throws<ContentRuleException>(() => item.StartDraft(new VersionText("Titel", body, Fields: fields), "editor", Now));
        Assert.Equal([field], error.Errors.Select(e => e.Field));
        Assert.Contains("(U+202E)", error.Errors[0].Message);
        Assert.Empty(item.Versions);
    }

    [Theory]
    [InlineData("title", "Over\vdit portaal", "Tekst", null, "U+000B")]
    [InlineData("body", "Titel", "Tekst\fmet een form feed", null, "U+000C")]
    [InlineData("fields", "Titel", "Tekst", "{\"partners\":[\"Werk\\u001bbedrijf\"]}", "U+001B")]
    [InlineData("fields", "Titel", "Tekst", "{\"partners\":[\"Werk\\ud800\"]}", "U+D800")]
    public void Invisible_control_characters_are_refused_in_every_field(string field, string title, string body, string? fields, string control)
    {
        var item = NewItem();
        var error = Assert.Throws<ContentRuleException>(() => item.StartDraft(new VersionText(title, body, Fields: fields), "editor", Now));
        Assert.Equal([field], error.Errors.Select(e => e.Field));
        Assert.Contains($"stuurteken ({control})", error.Errors[0].Message);
    }

    [Fact]
    public void A_field_that_writes_a_backslash_and_u202e_as_text_is_kept_and_its_refusal_names_the_text()
    {
        var item = NewItem();
        // "Pad C:\u202e" as text: an escaped backslash, then the letters; the attack of 6 December 2026 found it refused.
        item.StartDraft(new VersionText("Titel", "Tekst", Fields: "{\"partners\":[\"Pad C:\\\\u202e\"]}"), "editor", Now);
        Assert.Single(item.Versions);
        var error = Assert.Throws<ContentRuleException>(() => NewItem().StartDraft(
            new VersionText("Titel", "Tekst", Fields: "{\"partners\":[\"Gemeente\",\"Werkbedrijf \\u202Eexe\"]}"), "editor", Now));
        Assert.Contains("Velden (\"Werkbedrijf exe\")", error.Errors[0].Message);
    }

    [Theory]
    [InlineData("Afspraken\nen regels")]
    [InlineData("Afspraken\r\n")]
    [InlineData("Afspraken\u2028en regels")]
    public void A_title_of_more_than_one_line_is_refused(string title)
    {
        var item = NewItem();
        var error = Assert.Throws<ContentRuleException>(() => item.StartDraft(new VersionText(title, "Tekst"), "editor", Now));
        Assert.Equal("Titel: één regel, zonder regeleinde.", Assert.Single(error.Errors).Message);
    }

    [Fact]
    public void A_title_that_mixes_directions_with_isolates_and_marks_is_kept()
    {
        var item = NewItem();
        item.StartDraft(new VersionText("ورقة \u2068Het Gesprek\u2069 \u200Fالجديدة", "Tekst"), "translator", Now);
        Assert.Single(item.Versions);
    }

    [Fact]
    public void A_version_that_does_not_exist_is_a_clear_error()
    {
        var error = Assert.Throws<ContentRuleException>(() => NewItem().Version(7));
        Assert.Contains("Versie 7", error.Message);
    }

    [Fact]
    public void Discarding_a_draft_removes_it_and_leaves_the_published_version()
    {
        var item = NewItem();
        item.Publish(item.StartDraft(Text("Live"), "a", Now).Number, Now);
        item.StartDraft(Text("Concept"), "a", Now);

        item.DiscardDraft();

        Assert.Null(item.Draft);
        Assert.Equal("Live", item.Published!.Title);
    }
}
