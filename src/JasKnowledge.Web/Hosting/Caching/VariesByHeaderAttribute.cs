namespace JasKnowledge.Web.Hosting.Caching;

/// <summary>Marks a page whose HTML depends on a request header besides the path: the output cache keeps one answer per
/// value of that header, and the answer says so (<c>Vary</c>) to the browser and to any cache on the way. Every other page
/// is kept once per path, whatever such a header says (attack of 7 December: one page cached twice for <c>Save-Data</c>).</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
public sealed class VariesByHeaderAttribute(string header) : Attribute
{
    public string Header { get; } = header;
}
