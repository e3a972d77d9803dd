namespace JasKnowledge.Web.Hosting.Startup;

/// <summary>The content folder the portal imports on a first start and reads the glossary from: <c>Jas:ContentDirectory</c>,
/// or the <c>content/</c> folder shipped next to the program.</summary>
public static class ContentFolder
{
    public static string Of(IConfiguration configuration) =>
        configuration["Jas:ContentDirectory"] ?? Path.Combine(AppContext.BaseDirectory, "content");
}
