using JasKnowledge.Core.Content;
using JasKnowledge.Core.Modules;

namespace JasKnowledge.Web.Features.Alerts;

/// <summary>What can be followed, as the topic strings stored with subscriptions and notifications:
/// a shared topic of a type ("handboek"), a file family's topic ("edities"), or one item by its
/// localization set ("item:informatie/zorgverzekering") in the subscriber's language.</summary>
public sealed class AlertTopics(IEnumerable<FollowableType> types, IEnumerable<FollowableFiles> files)
{
    private readonly Dictionary<string, FollowableType> _types = types.ToDictionary(t => t.Type);
    public IReadOnlyList<FollowableFiles> Files { get; } = files.ToList();

    /// <summary>The topic and language a publication of this item concerns; null when its type is not followed.</summary>
    public (string Topic, string? Culture)? Of(ContentItem item) =>
        _types.TryGetValue(item.Type, out var type)
            ? type.SharedTopic is { } shared ? (shared, null) : (FollowForm.ItemTopic(item.LocalizationSet), item.Culture)
            : null;

    public bool IsFollowedType(string type) => _types.ContainsKey(type);

    public bool IsShared(string topic) => _types.Values.Any(t => t.SharedTopic == topic) || Files.Any(f => f.Topic == topic);

    public FollowableFiles? FilesOf(string culture, string slug) => Files.FirstOrDefault(f => f.Culture == culture && f.Slug == slug);

    /// <summary>The Ui key naming a shared topic in mails and pages ("AlertsTopic" + topic).</summary>
    public static string LabelKey(string topic) => "AlertsTopic_" + topic;
}
