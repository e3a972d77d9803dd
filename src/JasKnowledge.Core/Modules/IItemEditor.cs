using System.Security.Claims;
using JasKnowledge.Core.Content;

namespace JasKnowledge.Core.Modules;

/// <summary>Someone besides editors, administrators and translators whom a module lets edit items of its type in the common
/// editor, item by item: a municipal editor their own municipality's information for participants.</summary>
public interface IItemEditor
{
    string Type { get; }
    /// <summary>The role this rule admits to the content pages (<c>/beheer/inhoud</c>).</summary>
    string Role { get; }

    /// <summary>Whether <paramref name="user"/> may edit (or start, at that address) <paramref name="item"/>.</summary>
    Task<bool> MayEditAsync(ClaimsPrincipal user, IContentAddress item, CancellationToken cancellationToken);

    /// <summary>The address <paramref name="user"/> would start a new item at (their municipality's), offered in the form; null for none.</summary>
    Task<string?> AddressForAsync(ClaimsPrincipal user, CancellationToken cancellationToken);
}
