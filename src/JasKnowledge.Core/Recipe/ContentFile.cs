using System.Text.RegularExpressions;
using JasKnowledge.Core.Content;
using JasKnowledge.Core.Modules;

namespace JasKnowledge.Core.Recipe;

/// <summary>
/// One content item as a file: <c>folder/name.culture.md</c>, YAML front matter, Markdown body.
/// The path without the culture is the localization set ("pages/home"), so the translations of an
/// item sit side by side. The same format is read on import and written on export.
/// A text that has its own format sits next to the item as a companion file with the same name and
/// another extension (<c>name.culture.vtt</c>: the subtitles of a video, registered by the video
/// feature as a <see cref="CompanionFile"/>); it is checked against its format and stored in the
/// version's fields, so it is versioned and translated with the item.
/// </summary>
public sealed partial record ContentFile(string Path, string Type, string Culture, string LocalizationSet, string Slug, VersionText Text)
{
    public const string Extension = ".md";

    [GeneratedRegex(@"^(?<name>[a-z0-9][a-z0-9-]*)\.(?<culture>[a-z]{2,3}(-[A-Za-z0-9]{2,8})*)\.md$")]
    private static partial Regex FileName();

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*(/[a-z0-9][a-z0-9-]*)*\\z")]
    private static partial Regex Key();

    /// <summary>Parses a file; <paramref name="path"/> is relative to the content folder, with '/'.</summary>
    /// <param name="companions">The companion files found next to it, with their text.</param>
    public static ContentFile Parse(string path, string text, IReadOnlyList<(CompanionFile Kind, string Text)>? companions = null)
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
        foreach (var (kind, companionText) in companions ?? [])
        {
            var companionPath = CompanionPath(path, kind.Extension);
            if (fields.ContainsKey(kind.Field))
                throw new RecipeFormatException(
                    new RecipeProblem(
                    path, firstLine, $"'{kind.Field}' comes from {System.IO.Path.GetFileName(companionPath)}; remove it from the front matter."));
            if (kind.Check(companionText) is { } problem)
                throw new RecipeFormatException(new RecipeProblem(companionPath, problem.Line, problem.Message));
            fields[kind.Field] = companionText.Replace("\r\n", "\n");
        }
        var version = new VersionText(
            head.Title.Trim(), body, head.Summary?.Trim(), FrontMatter.ToJson(fields), head.ChangeNote?.Trim(), head.Major, head.TranslatedFrom);
        return new ContentFile(path, head.Type, match.Groups["culture"].Value, set, slug, version);
    }

    /// <summary>The companion of a content file: <c>a/b.nl.md</c> → <c>a/b.nl.vtt</c>.</summary>
    public static string CompanionPath(string path, string extension) => path[..^Extension.Length] + extension;

    /// <summary>The files for an item's version (the Markdown file and its companions), with the
    /// relative paths they belong at.</summary>
    public static IReadOnlyList<(string Path, string Text)> Write(
        ContentItem item, ContentVersion version, IEnumerable<CompanionFile>? companions = null)
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
        foreach (var kind in companions ?? [])
        {
            if (head.Fields?.Remove(kind.Field, out var companion) == true && companion is string companionText)
                files.Add((CompanionPath(path, kind.Extension), companionText));
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
