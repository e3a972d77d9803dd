using JasKnowledge.Data.Feedback;
using JasKnowledge.Theme;
using JasKnowledge.Web.Hosting.Caching;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace JasKnowledge.Web.Features.Feedback;

/// <summary>/{culture}/reactie: where a page's question posts its answer (then, after a redirect, the thanks and the room for
/// a remark: ?pagina=&amp;antwoord=), and where that remark is sent (?handler=opmerking). A refused remark comes back as it
/// was typed, with the reason beside it.</summary>
[IgnoreAntiforgeryToken, NotCached]
public sealed class ReactieModel(PageFeedbackLog log, FeedbackLimit limit, FeedbackPages pages, IStringLocalizer<Ui> text) : PageModel
{
    public const string ProblemId = "reactie-probleem";

    [BindProperty(SupportsGet = true, Name = "pagina")] public string? PagePath { get; set; }
    /// <summary>The seal the page's form carried (<see cref="FeedbackPages"/>), passed on to the thanks page and its form.</summary>
    [BindProperty(SupportsGet = true, Name = "zegel")] public string? Seal { get; set; }
    [BindProperty(SupportsGet = true, Name = "antwoord")] public string? Answer { get; set; }
    [BindProperty(SupportsGet = true, Name = "verstuurd")] public bool Sent { get; set; }
    [BindProperty(Name = "opmerking")] public string? Remark { get; set; }
    public string? Problem { get; private set; }

    public IActionResult OnGet(string culture)
    {
        if (!pages.Rendered(PagePath, Seal, culture)) return NotFound();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string culture, CancellationToken cancellationToken)
    {
        if (!pages.Rendered(PagePath, Seal, culture) || Answer is not ("ja" or "nee")) return Refused(StatusCodes.Status400BadRequest, "FeedbackWrongPage");
        if (limit.WaitFor(HttpContext) is { } wait) return TooMany(wait);
        if (!Staff) await log.AnswerAsync(PagePath!, culture, Answer == "ja", cancellationToken);
        // After the post, a page of its own: reloading it counts nothing twice.
        return SeeOther($"{ThanksUrl(culture)}&antwoord={Answer}");
    }

    public async Task<IActionResult> OnPostOpmerkingAsync(string culture, CancellationToken cancellationToken)
    {
        if (!pages.Rendered(PagePath, Seal, culture)) return Refused(StatusCodes.Status400BadRequest, "FeedbackWrongPage");
        // A browser sends a line break as CR LF, while the text box's maxlength counts it as one character.
        var remark = Remark?.ReplaceLineEndings("\n").Trim() ?? "";
        if (remark.Length == 0) return Refused(StatusCodes.Status400BadRequest, "FeedbackCommentEmpty");
        if (remark.Length > PageFeedbackLog.MaxCommentLength)
            return Refused(StatusCodes.Status400BadRequest, "FeedbackCommentTooLong", PageFeedbackLog.MaxCommentLength);
        if (limit.WaitFor(HttpContext) is { } wait) return TooMany(wait);
        if (!Staff) await log.CommentAsync(PagePath!, culture, remark, cancellationToken);
        return SeeOther($"{ThanksUrl(culture)}&verstuurd=true");
    }

    /// <summary>Whether a signed-in editor, translator or administrator asks: their answers and remarks are not kept, as
    /// their searches are not counted, so that /beheer/reacties shows what visitors think (review of 7 December).</summary>
    public bool Staff => User.Identity?.IsAuthenticated == true;

    /// <summary>Whether the page may link back: only to a path the rule accepts, never to what a client made up.</summary>
    public bool KnowsPage => _knowsPage ??= pages.Rendered(PagePath, Seal, PortalCulture.Get(HttpContext).Code);
    // Asked twice by the page: the seal is opened once.
    private bool? _knowsPage;

    private string ThanksUrl(string culture) =>
        $"{FeedbackFeature.Url(culture)}?pagina={Uri.EscapeDataString(PagePath!)}&zegel={Uri.EscapeDataString(Seal!)}";

    private PageResult Refused(int status, string key, params object[] arguments)
    {
        Problem = text[key, arguments];
        Response.StatusCode = status;
        return Page();
    }

    private PageResult TooMany(TimeSpan wait)
    {
        Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Refused(StatusCodes.Status429TooManyRequests, "FeedbackTooMany");
    }

    private StatusCodeResult SeeOther(string location)
    {
        Response.Headers.Location = location;
        return StatusCode(StatusCodes.Status303SeeOther);
    }
}
