using System.Globalization;
using JasKnowledge.Core.Recipe;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace JasKnowledge.Core.Translations;

/// <summary>
/// One term of <c>content/woordenlijst/</c>: <c>name.yml</c> with <c>term</c>, <c>order</c>,
/// <c>dutchInBrackets</c> and <c>languages</c> (per language code: <c>form</c>, optional <c>variants</c>,
/// <c>explanation</c>, optional <c>note</c>). Every configured language must be there, so that no
/// participant finds a term missing in their language; a broken file is refused with its line.
/// </summary>
public static class GlossaryFile
{
    public const string Folder = "woordenlijst";
    public const string Extension = ".yml";

    public static GlossaryTerm Parse(string path, string text, IReadOnlyList<string> cultures)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw Problem(path, (int)e.Start.Line, $"This is not valid YAML: {e.InnerException?.Message ?? e.Message}");
        }
        catch (InvalidOperationException e)
        {
            // YamlDotNet says so for a bracket left open at the end of the file.
            throw Problem(path, text.Split('\n').Length, $"This is not valid YAML: {e.Message}");
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
            throw Problem(path, 1, "A glossary term is a mapping with 'term', 'order', 'dutchInBrackets' and 'languages'.");

        var term = Text(path, root, "term") ?? throw Problem(path, Line(root), "The term needs 'term': the Dutch term as written in running text.");
        var orderText = Text(path, root, "order")
            ?? throw Problem(path, Line(root), "The term needs 'order': its place in the list (a whole number).");
        if (!int.TryParse(orderText, NumberStyles.None, CultureInfo.InvariantCulture, out var order))
            throw Problem(path, Line(Child(root, "order")!), $"'order' is a whole number, not '{orderText}'.");
        var bracketsText = Text(path, root, "dutchInBrackets")
            ?? throw Problem(path, Line(root),
                "The term needs 'dutchInBrackets': true when a translation keeps the Dutch term in brackets, otherwise false.");
        if (!bool.TryParse(bracketsText, out var brackets))
            throw Problem(path, Line(Child(root, "dutchInBrackets")!), $"'dutchInBrackets' is true or false, not '{bracketsText}'.");
        if (Child(root, "languages") is not YamlMappingNode languages)
            throw Problem(path, Line(Child(root, "languages") ?? root),
                "The term needs 'languages': per language code its 'form' and 'explanation'.");

        var entries = new Dictionary<string, GlossaryEntry>(StringComparer.Ordinal);
        foreach (var (keyNode, value) in languages.Children)
        {
            var code = ((YamlScalarNode)keyNode).Value ?? "";
            if (!cultures.Contains(code))
                throw Problem(path, Line(keyNode), $"'{code}' is not one of the configured languages ({string.Join(", ", cultures)}).");
            if (value is not YamlMappingNode entry)
                throw Problem(path, Line(value), $"'{code}' is a mapping with 'form' and 'explanation'.");
            var form = Text(path, entry, "form");
            if (string.IsNullOrWhiteSpace(form))
                throw Problem(path, Line(entry), $"'{code}' needs 'form': how the term is written in this language.");
            var explanation = Text(path, entry, "explanation");
            if (string.IsNullOrWhiteSpace(explanation))
                throw Problem(path, Line(entry), $"'{code}' needs 'explanation': one plain sentence saying what the term means.");
            var variants = new List<string>();
            switch (Child(entry, "variants"))
            {
                case null:
                    break;
                case YamlSequenceNode list:
                    foreach (var item in list.Children)
                    {
                        if (item is not YamlScalarNode { Value: { } variant } || string.IsNullOrWhiteSpace(variant))
                            throw Problem(path, Line(item), "Each variant is a single form.");
                        variants.Add(variant.Trim());
                    }
                    break;
                case var other:
                    throw Problem(path, Line(other), "'variants' is a list: [form, form].");
            }
            entries[code] = new GlossaryEntry(form.Trim(), variants, explanation.Trim(), Text(path, entry, "note")?.Trim());
        }
        if (cultures.FirstOrDefault(c => !entries.ContainsKey(c)) is { } missing)
            throw Problem(path, Line(languages), $"The term has no entry for '{missing}': every language needs its form and explanation.");
        var key = Path.GetFileName(path);
        return new GlossaryTerm(key[..^Extension.Length], term.Trim(), order, brackets, entries);
    }

    private static YamlNode? Child(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    private static string? Text(string path, YamlMappingNode map, string key) => Child(map, key) switch
    {
        null => null,
        YamlScalarNode { Value: { } value } => value,
        var other => throw Problem(path, Line(other), $"'{key}' must be a single value."),
    };

    private static int Line(YamlNode node) => (int)node.Start.Line;

    private static RecipeFormatException Problem(string path, int line, string message) =>
        new(new RecipeProblem(path, Math.Max(1, line), message));
}
