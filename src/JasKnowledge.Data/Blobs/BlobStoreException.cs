using System.Net;
using System.Net.Sockets;
using Azure;

namespace JasKnowledge.Data.Blobs;

/// <summary>The blob service refused a request or did not answer. Carries the HTTP status (null when
/// nothing answered) and the service's error code, but never the request address, which may hold a
/// SAS signature, nor the SDK's exception, whose text quotes the service's answer.</summary>
public sealed class BlobStoreException(HttpStatusCode? statusCode, string? errorCode, string message) : Exception(message)
{
    public HttpStatusCode? StatusCode { get; } = statusCode;
    public string? ErrorCode { get; } = errorCode;

    /// <summary>The SDK's failure as a BlobStoreException; null for anything else (cancellation included).</summary>
    internal static BlobStoreException? Translate(Exception e, string action)
    {
        if (e is OperationCanceledException or BlobStoreException) return null;
        // After its retries the SDK wraps the attempts' failures together: the last says the most.
        if (e is AggregateException aggregate && aggregate.InnerExceptions.LastOrDefault() is { } last) e = last;
        if (e is RequestFailedException { Status: > 0 } refused)
        {
            return new BlobStoreException((HttpStatusCode)refused.Status, refused.ErrorCode,
                $"The blob service refused to {action}: {refused.Status} {refused.ErrorCode}".TrimEnd() + ".");
        }
        if (e is RequestFailedException or HttpRequestException or SocketException or TimeoutException)
        {
            // Socket messages name the host and port only, never the query with a signature.
            var cause = e;
            while (cause.InnerException is { } inner) cause = inner;
            return new BlobStoreException(null, null, $"The blob service did not answer when asked to {action}: {cause.Message}");
        }
        return null;
    }
}
