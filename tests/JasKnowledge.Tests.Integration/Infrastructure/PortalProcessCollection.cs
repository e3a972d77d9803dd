namespace JasKnowledge.Tests.Integration.Infrastructure;

/// <summary>Tests that start several portal processes (each importing the content) run one after the
/// other: side by side on two cores they starved each other and the browser tests next to them.</summary>
[CollectionDefinition(Name)]
public sealed class PortalProcessCollection
{
    public const string Name = "Portal processes";
}
