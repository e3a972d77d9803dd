namespace JasKnowledge.Core.Search;

/// <summary>
/// The terms a document is indexed under, per field: the stems of its title and of its text in order
/// (for phrases), and the reversed stems of its longer Latin-script words (for compound parts).
/// Both databases store exactly these.
/// </summary>
public sealed record IndexTerms(
    IReadOnlyList<string> Title, IReadOnlyList<string> Body, IReadOnlyList<string> TitleTails, IReadOnlyList<string> BodyTails)
{
    public static IndexTerms Of(SearchDocument document)
    {
        var title = Stems(document.Title, document.Culture);
        var body = Stems(document.Text, document.Culture);
        return new IndexTerms(title, body, Tails(title), Tails(body));
    }

    private static List<string> Stems(string text, string culture) =>
        TextAnalyzer.Words(text).Select(w => TextAnalyzer.Stem(w, culture)).ToList();

    private static List<string> Tails(IEnumerable<string> stems) =>
        stems.Where(TextAnalyzer.CanBeCompound).Distinct(StringComparer.Ordinal).Select(TextAnalyzer.Reverse).ToList();
}
