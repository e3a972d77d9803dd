using Microsoft.AspNetCore.Identity;

namespace JasKnowledge.Data.Accounts;

/// <summary>Identity's hook for "may this account sign in at all" (with
/// <c>SignIn.RequireConfirmedAccount</c>): an account an administrator disabled may not.</summary>
public sealed class DisabledAccounts : IUserConfirmation<PortalUser>
{
    public Task<bool> IsConfirmedAsync(UserManager<PortalUser> manager, PortalUser user) => Task.FromResult(!user.Disabled);
}
