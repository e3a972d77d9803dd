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

    /// <summary>The fields with <paramref name="name"/> set to <paramref name="text"/>; every other field kept as it was.</summary>
    public static string With(string? fields, string name, string text)
    {
        var root = string.IsNullOrWhiteSpace(fields) ? new JsonObject() : JsonNode.Parse(fields) as JsonObject ?? new JsonObject();
        root[name] = text;
        return root.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }
}
