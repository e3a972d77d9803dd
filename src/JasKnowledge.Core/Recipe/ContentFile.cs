using System.Text.RegularExpressions;
using JasKnowledge.Core.Content;
using JasKnowledge.Core.Media;

namespace JasKnowledge.Core.Recipe;

/// <summary>
/// One content item as a file: <c>folder/name.culture.md</c>, YAML front matter, Markdown body.
/// The path without the culture is the localization set ("pages/home"), so the translations of an
/// item sit side by side. The same format is read on import and written on export.
/// A text that has its own format sits next to the item as a companion file with the same name and
/// another extension (<c>name.culture.vtt</c>: the subtitles of a video); it is checked against its
/// format and stored in the version's fields, so it is versioned and translated with the item.
/// </summary>
public sealed partial record ContentFile(string Path, string Type, string Culture, string LocalizationSet, string Slug, VersionText Text)
{
    public const string Extension = ".md";

    /// <summary>Companion file extensions and the field each is stored in.</summary>
    public static readonly IReadOnlyDictionary<string, string> Companions = new Dictionary<string, string>
    {
        [".vtt"] = "subtitles",
    };

    [GeneratedRegex(@"^(?<name>[a-z0-9][a-z0-9-]*)\.(?<culture>[a-z]{2,3}(-[A-Za-z0-9]{2,8})*)\.md$")]
    private static partial Regex FileName();

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*(/[a-z0-9][a-z0-9-]*)*$")]
    private static partial Regex Key();

    /// <summary>Parses a file; <paramref name="path"/> is relative to the content folder, with '/'.</summary>
    /// <param name="companions">Companion files by extension (".vtt") with their text.</param>
    public static ContentFile Parse(string path, string text, IReadOnlyDictionary<string, string>? companions = null)
    {
        var match = FileName().Match(System.IO.Path.GetFileName(path));
        if (!match.Success)
            throw new RecipeFormatException(new RecipeProblem(path, 1, "The file name must be name.culture.md in lower case, e.g. home.nl.md."));
        var (yaml, body, firstLine) = FrontMatter.Split(path, text);
        var head = FrontMatter.Read<Head>(path, yaml, firstLine);
        if (string.IsNullOrWhiteSpace(head.Type))
            throw new RecipeFormatException(new RecipeProblem(path, firstLine, "The front matter needs a 'type' (for example 'page')."));
        if (string.IsNullOrWhiteSpace(head.Title))
            throw new RecipeFormatException(new RecipeProblem(path, firstLine, "The front matter needs a 'title'."));
        var name = match.Groups["name"].Value;
        var folder = System.IO.Path.GetDirectoryName(path)?.Replace('\\', '/') ?? "";
        var set = folder.Length == 0 ? name : $"{folder}/{name}";
        var slug = head.Slug ?? name;
        if (!Key().IsMatch(set))
            throw new RecipeFormatException(new RecipeProblem(path, 1, "Folder and file names must be lower-case letters, digits and '-'."));
        if (!Key().IsMatch(slug) || slug.Contains('/'))
            throw new RecipeFormatException(new RecipeProblem(path, firstLine, $"'slug' must be lower-case letters, digits and '-', not '{slug}'."));
        var fields = head.Fields ?? [];
        foreach (var (extension, companionText) in companions ?? new Dictionary<string, string>())
        {
            if (!Companions.TryGetValue(extension, out var field))
                throw new RecipeFormatException(new RecipeProblem(CompanionPath(path, extension), 1, $"'{extension}' is not a companion file the portal knows ({string.Join(", ", Companions.Keys)})."));
            if (fields.ContainsKey(field))
                throw new RecipeFormatException(new RecipeProblem(path, firstLine, $"'{field}' comes from {System.IO.Path.GetFileName(CompanionPath(path, extension))}; remove it from the front matter."));
            CheckCompanion(CompanionPath(path, extension), extension, companionText);
            fields[field] = companionText.Replace("\r\n", "\n");
        }
        var version = new VersionText(head.Title.Trim(), body, head.Summary?.Trim(), FrontMatter.ToJson(fields), head.ChangeNote?.Trim(), head.Major, head.TranslatedFrom);
        return new ContentFile(path, head.Type, match.Groups["culture"].Value, set, slug, version);
    }

    /// <summary>The companion of a content file: <c>a/b.nl.md</c> → <c>a/b.nl.vtt</c>.</summary>
    public static string CompanionPath(string path, string extension) => path[..^Extension.Length] + extension;

    private static void CheckCompanion(string path, string extension, string text)
    {
        if (extension != ".vtt") return;
        try
        {
            WebVtt.Parse(text);
        }
        catch (WebVttException e)
        {
            throw new RecipeFormatException(new RecipeProblem(path, e.Line, e.Message));
        }
    }

    /// <summary>The files for an item's version (the Markdown file and its companions), with the
    /// relative paths they belong at.</summary>
    public static IReadOnlyList<(string Path, string Text)> Write(ContentItem item, ContentVersion version)
    {
        var setName = item.LocalizationSet.Split('/')[^1];
        var head = new Head
        {
            Type = item.Type,
            Slug = item.Slug == setName ? null : item.Slug,
            Title = version.Title,
            Summary = version.Summary,
            ChangeNote = version.ChangeNote,
            Major = version.IsMajor,
            TranslatedFrom = version.SourceVersion,
            Fields = FrontMatter.FromJson(version.Fields),
        };
        var path = $"{item.LocalizationSet}.{item.Culture}{Extension}";
        var files = new List<(string, string)>();
        foreach (var (extension, field) in Companions)
        {
            if (head.Fields?.Remove(field, out var companion) == true && companion is string companionText)
                files.Add((CompanionPath(path, extension), companionText));
        }
        if (head.Fields is { Count: 0 }) head.Fields = null;
        files.Insert(0, (path, $"---\n{FrontMatter.Write(head)}---\n\n{version.Body}\n"));
        return files;
    }

    /// <summary>The front matter keys of a content file.</summary>
    public sealed class Head
    {
        public string? Type { get; set; }
        public string? Slug { get; set; }
        public string? Title { get; set; }
        public string? Summary { get; set; }
        public string? ChangeNote { get; set; }
        public bool Major { get; set; }
        public int? TranslatedFrom { get; set; }
        public Dictionary<string, object?>? Fields { get; set; }
    }
}
