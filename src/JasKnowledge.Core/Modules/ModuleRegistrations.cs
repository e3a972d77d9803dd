using JasKnowledge.Core.Content;
using JasKnowledge.Core.Search;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace JasKnowledge.Core.Modules;

/// <summary>
/// The module contract: everything a feature of the host or a module project registers, in one place.
/// A feature owns its pages and endpoints; what the rest of the portal must know of it (where its
/// items are shown, how they are searched, which menu entry, which sitemap pages, which commands) it
/// says here, so that no feature needs another feature's types.
/// </summary>
public static class ModuleRegistrations
{
    /// <summary>Where an item of this type is shown (the API, the search, the language switcher and the
    /// sitemap follow it).</summary>
    public static IServiceCollection AddContentUrl(this IServiceCollection services, string type, Func<IContentAddress, string> url)
    {
        services.TryAddSingleton<ContentUrls>();
        return services.AddSingleton(new ContentUrlRule(type, url));
    }

    /// <summary>Makes a content type searchable, with its label on the search page (a Ui key), its place
    /// among the type filters and, optionally, more text to index than title, summary and body.</summary>
    public static IServiceCollection AddSearchable(
        this IServiceCollection services, string type, string labelKey, int order, Func<ContentVersion, string?>? moreText = null)
    {
        services.AddSingleton(new SearchableType(type, moreText));
        return services.AddSearchLabel(type, labelKey, order);
    }

    /// <summary>A search type that is not a content type (file families).</summary>
    public static IServiceCollection AddSearchLabel(this IServiceCollection services, string type, string labelKey, int order) =>
        services.AddSingleton(new SearchTypeLabel(type, labelKey, order));

    /// <summary>The rules for the fields of a content type; the content store checks them before saving.</summary>
    public static IServiceCollection AddFieldRules<TRules>(this IServiceCollection services) where TRules : class, IContentFieldRules =>
        services.AddSingleton<IContentFieldRules, TRules>();

    /// <summary>Told after each committed change to what the public sees.</summary>
    public static IServiceCollection AddPublicationListener<TListener>(this IServiceCollection services) where TListener : class,
        IPublicationListener =>
        services.AddSingleton<IPublicationListener, TListener>();

    /// <summary>Work that must commit or roll back with every publication (the alerts' outbox).</summary>
    public static IServiceCollection AddPublishingStep<TStep>(this IServiceCollection services) where TStep : class, IPublishingStep =>
        services.AddScoped<IPublishingStep, TStep>();

    /// <summary>Lets visitors follow major publications of this type by e-mail (the Alerts feature).</summary>
    public static IServiceCollection AddFollowable(this IServiceCollection services, string type, string? sharedTopic = null) =>
        services.AddSingleton(new FollowableType(type, sharedTopic));

    /// <summary>Lets visitors follow new revisions of a file family by e-mail.</summary>
    public static IServiceCollection AddFollowableFiles(this IServiceCollection services, FollowableFiles files) =>
        services.AddSingleton(files);

    /// <summary>Where two revisions of a file family are compared (<see cref="ComparableFiles"/>).</summary>
    public static IServiceCollection AddComparableFiles(this IServiceCollection services, ComparableFiles files) =>
        services.AddSingleton(files);

    /// <summary>A file family for the portal's own use, listed nowhere (<see cref="InternalFiles"/>).</summary>
    public static IServiceCollection AddInternalFiles(this IServiceCollection services, string culture, string slug) =>
        services.AddSingleton(new InternalFiles(culture, slug));

    /// <summary>Files offered on an item's page, found in the search through that item (<see cref="FilesOfItem"/>).</summary>
    public static IServiceCollection AddFilesOfItem(this IServiceCollection services, Func<Assets.Asset, bool> isMember) =>
        services.AddSingleton(new FilesOfItem(isMember));

    /// <summary>The type is edited in the module's own form at <paramref name="path"/> (<see cref="OwnEditor"/>).</summary>
    public static IServiceCollection AddOwnEditor(this IServiceCollection services, string type, string path) =>
        services.AddSingleton(new OwnEditor(type, path));

