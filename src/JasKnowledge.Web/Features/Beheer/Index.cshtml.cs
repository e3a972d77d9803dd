using JasKnowledge.Data.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace JasKnowledge.Web.Features.Beheer;

/// <summary>/beheer: what the signed-in account may do.</summary>
[Authorize]
public sealed class IndexModel : PageModel
{
    public string? Gemeente => User.FindFirst(PortalClaims.Gemeente)?.Value;

    public void OnGet() { }
}
