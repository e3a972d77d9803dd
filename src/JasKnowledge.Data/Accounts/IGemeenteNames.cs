namespace JasKnowledge.Data.Accounts;

/// <summary>The municipalities' names by CBS code ("0546" → "Leiden"), from the module that keeps the CBS list
/// (programmes). A municipal editor is bound only to a code the list has, and the user pages show the name
/// beside the code. While no list is published (a fresh database before its first import), or without one
/// registered, any four-digit code is accepted.</summary>
public interface IGemeenteNames
{
    /// <summary>Every code with its name; empty while no list is published.</summary>
    Task<IReadOnlyDictionary<string, string>> NamesAsync(CancellationToken cancellationToken = default);
}
