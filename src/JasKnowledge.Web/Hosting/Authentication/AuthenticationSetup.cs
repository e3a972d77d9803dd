using System.Threading.RateLimiting;
using JasKnowledge.Data;
using JasKnowledge.Data.Accounts;
using JasKnowledge.Web.Features.Beheer;
using JasKnowledge.Web.Hosting.Http;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace JasKnowledge.Web.Hosting.Authentication;

/// <summary>
/// Who is signed in, for every request: accounts (ASP.NET Core Identity in the portal's database), the
/// sign-in cookie, lockout after repeated failures (wrong passwords and wrong codes), a rate limit on
/// sign-in attempts, sessions that end when the account's security stamp changes, and the rules that a
/// password handed out by a command is replaced at the first sign-in and that every account enrols a
/// second factor before it can do anything else. The back office's pages are in
/// Features/Beheer.
/// </summary>
public static class AuthenticationSetup
{
    /// <summary>The back office's sign-in cookie.</summary>
    public const string SessionCookie = "jas-beheer";

    public const string LoginRateLimit = "login";

    public static IServiceCollection AddPortalAuthentication(this IServiceCollection services, IHostEnvironment environment)
    {
        services.AddIdentity<PortalUser, IdentityRole>(options =>
            {
                options.User.RequireUniqueEmail = true;
                // NIST SP 800-63B: length and a list of common passwords (PasswordRules), no composition rules.
                options.Password.RequiredLength = PasswordRules.MinimumLength;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
                // A disabled account cannot sign in (DisabledAccounts answers "not confirmed").
                options.SignIn.RequireConfirmedAccount = true;
            })
            .AddEntityFrameworkStores<JasDbContext>()
            .AddUserStore<HashedRecoveryCodes>()
            // Wrong attempts counted in the database, right codes tried again after a save elsewhere at the same moment.
            .AddUserManager<PortalUserManager>()
            .AddClaimsPrincipalFactory<PortalUserClaims>()
            .AddPasswordValidator<PasswordRules>()
            // The one second factor: an authenticator app (no codes by e-mail or text message), each code once.
            .AddTokenProvider<OneTimeAuthenticatorCodes>(TokenOptions.DefaultAuthenticatorProvider);
        services.AddScoped<IUserConfirmation<PortalUser>, DisabledAccounts>();
        // A sign-in cookie is checked against the account's security stamp on every request (Jas:Beheer:SessionCheckSeconds,
        // default 0, at most 60): sign-out, a new password, other roles, a disabled account or "sign out everywhere" change
        // the stamp, and every session of that account on every node ends with the next request, a saved copy of the
        // cookie too. Only signed-in requests pay the look-up (the back office); a public visitor has no cookie.
        services.Replace(ServiceDescriptor.Scoped<ISecurityStampValidator, SessionCheck>());
        services.AddOptions<SecurityStampValidatorOptions>().Configure<IConfiguration>((options, configuration) =>
            options.ValidationInterval = TimeSpan.FromSeconds(Math.Clamp(configuration.GetValue("Jas:Beheer:SessionCheckSeconds", 0), 0, 60)));
        // Plain HTTP only on a developer's machine and in the tests; everywhere else no cookie travels
        // unencrypted: the sign-in cookie, the one between password and second factor, antiforgery.
        var plainHttpAllowed = environment.IsDevelopment() || environment.IsEnvironment("Testing");
        services.AddAntiforgery(options =>
        {
            options.Cookie.SecurePolicy = plainHttpAllowed ? CookieSecurePolicy.None : CookieSecurePolicy.Always;
        });
        foreach (var scheme in new[] { IdentityConstants.TwoFactorUserIdScheme, IdentityConstants.TwoFactorRememberMeScheme,
            IdentityConstants.ExternalScheme })
        {
            services.Configure<CookieAuthenticationOptions>(scheme, options =>
            {
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.Cookie.SecurePolicy = plainHttpAllowed ? CookieSecurePolicy.None : CookieSecurePolicy.Always;
            });
        }
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme, HalfDoneSignIn.Configure);
        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = SessionCookie;
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            // Plain HTTP only on a developer's machine and in the tests; everywhere else the cookie
            // never travels unencrypted.
            options.Cookie.SecurePolicy = plainHttpAllowed ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            options.LoginPath = BeheerFeature.LoginPath;
            options.LogoutPath = BeheerFeature.LogoutPath;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;
            // Signed in but not allowed: a plain 403 page, not a redirect that hides the answer.
            options.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = async (context, cancellationToken) =>
            {
                // RFC 9110 §10.2.3 / RFC 6585 §4: say when trying again makes sense.
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
                context.HttpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
                    .ToString(System.Globalization.CultureInfo.InvariantCulture);
                context.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
                await context.HttpContext.Response.WriteAsync(
                    "Te veel pogingen om in te loggen. Wacht een minuut en probeer het dan opnieuw.", cancellationToken);
            };
            // Only sign-in attempts count, per client (an IPv6 /64 is one, as for every other limit): 10 a minute
            // (Jas:Beheer:LoginAttemptsPerMinute) slows guessing down long before lockout and never bothers a person who mistypes.
            options.AddPolicy(LoginRateLimit, context => HttpMethods.IsPost(context.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(ClientRequestLimit.ClientOf(context.Connection.RemoteIpAddress),
                    _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = context.RequestServices.GetRequiredService<IConfiguration>().GetValue("Jas:Beheer:LoginAttemptsPerMinute", 10),
                        Window = TimeSpan.FromMinutes(1),
                        QueueLimit = 0,
                    })
                : RateLimitPartition.GetNoLimiter("read"));
        });
        return services;
    }

    public static IApplicationBuilder UsePortalAuthentication(this IApplicationBuilder app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        var plainHttpAllowed = app.ApplicationServices.GetRequiredService<IHostEnvironment>() is var environment
            && (environment.IsDevelopment() || environment.IsEnvironment("Testing"));
        app.Use(async (context, next) =>
        {
            // Outside development the back office's cookies are Secure: over plain HTTP (a node reached
            // without the proxy that ends HTTPS) they could not be set, so say why instead of failing.
            if (!plainHttpAllowed && !context.Request.IsHttps
                && BeheerFeature.IsPrivate(context.Request.Path))
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                context.Response.ContentType = "text/plain; charset=utf-8";
                await context.Response.WriteAsync(
                    "Het beheer werkt alleen via https. Open het portaal via het https-adres. Eindigt https bij een proxy ervoor, "
                    + "zet dan ASPNETCORE_FORWARDEDHEADERS_ENABLED=true, en Jas:TrustedProxies als die proxy niet op deze machine draait.");
                return;
            }
            // Back-office pages carry antiforgery tokens next to what the visitor typed: never compressed
            // (BREACH), whether HTTPS ends here or at a proxy in front. And no cache keeps them, a page without a
            // form (the audit log, its CSV) too: they are one account's view, or a draft behind a link.
            if (BeheerFeature.IsPrivate(context.Request.Path))
            {
                context.Request.Headers.AcceptEncoding = default;
                context.Response.OnStarting(() =>
                {
                    if (!context.Response.Headers.CacheControl.Any(v => v?.Contains("no-store", StringComparison.Ordinal) == true))
                        context.Response.Headers.CacheControl = "no-store";
                    return Task.CompletedTask;
                });
            }
            // A one-time password opens only the page that replaces it; then, until the account has a
            // second factor, enrolment is all it can do.
            if (BeheerFeature.IsBackOffice(context.Request.Path) && !context.Request.Path.StartsWithSegments(BeheerFeature.LogoutPath))
            {
                if (context.User.HasClaim(PortalClaims.MustChangePassword, "true"))
                {
                    if (!context.Request.Path.StartsWithSegments(BeheerFeature.PasswordPath))
                    {
                        context.Response.Redirect(BeheerFeature.PasswordPath);
                        return;
                    }
                }
                else if (context.User.HasClaim(PortalClaims.MustEnrol, "true")
                    && !context.Request.Path.StartsWithSegments(BeheerFeature.TwoFactorPath))
                {
                    context.Response.Redirect(BeheerFeature.TwoFactorPath);
                    return;
                }
            }
            await next();
        });
        return app;
    }
}