    /// <summary>Checks an upload to a file family the feature reads (<see cref="FileCheck"/>).</summary>
    public static IServiceCollection AddFileCheck(
        this IServiceCollection services, string slug, Func<Stream, CancellationToken, Task<string?>> problemAsync) =>
        services.AddSingleton(new FileCheck(slug, problemAsync));

    /// <summary>A text file next to a content file, stored in one of its fields (subtitles).</summary>
    public static IServiceCollection AddCompanionFile(this IServiceCollection services, CompanionFile companion) =>
        services.AddSingleton(companion);

    /// <summary>Lists the type on the translation status pages.</summary>
    public static IServiceCollection AddTranslatedType(this IServiceCollection services, string type, int order) =>
        services.AddSingleton(new TranslatedType(type, order));

    /// <summary>Editors may start new items of the type in the back office (<see cref="CreatableType"/>).</summary>
    public static IServiceCollection AddCreatableType(this IServiceCollection services, string type, string folder, string example) =>
        services.AddSingleton(new CreatableType(type, folder, example));

    /// <summary>Lets people in one more role edit some items of the type (<see cref="IItemEditor"/>).</summary>
    public static IServiceCollection AddItemEditor<TEditor>(this IServiceCollection services) where TEditor : class, IItemEditor =>
        services.AddSingleton<IItemEditor, TEditor>();

    /// <summary>A field of the type editors set in the common editor (<see cref="TypeField"/>).</summary>
    public static IServiceCollection AddTypeField(this IServiceCollection services, TypeField field) => services.AddSingleton(field);

    /// <summary>A rule for the addresses of new items of one type (<see cref="IAddressRule"/>).</summary>
    public static IServiceCollection AddAddressRule<TRule>(this IServiceCollection services) where TRule : class, IAddressRule =>
        services.AddSingleton<IAddressRule, TRule>();

    /// <summary>A field of the type translated with its text, part by part (<see cref="TranslatedField"/>).</summary>
    public static IServiceCollection AddTranslatedField(this IServiceCollection services, TranslatedField field) =>
        services.AddSingleton(field);

    /// <summary>An entry of the main menu.</summary>
    public static IServiceCollection AddMenuItem(this IServiceCollection services, string labelKey, string path, int order, string? culture = null) =>
        services.AddSingleton(new MainMenuItem(labelKey, path, order, culture));

    /// <summary>The overview that lists items of these types, for the link back from an item's page.</summary>
    public static IServiceCollection AddContentListing(
        this IServiceCollection services, string labelKey, Func<string, string> url, params string[] types)
    {
        services.TryAddSingleton<ContentListings>();
        foreach (var type in types) services.AddSingleton(new ContentListing(type, labelKey, url));
        return services;
    }

    /// <summary>Pages for /sitemap.xml.</summary>
    public static IServiceCollection AddSitemapSource(this IServiceCollection services, ISitemapSource source) =>
        services.AddSingleton(source);

    public static IServiceCollection AddSitemapSource<TSource>(this IServiceCollection services) where TSource : class, ISitemapSource =>
        services.AddSingleton<ISitemapSource, TSource>();

    /// <summary>A page at /{culture}/{path}, in the given languages or in every language.</summary>
    public static IServiceCollection AddSitemapPath(this IServiceCollection services, string path, params string[] cultures) =>
        services.AddSingleton<ISitemapSource>(new SitemapPath(path, cultures));

    /// <summary>A page outside the language prefixes (/talen).</summary>
    public static IServiceCollection AddSitemapUrl(this IServiceCollection services, string path) =>
        services.AddSingleton<ISitemapSource>(new SitemapUrl(path));

    /// <summary>A check the import runs over the content folder (files that are not items or manifests).</summary>
    public static IServiceCollection AddContentFolderCheck<TCheck>(this IServiceCollection services) where TCheck : class, IContentFolderCheck =>
        services.AddSingleton<IContentFolderCheck, TCheck>();

    /// <summary>A command of the portal's executable.</summary>
    public static IServiceCollection AddCommand<TCommand>(this IServiceCollection services) where TCommand : class, IPortalCommand =>
        services.AddSingleton<IPortalCommand, TCommand>();
}
