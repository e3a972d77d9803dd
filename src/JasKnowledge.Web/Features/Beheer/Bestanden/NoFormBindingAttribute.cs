using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace JasKnowledge.Web.Features.Beheer.Bestanden;

/// <summary>Model binding reads a posted form before the handler runs, even for values that come from the route: a
/// body of any size went to disk before the upload's own size check, and a form over the reader's limits left the
/// route values unbound, so the page answered 404. Without the form's value providers the handler reads the form
/// itself, after its checks, and says what was wrong.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class NoFormBindingAttribute : Attribute, IResourceFilter
{
    public void OnResourceExecuting(ResourceExecutingContext context)
    {
        var factories = context.ValueProviderFactories;
        factories.RemoveType<FormValueProviderFactory>();
        factories.RemoveType<FormFileValueProviderFactory>();
        factories.RemoveType<JQueryFormValueProviderFactory>();
    }

    public void OnResourceExecuted(ResourceExecutedContext context)
    {
    }
}
