namespace JasKnowledge.Web.Hosting.Http;

/// <summary>
/// HEAD answers like GET without the body, for every endpoint (RFC 9110 §9.3.2): minimal APIs map GET
/// only, so before routing a HEAD becomes a GET whose body goes nowhere; the status and headers are
/// those of the GET. An endpoint that can skip the work of the body (a file from the blob store) asks
/// <see cref="IsHead"/>.
/// </summary>
public static class HeadRequests
{
    private static readonly object Key = new();

    /// <summary>True for a HEAD request, also after it was turned into a GET for routing.</summary>
    public static bool IsHead(HttpContext context) => HttpMethods.IsHead(context.Request.Method) || context.Items.ContainsKey(Key);

    public static IApplicationBuilder UseHeadAsGet(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await next();
            return;
        }
        context.Items[Key] = true;
        context.Request.Method = HttpMethods.Get;
        var body = context.Response.Body;
        context.Response.Body = Stream.Null;
        try
        {
            await next();
        }
        finally
        {
            context.Response.Body = body;
            context.Request.Method = HttpMethods.Head;
        }
    });
}
