namespace JasKnowledge.Web.Hosting.Caching;

/// <summary>Marks a page that must be rendered for every request (it shows state that is not
/// published content).</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class NotCachedAttribute : Attribute;
