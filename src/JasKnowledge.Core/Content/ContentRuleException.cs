namespace JasKnowledge.Core.Content;

/// <summary>A request that would break a rule of the content core (for example publishing a version
/// that is not a draft). The message is written for the editor who asked.</summary>
public sealed class ContentRuleException(string message) : Exception(message);
