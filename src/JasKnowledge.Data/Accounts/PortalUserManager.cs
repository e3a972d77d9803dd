using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace JasKnowledge.Data.Accounts;

/// <summary>
/// Identity's account manager, safe when two requests save one account at the same moment. Identity saves an account with its
/// concurrency stamp and answers "failed" when another request saved it first, and its sign-in takes that "failed" for a wrong
/// code, while wrong attempts made at the same moment were each counted on the same old count (the attack of 7 December: the
/// lock came after 16 wrong codes, not 5; a right recovery code was called wrong). Here a wrong attempt is counted in the
/// database itself, and a right code whose use could not be recorded is tried once more on the account as it now is, unless
/// the account's sessions ended meanwhile (sign out everywhere), which also ends a sign-in half done.
/// </summary>
public sealed class PortalUserManager(
    IUserStore<PortalUser> store, IOptions<IdentityOptions> options, IPasswordHasher<PortalUser> passwordHasher,
    IEnumerable<IUserValidator<PortalUser>> userValidators, IEnumerable<IPasswordValidator<PortalUser>> passwordValidators,
    ILookupNormalizer keyNormalizer, IdentityErrorDescriber errors, IServiceProvider services, ILogger<UserManager<PortalUser>> logger,
    JasDbContext db, TimeProvider clock)
    : UserManager<PortalUser>(store, options, passwordHasher, userValidators, passwordValidators, keyNormalizer, errors, services, logger)
{
    /// <summary>In this request, a right code (authenticator or recovery) could not be recorded as used, because the account was
    /// saved elsewhere at that moment: it was not used, and it is no wrong attempt.</summary>
    public bool RightCodeNotRecorded { get; private set; }

    /// <summary>Counts in one statement, so that wrong attempts at the same moment all count; the new concurrency stamp makes any
    /// other request still holding the old count fail to save it.</summary>
    public override async Task<IdentityResult> AccessFailedAsync(PortalUser user)
    {
        ThrowIfDisposed();
        if (RightCodeNotRecorded) return IdentityResult.Success;
        var account = db.Users.Where(u => u.Id == user.Id);
        await account.ExecuteUpdateAsync(set => set
            .SetProperty(u => u.AccessFailedCount, u => u.AccessFailedCount + 1)
            .SetProperty(u => u.ConcurrencyStamp, Guid.NewGuid().ToString()));
        var lockout = Options.Lockout;
        DateTimeOffset? until = clock.GetUtcNow() + lockout.DefaultLockoutTimeSpan;
        await account.Where(u => u.AccessFailedCount >= lockout.MaxFailedAccessAttempts).ExecuteUpdateAsync(set => set
            .SetProperty(u => u.LockoutEnd, until)
            .SetProperty(u => u.AccessFailedCount, 0)
            .SetProperty(u => u.ConcurrencyStamp, Guid.NewGuid().ToString()));
        await ForgetUnsavedAsync(user);
        return IdentityResult.Success;
    }

    public override async Task<IdentityResult> RedeemTwoFactorRecoveryCodeAsync(PortalUser user, string code)
    {
        var result = await base.RedeemTwoFactorRecoveryCodeAsync(user, code);
        // A wrong code is refused with its own error; only a right one gets as far as saving.
        if (result.Succeeded || !IsConcurrencyFailure(result)) return result;
        if (!await SessionsEndedSinceLoadedAsync(user))
        {
            await ForgetUnsavedAsync(user);
            result = await base.RedeemTwoFactorRecoveryCodeAsync(user, code);
            if (result.Succeeded || !IsConcurrencyFailure(result)) return result;
        }
        RightCodeNotRecorded = true;
        return result;
    }

    /// <summary>For <see cref="OneTimeAuthenticatorCodes"/>: the right code's step could not be saved; whether to check it once more
    /// on the account as it now is (true), or to give up because its sessions ended or it was tried again already.</summary>
    internal async Task<bool> TryAgainAfterConflictAsync(PortalUser user, bool triedAgain)
    {
        if (!triedAgain && !await SessionsEndedSinceLoadedAsync(user))
        {
            await ForgetUnsavedAsync(user);
            return true;
        }
        RightCodeNotRecorded = true;
        return false;
    }

    /// <summary>Whether the account's security stamp changed since this request loaded it (sign out everywhere, a new role or
    /// password): every session it had, and a sign-in half done, ended then.</summary>
    public async Task<bool> SessionsEndedSinceLoadedAsync(PortalUser user)
    {
        var loaded = db.Entry(user).OriginalValues.GetValue<string?>(nameof(PortalUser.SecurityStamp));
        var now = await db.Users.AsNoTracking().Where(u => u.Id == user.Id).Select(u => new { u.SecurityStamp }).SingleOrDefaultAsync();
        return now is null || now.SecurityStamp != loaded;
    }

    /// <summary>Drops what this request changed on the account and did not save (a redeemed code, a recorded step), and reads the
    /// account as it now is.</summary>
    public async Task ForgetUnsavedAsync(PortalUser user)
    {
        foreach (var entry in db.ChangeTracker.Entries<IdentityUserToken<string>>().Where(e => e.Entity.UserId == user.Id).ToList())
        {
            if (entry.State == EntityState.Added) entry.State = EntityState.Detached;
            else if (entry.State is EntityState.Modified or EntityState.Deleted) await entry.ReloadAsync();
        }
        await db.Entry(user).ReloadAsync();
    }

    public static bool IsConcurrencyFailure(IdentityResult result) =>
        result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.ConcurrencyFailure));
}
