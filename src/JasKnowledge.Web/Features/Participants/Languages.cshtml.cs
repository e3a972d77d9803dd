using Microsoft.AspNetCore.Mvc.RazorPages;

namespace JasKnowledge.Web.Features.Participants;

/// <summary>The language-first entry page: every language by its own name, in its own script. It is
/// in Dutch and English around the choices, because the visitor has not chosen yet.</summary>
public sealed class LanguagesModel : PageModel
{
    /// <summary>The code a visitor came with that the portal does not know (shown, never trusted).</summary>
    public string? Unknown { get; private set; }

    public void OnGet(string? onbekend) =>
        Unknown = string.IsNullOrWhiteSpace(onbekend) || onbekend.Length > 35 ? null : onbekend.Trim();
}
