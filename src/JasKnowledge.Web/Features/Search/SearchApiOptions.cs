namespace JasKnowledge.Web.Features.Search;

/// <summary>Settings of GET /api/v1/search (section Jas:Search).</summary>
public sealed class SearchApiOptions
{
    public const string Section = "Jas:Search";

    /// <summary>Jas:Search:ServerTiming: answer with how long the search index took (a Server-Timing header), for an
    /// operator finding where time goes and for bench/search.sh. Off by default: the time shows to anyone whether an answer
    /// was remembered, and so whether others had asked the same question before.</summary>
    public bool ServerTiming { get; set; }
}
