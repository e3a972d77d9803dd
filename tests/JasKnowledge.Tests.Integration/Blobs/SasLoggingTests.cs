using System.Collections.Concurrent;
using System.Diagnostics.Tracing;
using System.Net;
using Azure.Core.Diagnostics;
using JasKnowledge.Tests.Integration.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace JasKnowledge.Tests.Integration.Blobs;

/// <summary>A SAS is a password in a URI: whatever fails, the portal's logs never carry it.</summary>
[Collection(BlobStoreCollection.Name)]
public sealed class SasLoggingTests
{
    [Fact]
    public async Task A_refused_sas_reaches_no_log_line()
    {
        var container = "test-" + Guid.NewGuid().ToString("N")[..12];
        // A signature the service refuses, so every blob call of the start-up import and the readiness check fails.
        var sas = Azurite.ContainerSas(container, "racwdl").Replace("sig=", "sig=x", StringComparison.Ordinal);
        var signature = Uri.UnescapeDataString(sas[(sas.IndexOf("sig=", StringComparison.Ordinal) + 4)..]);
        var logs = new CapturedLogs();
        var sdkEvents = new ConcurrentQueue<string>();
        using var sdkListener = new AzureEventSourceListener((e, message) => sdkEvents.Enqueue(message), EventLevel.Verbose);
        await using var database = await TestDatabase.CreateAsync(DatabaseKind.Sqlite);
        await using var portal = new PortalFactory(database);
        await using var sasPortal = portal.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Jas:Blobs:Provider", "Azure");
            builder.UseSetting("Jas:Blobs:ServiceUri", Azurite.ServiceUri.AbsoluteUri);
            builder.UseSetting("Jas:Blobs:Sas", sas);
            builder.UseSetting("Jas:Blobs:Container", container);
            builder.ConfigureLogging(logging => logging.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        });
        var client = sasPortal.CreateClient();

        var ready = await client.GetAsync("/health/ready");
        var download = await client.GetAsync("/nl/downloads");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.DoesNotContain("sig=", await ready.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.InternalServerError, download.StatusCode);
        var lines = logs.Lines.ToList();
        Assert.Contains(lines, line => line.Contains("blob", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(lines, line => line.Contains("sig=", StringComparison.Ordinal) || line.Contains(signature, StringComparison.Ordinal));
        // The SDK's own event source (off unless someone listens) names the parameter but redacts its value.
        Assert.NotEmpty(sdkEvents);
        Assert.DoesNotContain(sdkEvents, message => message.Contains(signature, StringComparison.Ordinal));
    }
}
