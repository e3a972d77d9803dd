using JasKnowledge.Core.Telemetry;
using JasKnowledge.Data.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace JasKnowledge.Web.Features.Beheer;

/// <summary>What one attempt to sign in came to; the pages say it in words.</summary>
public enum SignInOutcome
{
    SignedIn,
    /// <summary>The right password of an account with a second factor: the code is the next step.</summary>
    SecondStepNeeded,
    /// <summary>Also for an unknown address, a disabled account and an account locked by someone else's attempts: the answer
    /// must not tell which addresses have an account.</summary>
    WrongPassword,
    /// <summary>Told only to whoever gives the right password (or, at the second step, a code for an account that gave it).</summary>
    LockedOut,
    /// <summary>At the second step: the account was disabled after its password was given.</summary>
    Disabled,
    WrongCode,
    /// <summary>The half-done sign-in between the two steps is gone (expired, or the account's sessions ended meanwhile).</summary>
    NoSecondStep,
    /// <summary>At the second step: the account was saved elsewhere at the same moment (a sign-in or a wrong code on another
    /// device), so the right code could not be recorded as used. It was not used, and the next attempt loads the account afresh.</summary>
    ChangedMeanwhile,
}

/// <summary>
/// The back office's sign-in rules, in one place: the password, then the authenticator's code or a recovery code. Failures count
/// towards one lockout and the sign-in metrics; the audit log names each success and each lock begun. The pages (Login, SecondStep)
/// only check that something was typed and say the outcome.
/// </summary>
public sealed class BackOfficeSignIn(
    SignInManager<PortalUser> signIn, PortalUserManager users, AccountAdministration accounts, PortalMetrics metrics)
{
    public async Task<SignInOutcome> PasswordAsync(string email, string password)
    {
        var user = await users.FindByNameAsync(email.Trim());
        if (user is null)
        {
            // As long as a wrong password takes: the time of the answer must not tell whether the address has an account.
            users.PasswordHasher.VerifyHashedPassword(new PortalUser(), UnknownAccountHash(users), password);
            return PasswordFailed(SignInOutcome.WrongPassword, lockedOut: false);
        }
        // A locked account is said to be locked only to whoever gives its password: to anyone else it looks like any wrong
        // password, so that trying five times cannot tell which addresses have an account (the attack of 6 December 2026).
        if (await users.IsLockedOutAsync(user))
            return PasswordFailed(await users.CheckPasswordAsync(user, password) ? SignInOutcome.LockedOut : SignInOutcome.WrongPassword, lockedOut: true);
        var result = await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            // This attempt started the lock: the audit log says so, the person at the form hears what every wrong password hears.
            await accounts.LockedOutAsync(user, "wachtwoord");
            return PasswordFailed(SignInOutcome.WrongPassword, lockedOut: true);
        }
        if (result.RequiresTwoFactor) return SignInOutcome.SecondStepNeeded;
        // A disabled account (NotAllowed) hears the same as a wrong password: nothing about the account.
        if (!result.Succeeded) return PasswordFailed(SignInOutcome.WrongPassword, lockedOut: false);
        // Not enrolled yet: signed in, and the second factor is the next page it can open.
        await accounts.SignedInAsync(user, "wachtwoord");
        return SignInOutcome.SignedIn;
    }

    /// <summary>Whether someone gave the right password and the second step waits for their code.</summary>
    public async Task<bool> SecondStepWaitsAsync() => await signIn.GetTwoFactorAuthenticationUserAsync() is not null;

    /// <param name="code">The authenticator's code, or with <paramref name="recovery"/> a recovery code (each works once).</param>
    public async Task<SignInOutcome> SecondStepAsync(string code, bool recovery)
    {
        // Whoever gave the right password, from the short-lived cookie between the two steps.
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null) return SignInOutcome.NoSecondStep;
        // Asked again at this step: an account disabled or locked out after its password was given must not
        // finish signing in. Identity checks this for an authenticator code, not for a recovery code.
        if (!await signIn.CanSignInAsync(user))
        {
            metrics.SignInFailed("second-step", lockedOut: false);
            await signIn.Context.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme);
            return SignInOutcome.Disabled;
        }
        if (await users.IsLockedOutAsync(user))
        {
            metrics.SignInFailed("second-step", lockedOut: true);
            return SignInOutcome.LockedOut;
        }
        var result = recovery
            ? await signIn.TwoFactorRecoveryCodeSignInAsync(code)
            : await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
        if (result.Succeeded)
        {
            await accounts.SignedInAsync(user, recovery ? "herstelcode" : "code");
            return SignInOutcome.SignedIn;
        }
        // Identity says "failed" too for a right code whose use could not be recorded, the account being saved elsewhere at that
        // moment twice over (PortalUserManager tries once more): told as a wrong code, a person with one recovery code left would
        // think it gone. After sign out everywhere the half-done sign-in ends, as it would at the next request (HalfDoneSignIn).
        if (users.RightCodeNotRecorded)
        {
            if (!await users.SessionsEndedSinceLoadedAsync(user)) return SignInOutcome.ChangedMeanwhile;
            await signIn.Context.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme);
            signIn.Context.Items[Hosting.Authentication.HalfDoneSignIn.EndedItem] = true;
            return SignInOutcome.NoSecondStep;
        }
        metrics.SignInFailed("second-step", result.IsLockedOut);
        // The lock was checked above: this attempt started it.
        if (!result.IsLockedOut) return SignInOutcome.WrongCode;
        await accounts.LockedOutAsync(user, "code");
        return SignInOutcome.LockedOut;
    }

    private SignInOutcome PasswordFailed(SignInOutcome outcome, bool lockedOut)
    {
        metrics.SignInFailed("password", lockedOut);
        return outcome;
    }

    /// <summary>A hash of no one's password, made once with the portal's own hasher (so checking against it costs what a real check costs).</summary>
    private static string UnknownAccountHash(UserManager<PortalUser> users) =>
        _unknownAccountHash ??= users.PasswordHasher.HashPassword(new PortalUser(), Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24)));
    private static string? _unknownAccountHash;
}
