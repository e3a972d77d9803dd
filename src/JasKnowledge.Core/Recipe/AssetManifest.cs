using System.Globalization;
using System.Text.RegularExpressions;

namespace JasKnowledge.Core.Recipe;

/// <summary>
/// A downloadable file family as a file: <c>folder/slug.culture.asset.yml</c> lists its revisions,
/// each pointing at a file next to the manifest. Revisions are never changed once imported; a new
/// file is a new entry with a new version label.
/// </summary>
public sealed partial record AssetManifest(string Path, string Slug, string Culture, string Title, IReadOnlyList<AssetManifest.Revision> Revisions)
{
    public const string Extension = ".asset.yml";

    public sealed record Revision(
        string Version, string File, string? MediaType, DateTime PublishedUtc, string? ReleaseNotes, int Line, string? Source = null);

    [GeneratedRegex(@"^(?<slug>[a-z0-9][a-z0-9-]*)\.(?<culture>[a-z]{2,3}(-[A-Za-z0-9]{2,8})*)\.asset\.yml$")]
    private static partial Regex FileName();

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]*$")]
    private static partial Regex SafeFileName();

    [GeneratedRegex("^sha256:[0-9a-f]{64}\\z")]
    private static partial Regex SourceDigest();

    public static AssetManifest Parse(string path, string text)
    {
        var match = FileName().Match(System.IO.Path.GetFileName(path));
        if (!match.Success)
            throw new RecipeFormatException(new RecipeProblem(path, 1, "The file name must be slug.culture.asset.yml in lower case."));
        var yaml = FrontMatter.Read<Head>(path, text.Replace("\r\n", "\n"));
        if (string.IsNullOrWhiteSpace(yaml.Title))
            throw new RecipeFormatException(new RecipeProblem(path, 1, "The manifest needs a 'title'."));
        if (yaml.Revisions is not { Count: > 0 })
            throw new RecipeFormatException(new RecipeProblem(path, 1, "The manifest needs at least one entry under 'revisions'."));
        var lines = text.Replace("\r\n", "\n").Split('\n');
        var revisions = new List<Revision>();
        foreach (var (entry, index) in yaml.Revisions.Select((e, i) => (e, i)))
        {
            var line = LineOfEntry(lines, index);
            if (string.IsNullOrWhiteSpace(entry.Version))
                throw new RecipeFormatException(new RecipeProblem(path, line, "Each revision needs a 'version'."));
            if (string.IsNullOrWhiteSpace(entry.File) || !SafeFileName().IsMatch(entry.File))
                throw new RecipeFormatException(
                    new RecipeProblem(
                    path, line, "Each revision needs a 'file': the name of a file next to the manifest (letters, digits, '.', '_', '-')."));
            if (!DateTime.TryParseExact(
                entry.Published, ["yyyy-MM-dd", "yyyy-MM-ddTHH:mm:ssZ"], CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal
                | DateTimeStyles.AssumeUniversal, out var published))
                throw new RecipeFormatException(
                    new RecipeProblem(path, line, $"'published' must be a date like 2019-05-01, not '{entry.Published}'."));
            if (entry.Source is { } source && !SourceDigest().IsMatch(source))
                throw new RecipeFormatException(new RecipeProblem(path, line, $"'source' must look like sha256:<64 hex digits>, not '{source}'."));
            revisions.Add(new Revision(entry.Version.Trim(), entry.File, entry.MediaType, published, entry.ReleaseNotes?.Trim(), line, entry.Source));
        }
        var duplicate = revisions.GroupBy(r => r.Version, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new RecipeFormatException(new RecipeProblem(path, duplicate.Skip(1).First().Line, $"Version '{duplicate.Key}' is listed twice."));
        return new AssetManifest(path, match.Groups["slug"].Value, match.Groups["culture"].Value, yaml.Title.Trim(), revisions);
    }

    public static string Write(string title, IEnumerable<Revision> revisions) => FrontMatter.Write(new Head
    {
        Title = title,
        Revisions = revisions.Select(r => new Entry
        {
            Version = r.Version,
            File = r.File,
            MediaType = r.MediaType,
            Published = r.PublishedUtc.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            ReleaseNotes = r.ReleaseNotes,
            Source = r.Source,
        }).ToList(),
    });

    /// <summary>Adds a revision to the manifest at <paramref name="path"/>, creating it with
    /// <paramref name="title"/> when it does not exist yet (an existing manifest keeps its title).</summary>
    public static async Task AppendAsync(string path, string title, Revision revision, CancellationToken cancellationToken = default)
    {
        var revisions = new List<Revision>();
        if (File.Exists(path))
        {
            var manifest = Parse(path, await File.ReadAllTextAsync(path, cancellationToken));
            title = manifest.Title;
            revisions.AddRange(manifest.Revisions);
        }
        revisions.Add(revision);
        await File.WriteAllTextAsync(path, Write(title, revisions), cancellationToken);
    }

    // YamlDotNet's object model has no positions; entries of the list start with "- " at the top level.
    private static int LineOfEntry(string[] lines, int index)
    {
        var seen = -1;
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].TrimStart().StartsWith("- ", StringComparison.Ordinal) && ++seen == index) return i + 1;
        }
        return 1;
    }

    public sealed class Head
    {
        public string? Title { get; set; }
        public List<Entry>? Revisions { get; set; }
    }

    public sealed class Entry
    {
        public string? Version { get; set; }
        public string? File { get; set; }
        public string? MediaType { get; set; }
        public string? Published { get; set; }
        public string? ReleaseNotes { get; set; }
        /// <summary>Digest of the content a rendered file was made from (sha256:…).</summary>
        public string? Source { get; set; }
    }
}
