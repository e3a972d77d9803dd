namespace JasKnowledge.Tests.EndToEnd;

/// <summary>The account journey and the translator's journey run one after the other, not side by side:
/// run together, the administrator's sign-in in the account journey timed out three times out of three
/// (2 December 2026), and passed every time it ran without the translator's journey. The cause is not
/// found: a later session ran the two side by side three times under load (twice with host building
/// serialised in BrowserPortal, once without) and all passed. The likely cause, found on 3 December when CI's
/// translator journey timed out the same way alone: the wait for "/beheer" after sign-in lost its load event
/// (PageArrival). Kept one after the other until full runs have confirmed it. Each journey keeps its own portal.</summary>
[CollectionDefinition(Name)]
public sealed class SignInJourneys
{
    public const string Name = "sign-in journeys";
}
