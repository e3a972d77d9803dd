using System.Text.Json;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace JasKnowledge.Core.Recipe;

/// <summary>Reads and writes YAML front matter and YAML manifests of the content folder, with the
/// line numbers of mistakes. Unknown keys are mistakes too: a misspelt "titel" must not vanish.</summary>
public static class FrontMatter
{
    private static readonly IDeserializer Reader = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .Build();

    private static readonly ISerializer Writer = new SerializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .ConfigureDefaultValuesHandling(DefaultValuesHandling.OmitNull | DefaultValuesHandling.OmitDefaults)
        .DisableAliases()
        .Build();

    /// <summary>Splits "---\nyaml\n---\nbody". Returns the YAML, the body, and the line the YAML starts on.</summary>
    public static (string Yaml, string Body, int YamlFirstLine) Split(string path, string text)
    {
        text = text.Replace("\r\n", "\n");
        if (text.StartsWith('\uFEFF')) text = text[1..];
        if (!text.StartsWith("---\n"))
            throw new RecipeFormatException(
                new RecipeProblem(path, 1, "The file must start with a front matter block: a line '---', YAML, and a closing '---'."));
        var end = text.IndexOf("\n---\n", 3, StringComparison.Ordinal);
        var bodyStart = end + 5;
        if (end < 0 && text.EndsWith("\n---"))
        {
            end = text.Length - 4;
            bodyStart = text.Length;
        }
        if (end < 0)
            throw new RecipeFormatException(new RecipeProblem(path, 1, "The front matter block is not closed: add a line '---' after the YAML."));
        return (text[4..(end + 1)], text[bodyStart..].Trim('\n'), 2);
    }

    public static T Read<T>(string path, string yaml, int firstLine = 1) where T : new()
    {
        try
        {
            return Reader.Deserialize<T>(yaml) ?? new T();
        }
        catch (YamlException e)
        {
            var message = (e.InnerException?.Message ?? e.Message).Split('\n')[0];
            throw new RecipeFormatException(new RecipeProblem(path, (int)e.Start.Line + firstLine - 1, message));
        }
    }

    public static string Write(object value) => Writer.Serialize(value);

    /// <summary>YAML mappings as stored in a version's Fields (JSON).</summary>
    public static string? ToJson(Dictionary<string, object?>? fields) =>
        fields is null || fields.Count == 0 ? null : JsonSerializer.Serialize(fields);

    public static Dictionary<string, object?>? FromJson(string? json)
    {
        if (string.IsNullOrEmpty(json)) return null;
        using var document = JsonDocument.Parse(json);
        return (Dictionary<string, object?>?)Plain(document.RootElement);
    }

    private static object? Plain(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().ToDictionary(p => p.Name, p => Plain(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().Select(Plain).ToList(),
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => null,
    };
}
