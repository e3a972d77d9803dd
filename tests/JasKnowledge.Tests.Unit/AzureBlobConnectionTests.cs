using System.Collections.Concurrent;
using System.Net;
using Azure.Core.Pipeline;
using Azure.Identity;
using JasKnowledge.Data;
using JasKnowledge.Data.Blobs;

namespace JasKnowledge.Tests.Unit;

/// <summary>Each way of signing in to Azure Blob Storage builds the client it should, from settings alone.
/// Requests go to a recorder, never to a network: what is checked is how they would be signed.</summary>
public sealed class AzureBlobConnectionTests
{
    // Azurite's published development key: not a secret.
    private const string DevelopmentKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private const string Signature = "sig=c2VjcmV0LXNpZ25hdHVyZQ%3D%3D";

    [Fact]
    public async Task A_connection_string_with_an_account_key_signs_with_shared_key()
    {
        var recorder = new Recorder();
        var connection = Create(new()
        {
            ConnectionString = $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={DevelopmentKey};" +
                "BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;",
            Container = "jas",
        }, recorder);

        Assert.Equal(AzureBlobAuthentication.ConnectionString, connection.Authentication);
        Assert.Equal("http://127.0.0.1:10000/devstoreaccount1/jas", connection.Container.Uri.AbsoluteUri);
        Assert.Equal("devstoreaccount1", connection.Container.AccountName);
        Assert.Null(connection.Credential);
        await connection.Container.ExistsAsync();
        var request = Assert.Single(recorder.Requests);
        Assert.StartsWith("SharedKey devstoreaccount1:", request.Authorization);
        Assert.Equal(AzureBlobConnection.ServiceVersion.ToString()[1..].Replace('_', '-'), request.Version);
    }

    [Fact]
    public void Development_storage_means_azurite_on_its_default_port()
    {
        var connection = Create(new() { ConnectionString = "UseDevelopmentStorage=true", Container = "jas" });

        Assert.Equal(AzureBlobAuthentication.ConnectionString, connection.Authentication);
        Assert.Equal("http://127.0.0.1:10000/devstoreaccount1/jas", connection.Container.Uri.AbsoluteUri);
        Assert.True(connection.Container.CanGenerateSasUri);
    }

    [Fact]
    public async Task A_service_uri_with_a_sas_sends_the_sas_and_no_authorization_header()
    {
        var recorder = new Recorder();
        var connection = Create(new()
        {
            ServiceUri = "https://jasportal.blob.core.windows.net", Sas = "?sv=2025-11-05&sr=c&sp=racwdl&" + Signature, Container = "jas",
        }, recorder);

        Assert.Equal(AzureBlobAuthentication.SharedAccessSignature, connection.Authentication);
        // The address the client shows (and an exception could quote) holds no signature.
        Assert.Equal("https://jasportal.blob.core.windows.net/jas", connection.Container.Uri.AbsoluteUri);
        Assert.Equal("jasportal", connection.Container.AccountName);
        Assert.False(connection.Container.CanGenerateSasUri);
        await connection.Container.ExistsAsync();
        var request = Assert.Single(recorder.Requests);
        Assert.Contains(Signature, request.Uri);
        Assert.Null(request.Authorization);
    }

    [Fact]
    public void A_service_uri_alone_signs_in_with_entra_id_without_fetching_a_token()
    {
        var connection = Create(new() { ServiceUri = "https://jasportal.blob.core.windows.net/", Container = "bestanden" });

        Assert.Equal(AzureBlobAuthentication.EntraId, connection.Authentication);
        Assert.IsType<DefaultAzureCredential>(connection.Credential);
        Assert.Equal("https://jasportal.blob.core.windows.net/bestanden", connection.Container.Uri.AbsoluteUri);
        Assert.Equal("jasportal", connection.Container.AccountName);
        Assert.False(connection.Container.CanGenerateSasUri);
    }

    [Theory]
    [InlineData("AccountName=x;AccountKey=" + "c2VjcmV0LWtleS0xMjM0NQ==;Garbage")]
    [InlineData("this is no connection string c2VjcmV0LWtleS0xMjM0NQ==")]
    public void A_wrong_connection_string_names_the_setting_but_not_the_value(string connectionString)
    {
        var error = Assert.Throws<StartupException>(() => Create(new() { ConnectionString = connectionString, Container = "jas" }));

        Assert.Contains(AzureBlobConnection.ConnectionStringSetting, error.Message);
        Assert.DoesNotContain("c2VjcmV0LW", error.Message);
    }

    [Fact]
    public void A_service_uri_carrying_a_sas_is_refused_without_repeating_it()
    {
        var error = Assert.Throws<StartupException>(() =>
            Create(new() { ServiceUri = "https://jasportal.blob.core.windows.net/?sv=2025-11-05&" + Signature, Container = "jas" }));

        Assert.Contains(AzureBlobConnection.ServiceUriSetting, error.Message);
        Assert.Contains(AzureBlobConnection.SasSetting, error.Message);
        Assert.DoesNotContain("sig=", error.Message);
    }

    [Fact]
    public void Settings_that_are_missing_or_contradict_each_other_are_named()
    {
        var neither = Assert.Throws<StartupException>(() => Create(new() { Container = "jas" }));
        var both = Assert.Throws<StartupException>(() =>
            Create(new() { ConnectionString = "UseDevelopmentStorage=true", ServiceUri = "https://a.blob.core.windows.net", Container = "jas" }));

        Assert.Contains(AzureBlobConnection.ServiceUriSetting, neither.Message);
        Assert.Contains(AzureBlobConnection.ConnectionStringSetting, neither.Message);
        Assert.Contains("use one of them", both.Message);
    }

    [Theory]
    [InlineData("Upper")]
    [InlineData("a--b")]
    [InlineData("ab")]
    public void An_invalid_container_name_is_refused(string container)
    {
        var error = Assert.Throws<StartupException>(() => Create(new() { ConnectionString = "UseDevelopmentStorage=true", Container = container }));

        Assert.Contains(AzureBlobConnection.ContainerSetting, error.Message);
    }

    private static AzureBlobConnection Create(StorageOptions.BlobSettings settings, Recorder? recorder = null)
    {
        settings.Provider = "Azure";
        var options = AzureBlobConnection.DefaultOptions();
        options.Retry.MaxRetries = 0;
        options.Transport = new HttpClientTransport(new HttpClient(recorder ?? new Recorder()));
        return AzureBlobConnection.Create(settings, options);
    }

    private sealed record RecordedRequest(string Uri, string? Authorization, string? Version);

    /// <summary>Answers every request with "no such container" and keeps what was asked.</summary>
    private sealed class Recorder : HttpMessageHandler
    {
        public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests.Enqueue(new(request.RequestUri!.AbsoluteUri, request.Headers.Authorization?.ToString(),
                request.Headers.TryGetValues("x-ms-version", out var version) ? version.Single() : null));
            var response = new HttpResponseMessage(HttpStatusCode.NotFound) { Content = new ByteArrayContent([]) };
            response.Headers.Add("x-ms-error-code", "ContainerNotFound");
            return Task.FromResult(response);
        }
    }
}
