using System.Text.Json;
using System.Text.Json.Nodes;

namespace JasKnowledge.Core.Content;

/// <summary>Reads and writes one text of a version's type-specific fields (a JSON object), leaving the others as they are.</summary>
public static class VersionFields
{
    /// <summary>The field's text, or null when the version has no such text field (or its fields are not a JSON object).</summary>
    public static string? Text(string? fields, string name)
    {
        if (string.IsNullOrWhiteSpace(fields)) return null;
        try
        {
            using var document = JsonDocument.Parse(fields);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
                ? value.GetString() : null;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>The field's texts: a list of texts, one text, or a number as the content folder writes them ("6"); empty when none.</summary>
    public static IReadOnlyList<string> Texts(string? fields, string name)
    {
        if (string.IsNullOrWhiteSpace(fields)) return [];
        try
        {
            using var document = JsonDocument.Parse(fields);
            if (document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.TryGetProperty(name, out var value)) return [];
            return value.ValueKind switch
            {
                JsonValueKind.Array => value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!).ToList(),
                JsonValueKind.String => [value.GetString()!],
                JsonValueKind.Number => [value.GetRawText()],
                _ => [],
            };
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return [];
        }
    }

    /// <summary>The fields with <paramref name="name"/> set to <paramref name="text"/>; every other field kept as it was.</summary>
    public static string With(string? fields, string name, string text) => Set(fields, name, text);

    /// <summary>The fields with <paramref name="name"/> set to a list of texts, or left out when <paramref name="texts"/> is null.</summary>
    public static string With(string? fields, string name, IReadOnlyList<string>? texts) =>
        Set(fields, name, texts is null ? null : new JsonArray([.. texts.Select(t => (JsonNode)t)]));

    /// <summary>The fields without <paramref name="name"/>.</summary>
    public static string Without(string? fields, string name) => Set(fields, name, null);

    private static string Set(string? fields, string name, JsonNode? value)
    {
        var root = string.IsNullOrWhiteSpace(fields) ? new JsonObject() : JsonNode.Parse(fields) as JsonObject ?? new JsonObject();
        if (value is null) root.Remove(name);
        else root[name] = value;
        return root.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }
}
