using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace JasKnowledge.Web.Hosting.Errors;

[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public int Code { get; private set; }
    public bool IsNotFound => Code == StatusCodes.Status404NotFound;
    /// <summary>A 4xx other than 404: the request could not be handled, which is not "an error on our side".</summary>
    public bool IsRequestError => Code is >= 400 and < 500 && !IsNotFound;
    /// <summary>The failed address is in the back office (Dutch only, for accounts): its page says so and leads back there.</summary>
    public bool InBackOffice { get; private set; }
    /// <summary>On a public 404: the words of the missing address, put in a search box of the page's language, so that a
    /// mistyped or old link is one tap from what it meant ("/ar/informatie/je-mentr" → "mentr", which finds مرشدك).</summary>
    public string? SearchWords { get; private set; }

    // The status comes from the failure itself, never from what the client sent: a form field or query
    // value named "code" must not choose it (a POST that failed would otherwise answer 599).
    public IActionResult OnGet() => Render();
    public IActionResult OnPost() => Render();

    /// <summary>A failed PUT, DELETE or TRACE is re-executed with its own method: answer it too.</summary>
    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        if (context.HandlerMethod is null) context.Result = Render();
    }

    private IActionResult Render()
    {
        var reExecuted = HttpContext.Features.Get<IStatusCodeReExecuteFeature>();
        var exception = HttpContext.Features.Get<IExceptionHandlerPathFeature>();
        // Reached directly (not re-executed): nothing failed, so there is no error page to show.
        if (reExecuted is null && exception is null) return NotFound();
        // The exception handler re-executes /error/500 for every exception; a bad request keeps its 400.
        Code = exception?.Error is BadHttpRequestException bad ? bad.StatusCode
            : reExecuted?.OriginalStatusCode is >= 400 and <= 599 and var original ? original
            : StatusCodes.Status500InternalServerError;
        Response.StatusCode = Code;
        var path = exception?.Path ?? reExecuted?.OriginalPath;
        InBackOffice = path is not null && path.StartsWith('/') && Features.Beheer.BeheerFeature.IsBackOffice(new PathString(path));
        if (IsNotFound && !InBackOffice && path is not null) SearchWords = WordsOf(path);
        return path?.StartsWith("/api/", StringComparison.OrdinalIgnoreCase) == true ? Problem() : Page();
    }

    /// <summary>The last segment of a path as words: letters and digits of any script, at most five words of 40 characters,
    /// without a slug's small Latin words. The segments before it are a language and a section, which say nothing about
    /// what was sought.</summary>
    public static string WordsOf(string path)
    {
        // A slash written as %2F still ends a segment; any other escape left in the path (%FF) is no part of a word.
        path = System.Text.RegularExpressions.Regex.Replace(path, "%2[Ff]", "/");
        path = System.Text.RegularExpressions.Regex.Replace(path, "%[0-9A-Fa-f]{2}", " ");
        var last = path.TrimEnd('/').Split('/').LastOrDefault() ?? "";
        var words = new List<string>();
        var word = new System.Text.StringBuilder();
        foreach (var c in last.Append(' '))
        {
            if (char.IsLetterOrDigit(c) || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark
                or System.Globalization.UnicodeCategory.SpacingCombiningMark)
            {
                if (word.Length < 40) word.Append(c);
                continue;
            }
            if (word.Length > 0 && words.Count < 5) words.Add(word.ToString());
            word.Clear();
        }
        // A slug's small Dutch words (je, de, het, en): the search wants every word, and in a translation they are not there.
        var telling = words.Where(w => w.Length >= 4 || !w.All(char.IsAsciiLetter)).ToList();
        return string.Join(' ', telling.Count > 0 ? telling : words);
    }

    /// <summary>The API's clients read JSON: its failures are RFC 9457 problem details, as its own refusals are,
    /// never the HTML page (a search that failed answered its JSON client with the error page).</summary>
    private ContentResult Problem() => new()
    {
        StatusCode = Code,
        ContentType = "application/problem+json",
        Content = System.Text.Json.JsonSerializer.Serialize(new
        {
            type = $"https://www.rfc-editor.org/rfc/rfc9110#status.{Code}",
            title = Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(Code),
            status = Code,
            detail = IsNotFound ? "No such address in the API: see /openapi/v1.json."
                : IsRequestError ? "The request could not be handled as sent."
                : "The request failed on the server's side; it has been logged.",
        }),
    };
}
