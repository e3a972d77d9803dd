using JasKnowledge.Core.Modules;
using JasKnowledge.Data.Accounts;

namespace JasKnowledge.Web.Features.Beheer;

/// <summary>The back office: sign-in (password, then the second factor), password and two-factor pages,
/// user administration, content and file editing, the audit log, and
/// the commands that make accounts. Who is signed in is set up for the whole app in
/// Hosting/Authentication.</summary>
public static class BeheerFeature
{
    public const string LoginPath = "/beheer/inloggen";
    public const string PasswordPath = "/beheer/wachtwoord";
    public const string LogoutPath = "/beheer/uitloggen";
    public const string SecondStepPath = "/beheer/inloggen/tweede-stap";
    public const string TwoFactorPath = "/beheer/tweestapsverificatie";
    public const string UsersPath = "/beheer/gebruikers";
    public const string InvitationPath = "/beheer/uitnodiging";

    /// <summary>A back-office address: Dutch pages with "Uitloggen" in their header, for signed-in staff.</summary>
    public static bool IsBackOffice(PathString path) => path.StartsWithSegments("/beheer");

    /// <summary>An address whose answer belongs to one person: the back office, and a draft behind a preview link
    /// (/voorbeeld). Never compressed next to a secret, never cached, HTTPS only, and isolated from its opener.</summary>
    public static bool IsPrivate(PathString path) => IsBackOffice(path) || path.StartsWithSegments("/voorbeeld");

    public static IServiceCollection AddBeheerFeature(this IServiceCollection services)
    {
        services.AddScoped<AccountCommands>();
        services.AddScoped<AccountAdministration>();
        services.AddScoped<BackOfficeSignIn>();
        services.AddScoped<Inhoud.TypeFieldValues>();
        services.AddSingleton<Inhoud.PreviewLinks>();
        services.AddCommand<CreateAdminCommand>();
        services.AddCommand<AddUserCommand>();
        services.Configure<Microsoft.AspNetCore.Mvc.RazorPages.RazorPagesOptions>(
            options => options.Conventions.ConfigureFilter(new BackOfficeHeader()));
        return services;
    }
}
