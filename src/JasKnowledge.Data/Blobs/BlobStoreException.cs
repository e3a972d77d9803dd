using System.Net;

namespace JasKnowledge.Data.Blobs;

/// <summary>The blob service refused a request. Carries the HTTP status and the service's error code
/// (x-ms-error-code), but never the request URI, which may hold a SAS signature.</summary>
public sealed class BlobStoreException(HttpStatusCode statusCode, string? errorCode, string message) : Exception(message)
{
    public HttpStatusCode StatusCode { get; } = statusCode;
    public string? ErrorCode { get; } = errorCode;
}
