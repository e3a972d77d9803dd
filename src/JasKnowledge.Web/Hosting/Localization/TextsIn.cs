using System.Globalization;
using JasKnowledge.Core.Localization;

namespace JasKnowledge.Web.Hosting.Localization;

/// <summary>Interface texts and formatting in a language other than the request's, for work that has no request in that
/// language (an alert mail in the subscriber's, a sheet's PDF note in the sheet's): the thread's culture for the scope's
/// life, then back as it was.</summary>
public sealed class TextsIn : IDisposable
{
    private readonly (CultureInfo Culture, CultureInfo Ui) _before = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);

    public TextsIn(CultureCatalog cultures, string culture) =>
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = cultures.FormattingCulture(culture);

    public void Dispose() => (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = _before;
}
