using JasKnowledge.Data.Blobs;

namespace JasKnowledge.Tests.Integration.Blobs;

public sealed class AzureStorageConnectionTests
{
    // "secret-key-12345" in base64: what must never show up in an error.
    private const string SecretStart = "c2VjcmV0LW";
    private const string Secret = SecretStart + "tleS0xMjM0NQ==";

    [Fact]
    public void The_azurite_connection_string_gives_its_endpoint_and_a_shared_key_signer()
    {
        var connection = AzureStorageConnection.Parse(
            "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1/;");

        Assert.Equal("http://127.0.0.1:10000/devstoreaccount1", connection.BlobEndpoint.AbsoluteUri);
        Assert.Equal("devstoreaccount1", connection.Signer?.AccountName);
        Assert.Null(connection.SharedAccessSignature);
    }

    [Fact]
    public void Development_storage_means_azurite_on_its_default_port()
    {
        var connection = AzureStorageConnection.Parse("UseDevelopmentStorage=true");

        Assert.Equal("http://127.0.0.1:10000/devstoreaccount1", connection.BlobEndpoint.AbsoluteUri);
        Assert.Equal("devstoreaccount1", connection.Signer?.AccountName);
    }

    [Theory]
    [InlineData("AccountName=jas;AccountKey=" + Secret, "https://jas.blob.core.windows.net/")]
    [InlineData("defaultendpointsprotocol=http;accountname=jas;accountkey=" + Secret, "http://jas.blob.core.windows.net/")]
    [InlineData(
        "DefaultEndpointsProtocol=https;AccountName=jas;AccountKey=" + Secret + ";EndpointSuffix=core.chinacloudapi.cn",
        "https://jas.blob.core.chinacloudapi.cn/")]
    public void Without_a_blob_endpoint_it_is_made_from_account_protocol_and_suffix(string connectionString, string endpoint)
    {
        var connection = AzureStorageConnection.Parse(connectionString);

        Assert.Equal(endpoint, connection.BlobEndpoint.AbsoluteUri);
        Assert.Equal("jas", connection.Signer?.AccountName);
    }

    [Fact]
    public void A_shared_access_signature_is_kept_without_its_question_mark_and_needs_no_account()
    {
        var connection = AzureStorageConnection.Parse(
            "BlobEndpoint=https://jas.blob.core.windows.net;SharedAccessSignature=?sv=2021-08-06&sig=abc%3D");

        Assert.Equal("sv=2021-08-06&sig=abc%3D", connection.SharedAccessSignature);
        Assert.Null(connection.Signer);
        Assert.Equal("https://jas.blob.core.windows.net/", connection.BlobEndpoint.AbsoluteUri);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("AccountName=jas;AccountKey=" + Secret + ";" + SecretStart, "part 3")]
    [InlineData("AccountName=jas;AccountKey=" + Secret + ";AccountKey=" + Secret, "part 3")]
    [InlineData("AccountName=jas;AccountKey=not*base64*" + Secret, "AccountKey is not valid base64")]
    [InlineData("AccountName=jas;AccountKey=", "AccountKey is not valid base64")]
    [InlineData("BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;AccountKey=" + Secret, "AccountKey needs AccountName")]
    [InlineData("AccountKey=" + Secret, "neither BlobEndpoint nor AccountName")]
    [InlineData("AccountName=jas", "neither AccountKey nor SharedAccessSignature")]
    [InlineData("DefaultEndpointsProtocol=ftp;AccountName=jas;AccountKey=" + Secret, "DefaultEndpointsProtocol")]
    [InlineData("BlobEndpoint=ftp://example.org;AccountName=jas;AccountKey=" + Secret, "BlobEndpoint")]
    [InlineData("UseDevelopmentStorage=yes", "UseDevelopmentStorage")]
    public void A_bad_connection_string_names_the_bad_part_but_never_the_key(string connectionString, string problem)
    {
        var error = Assert.Throws<ArgumentException>(() => AzureStorageConnection.Parse(connectionString));

        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(SecretStart, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_store_refuses_a_container_name_azure_would_refuse()
    {
        Assert.Throws<ArgumentException>(() => new AzureBlobStore("UseDevelopmentStorage=true", "Upper"));
        Assert.Throws<ArgumentException>(() => new AzureBlobStore("UseDevelopmentStorage=true", "a--b"));
        Assert.Throws<ArgumentException>(() => new AzureBlobStore("UseDevelopmentStorage=true", "ab"));
    }
}
