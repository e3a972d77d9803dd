using System.Text.RegularExpressions;

namespace JasKnowledge.Data.Blobs;

/// <summary>Azure's rule for container names, checked before the service would refuse them.</summary>
internal static partial class BlobContainerNames
{
    public static bool IsValid(string? name) => name is not null && Pattern().IsMatch(name) && !name.Contains("--", StringComparison.Ordinal);

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]\\z")]
    private static partial Regex Pattern();
}
