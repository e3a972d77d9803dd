using JasKnowledge.Core.Assets;

namespace JasKnowledge.Core.Modules;

/// <summary>A content type whose major publications can be followed by e-mail. Without a shared topic
/// every item is followed on its own, per language (a sheet in Arabic); with one, all items of the type
/// together in every language (the handbook's chapters).</summary>
public sealed record FollowableType(string Type, string? SharedTopic = null);

/// <summary>A file family whose new revisions can be followed (the handbook's editions): the
/// <paramref name="Topic"/> subscribers choose, the page a mail links to, and, where the family can
/// say it, what changed between the previous revision and a new one (one line each: an edition's
/// changed chapters). <paramref name="Changes"/> runs inside the publishing transaction, with that
/// request's services.</summary>
public sealed record FollowableFiles(
    string Culture, string Slug, string Topic, Func<string, string> Url,
    Func<IServiceProvider, AssetRevision, AssetRevision, CancellationToken, Task<IReadOnlyList<string>>>? Changes = null);

/// <summary>The form "Houd mij op de hoogte" on a page (the Alerts feature's partial at
/// <see cref="Partial"/>): what it follows, in the page's language. Shown again after a refusal, it keeps
/// what the visitor filled in (<see cref="Email"/>, <see cref="Weekly"/>) and points the field at the problem
/// (<see cref="ProblemId"/>).</summary>
public sealed record FollowForm(string Topic, string Culture, string? Email = null, bool Weekly = false, string? ProblemId = null)
{
    public const string Partial = "/Features/Alerts/_FollowForm.cshtml";
    private const string ItemPrefix = "item:";

    /// <summary>One item (a sheet, a film, a blueprint, a municipality) in the page's language.</summary>
    public static FollowForm ForItem(string localizationSet, string culture) => new(ItemTopic(localizationSet), culture);

    public static string ItemTopic(string localizationSet) => ItemPrefix + localizationSet;

    public static string? LocalizationSetOf(string topic) =>
        topic.StartsWith(ItemPrefix, StringComparison.Ordinal) ? topic[ItemPrefix.Length..] : null;
}
