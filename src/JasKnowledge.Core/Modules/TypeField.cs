namespace JasKnowledge.Core.Modules;

/// <summary>How an editor writes a <see cref="TypeField"/>: a whole number, one address, or addresses one per line.</summary>
public enum TypeFieldKind { Number, Address, Addresses }

/// <summary>A field of a type that editors set in the common editor (Orchard's content fields, simpler): a sheet's place in the
/// participants' list and the handbook sessions it belongs to, the sheet a film is about. It belongs to the Dutch text; translations
/// take it from there, so it is only edited there. With <paramref name="AddressOf"/>, each address must be one of an item of that type
/// (a session's, a sheet's). Left empty, the field is left out (a sheet without a place comes after the others).</summary>
public sealed record TypeField(string Type, string Name, string Label, string Hint, TypeFieldKind Kind, string? AddressOf = null)
{
    public const int MaxNumber = 9999, MaxAddresses = 20;
}
