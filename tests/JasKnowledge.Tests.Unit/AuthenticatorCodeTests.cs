using JasKnowledge.Data.Accounts;

namespace JasKnowledge.Tests.Unit;

/// <summary>The authenticator codes against RFC 6238's own test vector (Appendix B, SHA-1) and RFC 4648's
/// Base32, so a phone's app and the portal agree.</summary>
public sealed class AuthenticatorCodeTests
{
    // RFC 6238 Appendix B: the ASCII secret "12345678901234567890"; the RFC lists eight digits, the last six are what apps show.
    [Theory]
    [InlineData(59L, "287082")]
    [InlineData(1111111109L, "081804")]
    [InlineData(1234567890L, "005924")]
    [InlineData(2000000000L, "279037")]
    public void The_code_for_a_time_is_the_one_RFC_6238_gives(long unixSeconds, string expected)
    {
        var secret = "12345678901234567890"u8.ToArray();
        Assert.Equal(expected, System.Text.Encoding.ASCII.GetString(OneTimeAuthenticatorCodes.Code(secret, unixSeconds / 30)));
    }

    [Fact]
    public void Base32_reads_the_key_as_apps_do_and_refuses_what_is_not_Base32()
    {
        Assert.Equal("12345678901234567890"u8.ToArray(), OneTimeAuthenticatorCodes.Base32("GEZD GNBV GY3T QOJQ GEZD GNBV GY3T QOJQ"));
        Assert.Equal("foobar"u8.ToArray(), OneTimeAuthenticatorCodes.Base32("mzxw6ytboi======"));
        Assert.Null(OneTimeAuthenticatorCodes.Base32("not base32: 1!"));
    }
}
