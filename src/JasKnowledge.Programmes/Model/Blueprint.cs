namespace JasKnowledge.Programmes.Model;

/// <summary>The fields of a blueprint version (content type "blauwdruk"): one version of a reference
/// programme. Versions of the same method share <see cref="Family"/> and are ordered by
/// <see cref="Order"/>; each is a content item of its own, so a correction to one is a new content
/// version with a change note while the method's versions stay side by side.</summary>
public sealed class BlueprintFields
{
    /// <summary>The method this is a version of ("24x24").</summary>
    public string Family { get; set; } = "";
    public string FamilyTitle { get; set; } = "";
    /// <summary>The version's label ("2016", "mei 2019").</summary>
    public string Version { get; set; } = "";
    public int Order { get; set; }
    /// <summary>The source document the blueprint follows.</summary>
    public string? Source { get; set; }
    public Programme Programme { get; set; } = new();
}

/// <summary>A published blueprint version as pages and the API use it.</summary>
public sealed record Blueprint(
    string Slug, string Title, string? Summary, string Body, int ContentVersion, DateTime PublishedUtc, BlueprintFields Fields)
{
    public string Family => Fields.Family;
    public string Version => Fields.Version;
    public Programme Programme => Fields.Programme;
}
