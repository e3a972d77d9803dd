using JasKnowledge.Core.Modules;
using Microsoft.Extensions.DependencyInjection;

namespace JasKnowledge.Programmes;

/// <summary><c>demo-data</c>: fictional records for the municipalities without sources (opt-in, for
/// demos and load tests; see <see cref="DemoData"/>).</summary>
public sealed class DemoDataCommand : IPortalCommand
{
    public string Name => "demo-data";
    public string Usage => "";
    public string Summary => "fictional records for the municipalities without sources (marked as fictional everywhere)";
    public int MinArguments => 0;
    public int MaxArguments => 0;

    public async Task<int> RunAsync(CommandContext context)
    {
        await using var scope = context.Services.CreateAsyncScope();
        var demo = await scope.ServiceProvider.GetRequiredService<DemoData>().GenerateAsync(cancellationToken: context.CancellationToken);
        if (demo.Problem is not null)
        {
            await context.Error.WriteLineAsync(demo.Problem);
            return 1;
        }
        await context.Output.WriteLineAsync(
            $"Wrote fictional records for {demo.Created} municipalities; {demo.Skipped} with a record were left as they are. " +
            "Pages and exports mark them as fictional.");
        return 0;
    }
}
