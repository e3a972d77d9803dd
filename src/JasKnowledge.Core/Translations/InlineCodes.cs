using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace JasKnowledge.Core.Translations;

/// <summary>
/// Inline Markdown (emphasis, links, code) as XLIFF 1.2 inline codes: the Markdown markers travel inside
/// &lt;bpt&gt;/&lt;ept&gt;/&lt;ph&gt; elements that translation tools protect, so a translator moves them
/// but cannot break them. Reading a target back joins text and codes into Markdown again. The numbered
/// placeholders of interface strings ({0}) are protected the same way.
/// </summary>
public static partial class InlineCodes
{
    public static readonly XNamespace Xliff = "urn:oasis:names:tc:xliff:document:1.2";

    /// <summary>The unit's Markdown as XLIFF content (text and inline code elements).</summary>
    public static IReadOnlyList<XNode> ToXliff(string markdown)
    {
        var nodes = new List<XNode>();
        var id = 0;
        Add(markdown);
        return nodes;

        void Add(string text)
        {
            var at = 0;
            foreach (Match m in Inline().Matches(text))
            {
                if (m.Index > at) nodes.Add(new XText(text[at..m.Index]));
                var n = (++id).ToString(System.Globalization.CultureInfo.InvariantCulture);
                if (m.Groups["code"].Success || m.Groups["placeholder"].Success)
                    nodes.Add(new XElement(Xliff + "ph", new XAttribute("id", n),
                        new XAttribute("ctype", m.Groups["code"].Success ? "x-code" : "x-placeholder"), m.Value));
                else
                {
                    var (open, inner, close, ctype) =
                        m.Groups["link"].Success ? ("[", m.Groups["link"].Value, $"]({m.Groups["url"].Value})", "link")
                        : m.Groups["bold"].Success ? ("**", m.Groups["bold"].Value, "**", "bold")
                        : m.Groups["em"].Success ? ("*", m.Groups["em"].Value, "*", "italic")
                        : ("_", m.Groups["em2"].Value, "_", "italic");
                    nodes.Add(new XElement(Xliff + "bpt", new XAttribute("id", n), new XAttribute("ctype", ctype), open));
                    Add(inner);
                    nodes.Add(new XElement(Xliff + "ept", new XAttribute("id", n), close));
                }
                at = m.Index + m.Length;
            }
            if (at < text.Length) nodes.Add(new XText(text[at..]));
        }
    }

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

    [GeneratedRegex(@"(?<code>`[^`\n]+`)|(?<placeholder>\{\d+\})|\[(?<link>[^\]\n]+)\]\((?<url>[^)\s]+)\)|\*\*(?<bold>[^*\n]+?)\*\*"
        + @"|(?<![\w*])\*(?<em>[^*\n]+?)\*(?![\w*])|(?<![\w_])_(?<em2>[^_\n]+?)_(?![\w_])")]
    private static partial Regex Inline();
}
