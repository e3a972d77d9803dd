namespace JasKnowledge.Core.Modules;

/// <summary>What a module asks of the address of a new item of its type, beyond the shape every address has: a
/// municipality's own information lives at that municipality's name in the portal's addresses, and nowhere else.</summary>
public interface IAddressRule
{
    string Type { get; }

    /// <summary>Why <paramref name="slug"/> cannot be the address of a new item of the type, in the editors' words; null when it can.</summary>
    Task<string?> ProblemAsync(string slug, CancellationToken cancellationToken);
}
