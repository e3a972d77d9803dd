using System.Security.Cryptography;
using System.Text;
using JasKnowledge.Core.Audit;
using JasKnowledge.Core.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace JasKnowledge.Data.Accounts;

/// <summary>One account as the administrators' list shows it.</summary>
/// <param name="Languages">For a translator: the languages they translate into; empty for every language.</param>
public sealed record AccountSummary(string Id, string Email, IReadOnlyList<string> Roles, string? Gemeente, DateTime? LastSignInUtc,
    bool TwoFactor, bool LockedOut, bool Disabled, bool InvitationOpen, string? GemeenteName = null, IReadOnlyList<string>? Languages = null);

/// <summary>What an invitation hands out, shown once: a one-time password or a link token.</summary>
public sealed record Invitation(PortalUser User, string? OneTimePassword, string? LinkToken, DateTime? ExpiresUtc);

/// <summary>An administrator's change that the rules refuse (e.g. removing the last administrator).</summary>
/// <param name="isConflict">The account's state or another administrator's change stands in the way (HTTP 409), rather than
/// what was typed (422).</param>
public sealed class AccountRuleException(string message, bool isConflict = false) : Exception(message)
{
    public bool IsConflict { get; } = isConflict;
}

/// <summary>
/// The administration of back-office accounts (/beheer/gebruikers) and the account's own two-factor
/// enrolment. Every change is one transaction with its audit entry. A change that matters for the
/// account's sessions (roles, municipality, disabling, a reset second factor, sign out everywhere)
/// changes its security stamp, so every session of that account on every node ends within the
/// validation interval. There is always one enabled administrator left.
/// </summary>
public sealed class AccountAdministration(
    JasDbContext db, PortalUserManager users, AccountCommands commands, IEnumerable<IGemeenteNames> gemeenteNames, CultureCatalog cultures,
    TimeProvider clock)
{
    public static readonly TimeSpan InvitationLifetime = TimeSpan.FromHours(72);
    public const int RecoveryCodeCount = 10;

    public async Task<IReadOnlyList<AccountSummary>> ListAsync()
    {
        var now = clock.GetUtcNow();
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name }).ToListAsync();
        var all = await db.Users.AsNoTracking().ToListAsync();
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var source in gemeenteNames)
            foreach (var (code, name) in await source.NamesAsync())
                names.TryAdd(code, name);
        return all.OrderBy(u => u.Email, StringComparer.OrdinalIgnoreCase).Select(u => new AccountSummary(u.Id, u.Email ?? u.UserName ?? u.Id,
                roles.Where(r => r.UserId == u.Id).Select(r => r.Name!).Order(StringComparer.Ordinal).ToList(), u.Gemeente, u.LastSignInUtc,
                u.TwoFactorEnabled, u.LockoutEnd > now, u.Disabled, u.InvitationHash is not null && u.InvitationExpiresUtc > now.UtcDateTime,
                u.Gemeente is null ? null : names.GetValueOrDefault(u.Gemeente), TranslatorLanguages.Of(u.Languages)))
            .ToList();
    }

    public async Task<AccountSummary?> FindAsync(string id) => (await ListAsync()).FirstOrDefault(a => a.Id == id);

    /// <summary>Creates the account with one role. With <paramref name="byLink"/> the account gets a
    /// single-use link valid for 72 hours (its random password is never shown); otherwise a one-time
    /// password that must be replaced at the first sign-in.</summary>
    public async Task<(Invitation? Invitation, IReadOnlyList<string> Problems)> InviteAsync(
        string actor, string email, string role, string? gemeente, bool byLink, IEnumerable<string?>? languages = null)
    {
        email = email.Trim();
        if (!email.Contains('@', StringComparison.Ordinal)) return (null, ["Dat is geen e-mailadres."]);
        await using var transaction = await db.Database.BeginTransactionAsync();
        gemeente = string.IsNullOrWhiteSpace(gemeente) ? null : gemeente.Trim();
        var (user, password, problems) = await commands.CreateAsync(email, role, gemeente, null, languages);
        if (user is null) return (null, problems.Select(p => p.Dutch).ToList());
        string? token = null;
        DateTime? expires = null;
        if (byLink)
        {
            token = WebEncoders(RandomNumberGenerator.GetBytes(32));
            expires = clock.GetUtcNow().UtcDateTime + InvitationLifetime;
            user.InvitationHash = Hash(token);
            user.InvitationExpiresUtc = expires;
            await users.UpdateAsync(user);
        }
        await AuditAsync(
            actor, "account.invite", email,
            $"{Described(role, user)}, {(byLink ? "uitnodigingslink" : "eenmalig wachtwoord")}");
        await transaction.CommitAsync();
        return (new Invitation(user, byLink ? null : password, token, expires), []);
    }

    /// <summary>The account an open, unexpired invitation link belongs to.</summary>
    public async Task<PortalUser?> FindInvitationAsync(string token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100) return null;
        var hash = Hash(token);
        var user = await users.Users.FirstOrDefaultAsync(u => u.InvitationHash == hash);
        return user is not null && user.InvitationExpiresUtc > clock.GetUtcNow().UtcDateTime && !user.Disabled ? user : null;
    }

    private static readonly IdentityError InvitationSpent = new()
    {
        Code = "InvitationInvalid", Description = "Deze uitnodiging is verlopen of al gebruikt.",
    };

    /// <summary>Accepts an invitation: the account's own password replaces the unknown one, and the link
    /// is spent, once, also when it is used twice at the same moment. Returns Identity's password errors, if any.</summary>
    public async Task<(PortalUser? User, IReadOnlyList<IdentityError> Errors)> AcceptInvitationAsync(string token, string password)
    {
        var user = await FindInvitationAsync(token);
        if (user is null) return (null, [InvitationSpent]);
        var errors = new List<IdentityError>();
        foreach (var validator in users.PasswordValidators)
            errors.AddRange((await validator.ValidateAsync(users, user, password)).Errors);
        if (errors.Count > 0) return (null, errors);
        await using var transaction = await db.Database.BeginTransactionAsync();
        // The link is spent first, in the database, where a second acceptance at the same moment waits for this one and then
        // finds nothing to spend: both requests had found the open link before either changed it, and both set a password.
        var hash = Hash(token);
        if (await db.Users.Where(u => u.Id == user.Id && u.InvitationHash == hash)
                .ExecuteUpdateAsync(set => set.SetProperty(u => u.InvitationHash, (string?)null)) == 0)
            return (null, [InvitationSpent]);
        var removed = await users.RemovePasswordAsync(user);
        var added = removed.Succeeded ? await users.AddPasswordAsync(user, password) : removed;
        if (!added.Succeeded) return (null, added.Errors.ToList());
        user.InvitationHash = null;
        user.InvitationExpiresUtc = null;
        user.MustChangePassword = false;
        await users.UpdateAsync(user);
        await AuditAsync(user.Email!, "account.invitation.accept", user.Email!, null);
        await transaction.CommitAsync();
        return (user, []);
    }

    /// <summary>Sets the account's role (one of <see cref="PortalRoles.All"/>) and, for a municipal
    /// editor, its municipality; for a translator, their languages.</summary>
    public async Task SetRoleAsync(string actor, string id, string role, string? gemeente, IEnumerable<string?>? languages = null)
    {
        var user = await UserAsync(id);
        gemeente = string.IsNullOrWhiteSpace(gemeente) ? null : gemeente.Trim();
        if (!PortalRoles.All.Contains(role)) throw new AccountRuleException(AccountProblem.NotARole(role).Dutch);
        // The form keeps the code field when another role is chosen: that code is dropped, not refused.
        if (role != PortalRoles.MunicipalEditor) gemeente = null;
        if (await commands.GemeenteProblemAsync(role, gemeente) is { } problem) throw new AccountRuleException(problem.Dutch);
        var (stored, languageProblem) = TranslatorLanguages.Check(role, languages, cultures);
        if (languageProblem is not null) throw new AccountRuleException(languageProblem.Dutch);
        await AsAdministratorChangeAsync(async () =>
        {
            var current = await users.GetRolesAsync(user);
            if (current.Contains(PortalRoles.Administrator) && role != PortalRoles.Administrator) await EnsureAnotherAdministratorAsync(user);
            Check(await users.RemoveFromRolesAsync(user, current));
            Check(await users.AddToRoleAsync(user, role));
            var before = Described(string.Join(", ", current), user);
            (user.Gemeente, user.Languages) = (gemeente, stored);
            Check(await users.UpdateAsync(user));
            Check(await users.UpdateSecurityStampAsync(user));
            await AuditAsync(actor, "account.role", user.Email!, $"{before} → {Described(role, user)}");
        });
    }

    public async Task SetDisabledAsync(string actor, string id, bool disabled)
    {
        var user = await UserAsync(id);
        await AsAdministratorChangeAsync(async () =>
        {
            if (disabled && (await users.GetRolesAsync(user)).Contains(PortalRoles.Administrator)) await EnsureAnotherAdministratorAsync(user);
            user.Disabled = disabled;
            // An open invitation link ends with it: enabling the account again does not bring a leaked link back.
            if (disabled) (user.InvitationHash, user.InvitationExpiresUtc) = (null, null);
            Check(await users.UpdateAsync(user));
            Check(await users.UpdateSecurityStampAsync(user));
            if (!disabled) Check(await users.SetLockoutEndDateAsync(user, null));
            await AuditAsync(actor, disabled ? "account.disable" : "account.enable", user.Email!, null);
        });
    }

    /// <summary>The account's second factor is removed: a new key, no recovery codes, and at the next
    /// sign-in enrolment is all it can do.</summary>
    public async Task ResetTwoFactorAsync(string actor, string id)
    {
        var user = await UserAsync(id);
        await using var transaction = await db.Database.BeginTransactionAsync();
        Check(await users.SetTwoFactorEnabledAsync(user, false));
        Check(await users.ResetAuthenticatorKeyAsync(user));
        await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 0);
        Check(await users.UpdateSecurityStampAsync(user));
        await AuditAsync(actor, "account.2fa.reset", user.Email!, null);
        await transaction.CommitAsync();
    }

    public async Task SignOutEverywhereAsync(string actor, string id)
    {
        var user = await UserAsync(id);
        await using var transaction = await db.Database.BeginTransactionAsync();
        // "Everywhere" includes an open invitation link, which would otherwise still sign someone in.
        if (user.InvitationHash is not null)
        {
            (user.InvitationHash, user.InvitationExpiresUtc) = (null, null);
            Check(await users.UpdateAsync(user));
        }
        Check(await users.UpdateSecurityStampAsync(user));
        await AuditAsync(actor, "account.signout-everywhere", user.Email!, null);
        await transaction.CommitAsync();
    }

    /// <summary>Deletes the account; the audit log keeps its address.</summary>
    public async Task DeleteAsync(string actor, string id)
    {
        var user = await UserAsync(id);
        await AsAdministratorChangeAsync(async () =>
        {
            if ((await users.GetRolesAsync(user)).Contains(PortalRoles.Administrator)) await EnsureAnotherAdministratorAsync(user);
            Check(await users.DeleteAsync(user));
            await AuditAsync(actor, "account.delete", user.Email!, null);
        });
    }

    /// <summary>The account's own enrolment: the code from the authenticator app proves the shared key
    /// arrived; the second factor is switched on and ten recovery codes are made (returned once).</summary>
    public async Task<IReadOnlyList<string>?> EnrolAsync(PortalUser user, string code)
    {
        code = new string(code.Where(char.IsAsciiDigit).ToArray());
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            // The right code, at the moment the account was saved elsewhere (sign out everywhere): not a wrong code.
            if (users.RightCodeNotRecorded)
            {
                await users.ForgetUnsavedAsync(user);
                throw new AccountRuleException(ChangedMeanwhile, isConflict: true);
            }
            return null;
        }
        await using var transaction = await db.Database.BeginTransactionAsync();
        try
        {
            Check(await users.SetTwoFactorEnabledAsync(user, true));
            var codes = await NewCodesAsync(user);
            await AuditAsync(user.Email!, "account.2fa.enrol", user.Email!, null);
            await transaction.CommitAsync();
            return codes;
        }
        catch (AccountRuleException e) when (e.IsConflict)
        {
            // The page shows the account as it is, not as this refused change left it in memory.
            await transaction.RollbackAsync();
            await db.Entry(user).ReloadAsync();
            throw;
        }
    }

    /// <summary>Identity answers null, not a refusal, when the account was saved by someone else meanwhile; nothing is kept then.</summary>
    private async Task<List<string>> NewCodesAsync(PortalUser user) =>
        (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))?.ToList()
            ?? throw new AccountRuleException(ChangedMeanwhile, isConflict: true);

    /// <summary>The account's own choice whether to get a mail when a Dutch text it translated changes, with its audit entry.
    /// Choosing what is already set changes nothing and writes nothing.</summary>
    public async Task SetDutchChangeMailAsync(PortalUser user, bool on)
    {
        if (user.DutchChangeMail == on) return;
        await using var transaction = await db.Database.BeginTransactionAsync();
        user.DutchChangeMail = on;
        Check(await users.UpdateAsync(user));
        await AuditAsync(user.Email!, "account.dutch-change-mail", user.Email!, on ? "aan" : "uit");
        await transaction.CommitAsync();
    }

    /// <summary>New recovery codes for an enrolled account (the old ones stop working), for whoever gives the account's password:
    /// a signed-in browser left alone must not hand out ten second factors. A wrong password is null and counts towards the lock,
    /// as at sign-in.</summary>
    public async Task<IReadOnlyList<string>?> NewRecoveryCodesAsync(PortalUser user, string password)
    {
        if (await users.IsLockedOutAsync(user)) return null;
        if (!await users.CheckPasswordAsync(user, password))
        {
            Check(await users.AccessFailedAsync(user));
            if (await users.IsLockedOutAsync(user)) await LockedOutAsync(user, "herstelcodes");
            return null;
        }
        await using var transaction = await db.Database.BeginTransactionAsync();
        var codes = await NewCodesAsync(user);
        await AuditAsync(user.Email!, "account.2fa.recovery-codes", user.Email!, null);
        await transaction.CommitAsync();
        return codes;
    }

    /// <summary>The account's own new password, with its audit entry; a one-time password is then
    /// replaced. The new security stamp ends the account's other sessions. A wrong current password counts towards the lock,
    /// as at sign-in: a session left open must not let anyone guess the password here without end (attack of 7 December).</summary>
    public async Task<IdentityResult> ChangeOwnPasswordAsync(PortalUser user, string current, string replacement)
    {
        if (await users.IsLockedOutAsync(user)) return IdentityResult.Failed(AccountProblem.LockedOutError);
        if (!await users.CheckPasswordAsync(user, current))
        {
            Check(await users.AccessFailedAsync(user));
            if (await users.IsLockedOutAsync(user)) await LockedOutAsync(user, "wachtwoord wijzigen");
            return IdentityResult.Failed(users.ErrorDescriber.PasswordMismatch());
        }
        await using var transaction = await db.Database.BeginTransactionAsync();
        var changed = await users.ChangePasswordAsync(user, current, replacement);
        if (!changed.Succeeded) return changed;
        Check(await users.ResetAccessFailedCountAsync(user));
        var wasOneTime = user.MustChangePassword;
        user.MustChangePassword = false;
        Check(await users.UpdateAsync(user));
        await AuditAsync(user.Email!, "account.password.change", user.Email!, wasOneTime ? "eenmalig wachtwoord vervangen" : null);
        await transaction.CommitAsync();
        return changed;
    }

    /// <summary>Sign-out ends this session and every copy of its cookie: a new security stamp. In the audit log, as sign-in is.</summary>
    public Task SignedOutAsync(PortalUser user) =>
        SaveWithAuditAsync(user, () => users.UpdateSecurityStampAsync(user), "account.signout", null);

    /// <summary>In the audit log: the account is locked for a quarter of an hour after too many wrong passwords or codes at
    /// <paramref name="step"/> ("wachtwoord", "code"). Written when the lock starts, not for each attempt while it lasts.</summary>
    public Task LockedOutAsync(PortalUser user, string step) =>
        AuditAsync("portaal", "account.lockout", user.Email!, $"tijdelijk geblokkeerd na te veel mislukte pogingen ({step})");

    /// <summary>A sign-in that succeeded, in the audit log with <paramref name="how"/> ("wachtwoord" before the second factor is set
    /// up, "code", "herstelcode", "uitnodiging"): who was in the back office when is what an incident asks first.</summary>
    public Task SignedInAsync(PortalUser user, string how) =>
        SaveWithAuditAsync(user, () =>
        {
            user.LastSignInUtc = clock.GetUtcNow().UtcDateTime;
            return users.UpdateAsync(user);
        }, "account.signin", how);

    /// <summary>Sign-in and sign-out record what already happened, so they must not fail because the account was saved elsewhere
    /// at that moment (sign out everywhere, new recovery codes, another sign-in; the attack of 7 December found a sign-in answered
    /// 500 after its recovery code was used): the change is made once more on the account as it now is.</summary>
    private async Task SaveWithAuditAsync(PortalUser user, Func<Task<IdentityResult>> change, string action, string? detail)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            var result = await change();
            if (!result.Succeeded && attempt == 1 && PortalUserManager.IsConcurrencyFailure(result))
            {
                await transaction.RollbackAsync();
                await users.ForgetUnsavedAsync(user);
                continue;
            }
            Check(result);
            await AuditAsync(user.Email!, action, user.Email!, detail);
            await transaction.CommitAsync();
            return;
        }
    }

    private async Task<PortalUser> UserAsync(string id) =>
        await users.FindByIdAsync(id) ?? throw new AccountRuleException("Dit account bestaat niet (meer).", isConflict: true);

    /// <summary>A change that may take an administrator away: the check and the change in one serializable
    /// transaction, so that two administrators demoting each other at the same moment cannot both succeed
    /// (SQLite takes the write lock at the start; PostgreSQL refuses the second, which is then told so).</summary>
    private async Task AsAdministratorChangeAsync(Func<Task> change)
    {
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.Serializable);
            await change();
            await transaction.CommitAsync();
        }
        catch (Exception e) when (e is not AccountRuleException && DatabaseConflicts.IsConflict(e))
        {
            throw new AccountRuleException(ChangedMeanwhile, isConflict: true);
        }
    }

    private const string ChangedMeanwhile = "Iemand anders veranderde tegelijk dit account of een beheerder. Laad de pagina opnieuw en kijk of uw wijziging nog nodig is.";

    /// <summary>Only an administrator who can sign in counts: enabled, invitation accepted, and a password of
    /// their own (an unaccepted invitation's link or one-time password was shown once and may be lost).</summary>
    private async Task EnsureAnotherAdministratorAsync(PortalUser user)
    {
        var administrators = await users.GetUsersInRoleAsync(PortalRoles.Administrator);
        if (!administrators.Any(a => a.Id != user.Id && !a.Disabled && a.InvitationHash is null && a.PasswordHash is not null && !a.MustChangePassword))
            throw new AccountRuleException(
                "Dit is de laatste beheerder die kan inloggen: maak eerst een ander account beheerder, en laat die de uitnodiging aannemen en een eigen wachtwoord kiezen.",
                isConflict: true);
    }

    private async Task AuditAsync(string actor, string action, string subject, string? detail)
    {
        db.AuditLog.Add(new AuditEntry { AtUtc = clock.GetUtcNow().UtcDateTime, Actor = actor, Action = action, Subject = subject, Detail = detail });
        await db.SaveChangesAsync();
    }

    /// <summary>A role as the audit log writes it: with the municipality or the languages it is bound to.</summary>
    private static string Described(string role, PortalUser user) =>
        $"{role}{(user.Gemeente is null ? "" : $" {user.Gemeente}")}{(user.Languages is null ? "" : $" ({user.Languages})")}";

    /// <summary>Identity's refusals in the back office's language: the ones two administrators acting on one
    /// account at once produce are said as such, not as Identity's English text.</summary>
    private static void Check(IdentityResult result)
    {
        if (result.Succeeded) return;
        if (PortalUserManager.IsConcurrencyFailure(result) || result.Errors.Any(e => e.Code is nameof(IdentityErrorDescriber.UserNotInRole) or nameof(IdentityErrorDescriber.UserAlreadyInRole)))
            throw new AccountRuleException(ChangedMeanwhile, isConflict: true);
        throw new AccountRuleException(string.Join(" ", result.Errors.Select(e => AccountProblem.From(e).Dutch)));
    }

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string WebEncoders(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
