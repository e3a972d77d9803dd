using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Html;
using JasKnowledge.Core.Localization;
using Microsoft.Extensions.Localization;

namespace JasKnowledge.Theme;

/// <summary>A name in its own language inside a translated sentence: an English file title in an Arabic button. With the
/// <paramref name="Script"/> of a language not written in Latin letters, the Dutch words in it are marked as Dutch too
/// (<see cref="JasKnowledge.Core.Markdown.LatinRuns"/>), as they are in the title above the button.</summary>
public sealed record Isolated(string Text, string Language, string? Direction, string? Script = null)
{
    /// <summary>A language named in a sentence: in the reader's own words where the interface has them ("الهولندية"),
    /// else by its own name marked as that language ("Nederlands").</summary>
    public static object NameOf(CultureDefinition language, IStringLocalizer localizer) =>
        localizer["LanguageName." + language.Code] is { ResourceNotFound: false } named
            ? named.Value
            : new Isolated(language.NativeName, language.Code, language.Direction);
}

/// <summary>
/// An interface sentence whose arguments may be in another language or direction. Each <see cref="Isolated"/>
/// argument is wrapped in &lt;bdi lang dir&gt;, so the sentence keeps its own order and punctuation around it
/// (without it, "(PDF، 45٫1 kB)" after an English title breaks apart on an Arabic page) and a screen reader
/// reads the name with its own voice. Everything is HTML-encoded.
/// </summary>
public static class IsolatedText
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static IHtmlContent Format(IStringLocalizer localizer, string key, params object?[] arguments)
    {
        var template = localizer[key].Value;
        var pieces = arguments.Select(argument => argument switch
        {
            Isolated name => (object)$"<bdi lang=\"{Encoder.Encode(name.Language)}\"" +
                (name.Direction is { } direction ? $" dir=\"{Encoder.Encode(direction)}\"" : "") + ">"
                + (name.Script is { } script ? JasKnowledge.Core.Markdown.LatinRuns.ToHtml(name.Text, script) : Encoder.Encode(name.Text)) + "</bdi>",
            null => "",
            _ => Encoder.Encode(Convert.ToString(argument, CultureInfo.CurrentCulture) ?? ""),
        }).ToArray();
        return new HtmlString(string.Format(CultureInfo.CurrentCulture, Encoder.Encode(template), pieces));
    }
}
