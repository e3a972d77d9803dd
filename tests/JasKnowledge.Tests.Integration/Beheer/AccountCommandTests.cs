using System.Text.RegularExpressions;
using JasKnowledge.Tests.Integration.Infrastructure;

namespace JasKnowledge.Tests.Integration.Beheer;

/// <summary>The account commands as an operator runs them: create-admin prints a random one-time
/// password (there is no default password), refuses an address that exists, and add-user checks its
/// role and municipality, or a translator's languages.</summary>
public sealed class AccountCommandTests
{
    [Fact]
    public async Task Create_admin_prints_a_one_time_password_and_refuses_a_second_account_for_the_same_address()
    {
        var data = Path.Combine(Path.GetTempPath(), $"jas-accounts-{Guid.NewGuid():N}");
        try
        {
            var environment = new Dictionary<string, string> { ["Jas__DataDirectory"] = data };
            var (exitCode, output, error) = await PortalProcess.RunAsync(environment, "create-admin", "beheer@example.nl");
            Assert.True(exitCode == 0, error);
            var password = Regex.Match(output, @"One-time password \(choose a new one at the first sign-in at /beheer/inloggen\): (\S+)");
            Assert.True(password.Success, output);
            Assert.Equal(20, password.Groups[1].Value.Length);

            var (again, _, againError) = await PortalProcess.RunAsync(environment, "create-admin", "beheer@example.nl");
            Assert.Equal(1, again);
            Assert.Contains("exists already", againError);

            var (other, otherOutput, _) = await PortalProcess.RunAsync(environment, "create-admin", "tweede@example.nl");
            Assert.Equal(0, other);
            Assert.DoesNotContain(password.Groups[1].Value, otherOutput);

            // A translator's languages, written as the operator likes: stored and told as the portal writes them.
            var (translator, translatorOutput, translatorError) =
                await PortalProcess.RunAsync(environment, "add-user", "bureau@vertalers.nl", "translator", "TI, so");
            Assert.True(translator == 0, translatorError);
            Assert.Contains("Created translator bureau@vertalers.nl translating into ti,so.", translatorOutput);
        }
        finally
        {
            if (Directory.Exists(data)) Directory.Delete(data, recursive: true);
        }
    }

    [Theory]
    [InlineData("redactie@gemeente.nl", "municipal-editor", null, "needs the CBS code")]
    [InlineData("redactie@gemeente.nl", "baas", null, "is not a role")]
    [InlineData("redactie@gemeente.nl", "editor", "0546", "Only a municipal editor is bound to a municipality")]
    [InlineData("bureau@vertalers.nl", "translator", "ti,nl", "'nl' is not a language to translate into. Languages: en, ar, ti, fa, prs, so, uk.")]
    public async Task Add_user_refuses_a_wrong_role_municipality_or_language(string email, string role, string? gemeente, string message)
    {
        string[] arguments = gemeente is null ? ["add-user", email, role] : ["add-user", email, role, gemeente];
        var (exitCode, _, error) = await PortalProcess.RunAsync(new Dictionary<string, string>(), arguments);
        Assert.Equal(1, exitCode);
        Assert.Contains(message, error);
    }
}
