namespace JasKnowledge.Web.Hosting.Http;

/// <summary>The client hint a browser sends when its user asked it to use less data (Chromium's data
/// saver, Android's "lite" mode): <c>Save-Data: on</c>.</summary>
public static class SaveDataRequest
{
    public const string Header = "Save-Data";

    public static bool IsOn(HttpRequest request) =>
        request.Headers[Header].Any(v => v is not null && v.Split(';')[0].Trim().Equals("on", StringComparison.OrdinalIgnoreCase));
}
