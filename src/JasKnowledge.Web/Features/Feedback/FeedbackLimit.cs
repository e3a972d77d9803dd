using JasKnowledge.Web.Hosting.Http;

namespace JasKnowledge.Web.Features.Feedback;

/// <summary>Answers and remarks per client address (Jas:Feedback:RequestsPerClientPer10Minutes, 60): enough for a class on one
/// Wi-Fi, not for a script.</summary>
public sealed class FeedbackLimit(IConfiguration configuration)
    : ClientRequestLimit(configuration.GetValue(Setting, 60), TimeSpan.FromMinutes(10))
{
    public const string Setting = "Jas:Feedback:RequestsPerClientPer10Minutes";
}
