using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using JasKnowledge.Core.Recipe;

namespace JasKnowledge.Core.Translations;

/// <summary>
/// The translators' glossary: the key terms of the method with their agreed form in every language.
/// Read from the shipped content folder (it travels with the build like the interface strings), so every
/// node has the same one. Finds the terms a text uses (for XLIFF notes and the translator's editor) and
/// the other languages' forms of a term a visitor searched for.
/// </summary>
public sealed partial class Glossary
{
    public static readonly Glossary Empty = new([], []);

    public Glossary(IReadOnlyList<GlossaryTerm> terms, IReadOnlyList<RecipeProblem> problems)
    {
        Terms = terms.OrderBy(t => t.Order).ThenBy(t => t.Term, StringComparer.Ordinal).ToList();
        Problems = problems;
        // Normalised once: every search looks for every form of every term in its query.
        _normalForms = Terms.Select(t => t.Languages.Values.SelectMany(e => e.AllForms).Select(Normalize).Distinct().ToArray()).ToList();
    }

    /// <summary>Per term (in the order of <see cref="Terms"/>), its forms in all languages, normalised.</summary>
    private readonly List<string[]> _normalForms;

    public IReadOnlyList<GlossaryTerm> Terms { get; }

    /// <summary>Files that could not be read, with file and line; their terms are left out.</summary>
    public IReadOnlyList<RecipeProblem> Problems { get; }

    /// <summary>Every <c>woordenlijst/*.yml</c> of the content folder; a broken file is reported, not fatal.</summary>
    public static Glossary Load(string contentFolder, IReadOnlyList<string> cultures)
    {
        var folder = Path.Combine(contentFolder, GlossaryFile.Folder);
        if (!Directory.Exists(folder)) return Empty;
        var terms = new List<GlossaryTerm>();
        var problems = new List<RecipeProblem>();
        foreach (var file in Directory.EnumerateFiles(folder, "*" + GlossaryFile.Extension).Order(StringComparer.Ordinal))
        {
            var shown = $"{GlossaryFile.Folder}/{Path.GetFileName(file)}";
            try
            {
                var term = GlossaryFile.Parse(shown, File.ReadAllText(file), cultures);
                if (terms.FirstOrDefault(t => string.Equals(t.Term, term.Term, StringComparison.OrdinalIgnoreCase)) is { } twin)
                    problems.Add(new RecipeProblem(shown, 1,
                        $"The term '{term.Term}' is already in {GlossaryFile.Folder}/{twin.Key}{GlossaryFile.Extension}."));
                else terms.Add(term);
            }
            catch (RecipeFormatException e)
            {
                problems.Add(e.Problem);
            }
        }
        return new Glossary(terms, problems);
    }

    /// <summary>The terms whose forms in <paramref name="culture"/> occur in the text, in glossary order.</summary>
    public IReadOnlyList<GlossaryTerm> TermsIn(string text, string culture)
    {
        var normal = Normalize(text);
        return Terms.Where(t => t.In(culture) is { } entry && entry.AllForms.Any(f => Find(normal, Normalize(f)) >= 0)).ToList();
    }

