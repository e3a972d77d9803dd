namespace JasKnowledge.Core.Translations;

/// <summary>A key term of the method in one language: the agreed form, other forms the material in that
/// language also uses (inflections, a shorter form), a one-sentence explanation in plain language, and a
/// note for translators where the material is not yet consistent.</summary>
public sealed record GlossaryEntry(string Form, IReadOnlyList<string> Variants, string Explanation, string? Note)
{
    public IEnumerable<string> AllForms => Variants.Prepend(Form);
}

/// <summary>One term of the translators' glossary: the Dutch term, its place in the list, whether the
/// Dutch term is kept in brackets after its translation (the first time on a page or in a film), and its
/// entry per language.</summary>
public sealed record GlossaryTerm(string Key, string Term, int Order, bool DutchInBrackets, IReadOnlyDictionary<string, GlossaryEntry> Languages)
{
    public GlossaryEntry? In(string culture) => Languages.GetValueOrDefault(culture);

    /// <summary>How a translation writes the term: the agreed form, with the Dutch term in brackets where agreed.</summary>
    public string Written(string culture, string dutch)
    {
        if (In(culture) is not { } entry) return Term;
        return DutchInBrackets && culture != dutch && !string.Equals(entry.Form, Term, StringComparison.OrdinalIgnoreCase)
            ? $"{entry.Form} ({Term})" : entry.Form;
    }
}
