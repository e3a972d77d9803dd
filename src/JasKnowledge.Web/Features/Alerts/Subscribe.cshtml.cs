using JasKnowledge.Core.Modules;
using JasKnowledge.Theme;
using JasKnowledge.Web.Hosting.Caching;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace JasKnowledge.Web.Features.Alerts;

/// <summary>/{culture}/meldingen: where the form on a page posts to (and, with ?onderwerp=, the form
/// on its own). The answer never says whether the address already follows anything.</summary>
[IgnoreAntiforgeryToken, NotCached]
public sealed class SubscribeModel(AlertSubscriptions subscriptions, ClientSubscribeLimit clientLimit, IStringLocalizer<Ui> text) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "onderwerp")] public string? Topic { get; set; }
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Frequency { get; set; }
    public FollowForm? Form { get; private set; }
    public string? TopicTitle { get; private set; }
    public string? Problem { get; private set; }
    public bool Sent { get; private set; }
    public const string ProblemId = "follow-problem";

    public async Task<IActionResult> OnGetAsync(string culture, CancellationToken cancellationToken)
    {
        await ShowFormAsync(culture, cancellationToken);
        if (Form is null) Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string culture, [FromForm(Name = "Topic")] string? topic, CancellationToken cancellationToken)
    {
        Topic = topic;
        // Many requests from one client (a script; or a whole class on one Wi-Fi, which the limit is set wide enough for):
        // the form comes back as sent, saying when to try again.
        var wait = clientLimit.WaitFor(HttpContext);
        var outcome = wait is null
            ? await subscriptions.SubscribeAsync(Email, Topic, culture, Frequency == "wekelijks", cancellationToken)
            : SubscribeOutcome.TooManyRequests;
        if (outcome == SubscribeOutcome.CheckYourMail)
        {
            Sent = true;
            return Page();
        }
        Problem = outcome switch
        {
            SubscribeOutcome.BadAddress => text["AlertsBadAddress"],
            SubscribeOutcome.UnknownTopic => text["AlertsUnknownTopic"],
            SubscribeOutcome.TooManyPending => text["AlertsTooManyPending"],
            _ => text["AlertsTooMany"],
        };
        // RFC 6585 §4: when trying again makes sense (the address's own limit counts mails of the last hour).
        if (outcome == SubscribeOutcome.TooManyRequests)
            Response.Headers.RetryAfter = ((int)Math.Ceiling((wait ?? TimeSpan.FromHours(1)).TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        Response.StatusCode = outcome switch
        {
            SubscribeOutcome.TooManyRequests => StatusCodes.Status429TooManyRequests,
            SubscribeOutcome.UnknownTopic => StatusCodes.Status404NotFound,
            _ => StatusCodes.Status400BadRequest,
        };
        await ShowFormAsync(culture, cancellationToken);
        return Page();
    }

    private async Task ShowFormAsync(string culture, CancellationToken cancellationToken)
    {
        if (Topic is null || await subscriptions.TitleAsync(Topic, culture, cancellationToken) is not { } title) return;
        TopicTitle = title;
        // After a refusal the form comes back as the visitor sent it, pointing at the message: nothing to type again.
        Form = Problem is null ? new FollowForm(Topic, culture)
            : new FollowForm(Topic, culture, Email?.Trim(), Frequency == "wekelijks", ProblemId);
    }
}
