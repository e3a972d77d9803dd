using System.Text.Json;
using System.Text.Json.Serialization;

namespace JasKnowledge.Programmes.Model;

/// <summary>
/// Reads and writes the module's fields (a version's JSON). Content files are YAML, whose scalars
/// arrive as text ("12", "true"), so numbers and booleans are also read from strings; the editor and
/// the API write real numbers.
/// </summary>
public static class ProgrammeJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // "periods: null" is a mistake in the file, not an empty list that crashes a page later.
        RespectNullableAnnotations = true,
        Converters = { new LenientBoolean() },
    };

    /// <summary>The fields as T; a mistake names what is wrong, for the import report.</summary>
    public static T Read<T>(string? json) where T : new()
    {
        if (string.IsNullOrWhiteSpace(json)) return new T();
        try
        {
            return JsonSerializer.Deserialize<T>(json, Options) ?? new T();
        }
        catch (JsonException e)
        {
            throw new ProgrammeFormatException($"The fields do not match the programme model at {e.Path}: {e.Message}");
        }
    }

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    private sealed class LenientBoolean : JsonConverter<bool>
    {
        public override bool Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
        {
            JsonTokenType.True => true,
            JsonTokenType.False => false,
            JsonTokenType.String when bool.TryParse(reader.GetString(), out var value) => value,
            _ => throw new JsonException("Expected true or false."),
        };

        public override void Write(Utf8JsonWriter writer, bool value, JsonSerializerOptions options) => writer.WriteBooleanValue(value);
    }
}

public sealed class ProgrammeFormatException(string message) : Exception(message);
