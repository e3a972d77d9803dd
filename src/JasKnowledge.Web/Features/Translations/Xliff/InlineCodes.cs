using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace JasKnowledge.Web.Features.Translations;

/// <summary>
/// Inline Markdown (emphasis, links, code) as XLIFF 1.2 inline codes: the Markdown markers travel inside
/// &lt;bpt&gt;/&lt;ept&gt;/&lt;ph&gt; elements that translation tools protect, so a translator moves them
/// but cannot break them. Reading a target back joins text and codes into Markdown again. The numbered
/// placeholders of interface strings ({0}) are protected the same way.
/// </summary>
public static partial class InlineCodes
{
    public static readonly XNamespace Xliff = "urn:oasis:names:tc:xliff:document:1.2";

    /// <summary>The unit's Markdown as XLIFF content (text and inline code elements), the codes numbered in
    /// order. A target passes its <paramref name="source"/>: a translation may put the codes in another order
    /// (a sentence's placeholders, two links), and each code keeps the id of the same code in the source.</summary>
    public static IReadOnlyList<XNode> ToXliff(string markdown, string? source = null)
    {
        var ids = new Dictionary<string, Queue<string>>(StringComparer.Ordinal);
        var count = 0;
        if (source is not null)
            Walk(source, _ => { }, key =>
            {
                var id = Number(++count);
                (ids.TryGetValue(key, out var queue) ? queue : ids[key] = new Queue<string>()).Enqueue(id);
                return id;
            });
        var nodes = new List<XNode>();
        var next = 0;
        Walk(markdown, nodes.Add, key => source is null ? Number(++next)
            : ids.TryGetValue(key, out var queue) && queue.Count > 0 ? queue.Dequeue() : Number(++count));
        return nodes;
    }

    /// <summary>Splits Markdown into text and inline code nodes; <paramref name="idFor"/> numbers each code,
    /// given what it is (kind and markers).</summary>
    private static void Walk(string text, Action<XNode> add, Func<string, string> idFor)
    {
        var at = 0;
        foreach (Match m in Inline().Matches(text))
        {
            if (m.Index > at) add(new XText(text[at..m.Index]));
            if (m.Groups["code"].Success || m.Groups["placeholder"].Success)
            {
                var ctype = m.Groups["code"].Success ? "x-code" : "x-placeholder";
                add(new XElement(Xliff + "ph", new XAttribute("id", idFor($"{ctype} {m.Value}")), new XAttribute("ctype", ctype), m.Value));
            }
            else
            {
                var (open, inner, close, ctype) =
                    m.Groups["link"].Success ? ("[", m.Groups["link"].Value, $"]({m.Groups["url"].Value})", "link")
                    : m.Groups["bold"].Success ? ("**", m.Groups["bold"].Value, "**", "bold")
                    : m.Groups["em"].Success ? ("*", m.Groups["em"].Value, "*", "italic")
                    : ("_", m.Groups["em2"].Value, "_", "italic");
                // A link to the same page in another language is the same code: a translation links to its own language.
                var id = idFor($"{ctype} {open}{(ctype == "link" ? PageLanguage().Replace(close, "](/*") : close)}");
                add(new XElement(Xliff + "bpt", new XAttribute("id", id), new XAttribute("ctype", ctype), open));
                Walk(inner, add, idFor);
                add(new XElement(Xliff + "ept", new XAttribute("id", id), close));
            }
            at = m.Index + m.Length;
        }
        if (at < text.Length) add(new XText(text[at..]));
    }

    private static string Number(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The Markdown markers of a text's inline codes, sorted: a target that a tool wrote back as
    /// plain Markdown (translate-toolkit does) keeps its codes when it has the same markers as its source.</summary>
    public static IReadOnlyList<string> Markers(string markdown) =>
        ToXliff(markdown).OfType<XElement>().Select(e => e.Value).Order(StringComparer.Ordinal).ToList();

    /// <summary>The Markdown of a &lt;source&gt; or &lt;target&gt;, and its inline codes as "kind id: native"
    /// (to check that a target kept every code of its source, unchanged).</summary>
    public static (string Markdown, IReadOnlyList<string> Codes) FromXliff(XElement content)
    {
        var text = new System.Text.StringBuilder();
        var codes = new List<string>();
        Read(content);
        codes.Sort(StringComparer.Ordinal);
        return (text.ToString(), codes);

        void Read(XElement element)
        {
            foreach (var node in element.Nodes())
            {
                switch (node)
                {
                    case XText t: text.Append(t.Value); break;
                    case XElement { Name.LocalName: "bpt" or "ept" or "ph" or "it" } code:
                        codes.Add($"{code.Name.LocalName} {(string?)code.Attribute("id")}: {code.Value}");
                        text.Append(code.Value);
                        break;
                    // Some tools wrap text in <mrk> or <g>; their text counts, the wrapper does not.
                    case XElement other: Read(other); break;
                }
            }
        }
    }

    /// <summary>The language at the start of a link's address on this site: "nl" in "](/nl/open-data)".</summary>
    [GeneratedRegex(@"\]\(/(?<language>[A-Za-z]{2,3}(?:-[A-Za-z]{2})?)(?=[/)?#])")]
    internal static partial Regex PageLanguage();

    [GeneratedRegex(@"(?<code>`[^`\n]+`)|(?<placeholder>\{\d+\})|\[(?<link>[^\]\n]+)\]\((?<url>[^)\s]+)\)|\*\*(?<bold>[^*\n]+?)\*\*"
        + @"|(?<![\w*])\*(?<em>[^*\n]+?)\*(?![\w*])|(?<![\w_])_(?<em2>[^_\n]+?)_(?![\w_])")]
    private static partial Regex Inline();
}
