namespace JasKnowledge.Core.Modules;

/// <summary>A type editors may start new items of in the back office (<c>/beheer/inhoud/nieuw</c>): a Dutch draft in
/// <paramref name="Folder"/>, the content folder's directory for the type, so an export writes it beside the others.
/// <paramref name="Example"/> is an address of the type the form shows as an example (<c>je-huisarts</c>).</summary>
public sealed record CreatableType(string Type, string Folder, string Example);