    /// <summary>
    /// Search texts to run beside a visitor's query: for each glossary term written in the query in any
    /// language, the query with that term in Dutch and in <paramref name="visitorCulture"/> (as a phrase),
    /// so <c>health insurance</c> also finds <c>zorgverzekering</c> and, for an Arabic visitor, <c>تأمين صحي</c>.
    /// </summary>
    public IReadOnlyList<string> Synonyms(string query, string dutch, string visitorCulture)
    {
        var normal = Normalize(query);
        var result = new List<string>();
        for (var i = 0; i < Terms.Count; i++)
        {
            var term = Terms[i];
            // The longest form found, so "التأمين الصحي" is replaced whole, not a shorter form inside it (the first
            // of equally long ones). A loop, not a query: every search asks this of every term.
            (string? Form, int At) found = (null, -1);
            foreach (var form in _normalForms[i])
            {
                if (form.Length <= (found.Form?.Length ?? -1)) continue;
                var at = Find(normal, form);
                if (at >= 0) found = (form, at);
            }
            if (found.Form is null) continue;
            var (start, end) = (found.At, found.At + found.Form.Length);
            // A typed word may go on past the form (stages, куратором) or carry little words written onto it (the
            // Arabic article in العمل, و "and"): replace the whole word. Keeping "ال" made the Dutch synonym of
            // العمل the two words "ال werk", which no Dutch text holds.
            while (end < normal.Length && IsWordChar(normal[end])) end++;
            while (start > 0 && IsWordChar(normal[start - 1])) start--;
            // Only little words may be written onto the form: عمل inside استعمل ("he used") is another word.
            if (!WrittenOnto().IsMatch(normal[start..found.At])) continue;
            foreach (var culture in new[] { dutch, visitorCulture }.Distinct())
            {
                if (term.In(culture) is not { } entry) continue;
                if (Normalize(entry.Form) == found.Form) continue;
                // The form as written (an analyzer must see й, not и), as a phrase; the rest of the query as typed, folded.
                var replaced = $"{normal[..start]}\"{Unquoted(entry.Form)}\"{normal[end..]}".Trim();
                if (!result.Contains(replaced)) result.Add(replaced);
            }
        }
        return result;
    }

    /// <summary>The <see cref="Synonyms"/> of a visitor's query, parsed, as the search runs them beside it.</summary>
    public IReadOnlyList<Search.SearchQuery> SynonymQueries(Search.SearchQuery query, string dutch, string visitorCulture) =>
        Synonyms(query.Text, dutch, visitorCulture).Select(Search.SearchQuery.Parse).Where(q => q.HasTerms).ToList();

    /// <summary>Where a form occurs in a text: for Latin and Cyrillic at the start of a word (endings may
    /// follow: stages, куратора); for scripts that write little words onto the next (Arabic و, ل, ب;
    /// Tigrinya ን, ብ) anywhere in a word.</summary>
    private static int Find(string text, string form)
    {
        if (form.Length == 0) return -1;
        var atWordStart = char.IsAscii(form[0]) || form[0] is >= '\u0400' and <= '\u04FF';
        for (var at = text.IndexOf(form, StringComparison.Ordinal); at >= 0; at = text.IndexOf(form, at + 1, StringComparison.Ordinal))
        {
            if (!atWordStart || at == 0 || !IsWordChar(text[at - 1])) return at;
        }
        return -1;
    }

    /// <summary>What may be written onto a word and still leave it the word: nothing; in Arabic "and"/"so", then
    /// "with"/"for"/"like", then the article (و, ف, ب, ل, ك, ال, لل); in Tigrinya "to", "by", "from", "towards",
    /// "together with", "like", "at" (ን, ብ, ካብ, ናብ, ምስ, ከም, ኣብ).</summary>
    [GeneratedRegex("^(?:[وف]?[بلك]?(?:ال)?|[وف]?لل|ን|ብ|ካብ|ናብ|ምስ|ከም|ኣብ)$")]
    private static partial Regex WrittenOnto();

    private static string Unquoted(string form) => new(form.Where(c => c is not ('«' or '»' or '"' or '“' or '”' or '„')).ToArray());

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark;

    /// <summary>Lower case, without diacritics (Arabic vowel signs, the Persian ezafe, Dutch accents), quotes
    /// and guillemets, with a zero-width non-joiner read as a space and runs of white space as one.</summary>
    public static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark
                || c is '«' or '»' or '"' or '“' or '”' or '„' or '\u00AD')
                continue;
            if (char.IsWhiteSpace(c) || c == '\u200C')
            {
                space = builder.Length > 0;
                continue;
            }
            if (space) builder.Append(' ');
            space = false;
            builder.Append(char.ToLowerInvariant(c));
        }
        return builder.ToString().Normalize(NormalizationForm.FormC);
    }
}
