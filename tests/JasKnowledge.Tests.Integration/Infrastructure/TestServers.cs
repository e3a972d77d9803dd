namespace JasKnowledge.Tests.Integration.Infrastructure;

/// <summary>The real servers the test command (./test.sh) starts. A test that needs one fails with a
/// clear message when it is missing: a skipped test would pass CI without testing anything.</summary>
public static class TestServers
{
    public const string PostgresVariable = "JAS_TEST_POSTGRES";
    public const string AzuriteVariable = "JAS_TEST_AZURITE";

    /// <summary>A connection string with rights to create databases.</summary>
    public static string Postgres => Require(PostgresVariable, "PostgreSQL");

    /// <summary>An Azure Storage connection string for Azurite.</summary>
    public static string Azurite => Require(AzuriteVariable, "Azurite");

    /// <summary>maildev's SMTP server, host:port.</summary>
    public static string MaildevSmtp => Require("JAS_TEST_MAILDEV_SMTP", "maildev");

    /// <summary>maildev's REST API (GET /api/email lists what arrived).</summary>
    public static string MaildevWeb => Require("JAS_TEST_MAILDEV_WEB", "maildev");

    private static string Require(string variable, string server) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{variable} is not set: run the tests through ./test.sh, which starts {server} on 127.0.0.1.");
}
