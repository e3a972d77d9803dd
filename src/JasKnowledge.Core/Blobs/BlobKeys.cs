using System.Text.RegularExpressions;

namespace JasKnowledge.Core.Blobs;

/// <summary>The one rule for what a blob key may look like, shared by both stores so that a key that
/// works on the folder store works on Azure and can never walk out of the folder.</summary>
public static partial class BlobKeys
{
    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{0,199}\\z")]
    private static partial Regex Allowed();

    public static bool IsValid(string? key) => key is not null && Allowed().IsMatch(key) && !key.Contains("..");

    public static string Require(string key) =>
        IsValid(key) ? key
            : throw new ArgumentException($"Not a valid blob key: '{key}'. Keys are lower-case letters, digits, '.', '_' and '-'.", nameof(key));
}
