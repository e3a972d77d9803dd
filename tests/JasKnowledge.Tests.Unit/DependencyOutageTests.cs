using JasKnowledge.Web.Hosting.Health;

namespace JasKnowledge.Tests.Unit;

/// <summary>A readiness check asked every few seconds during an outage tells the log when something changes, not every time.</summary>
public class DependencyOutageTests
{
    private sealed class Clock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 12, 7, 23, 0, 0, TimeSpan.Zero);
        public override DateTimeOffset GetUtcNow() => Now;
    }

    [Fact]
    public void The_first_failure_is_told_and_then_one_a_minute()
    {
        var clock = new Clock();
        var outage = new DependencyOutage(clock);

        Assert.True(outage.Failed());
        clock.Now += TimeSpan.FromSeconds(5);
        Assert.False(outage.Failed());
        clock.Now += DependencyOutage.Reminder - TimeSpan.FromSeconds(6);
        Assert.False(outage.Failed());
        clock.Now += TimeSpan.FromSeconds(1);
        Assert.True(outage.Failed());
        Assert.False(outage.Failed());
    }

    [Fact]
    public void The_end_of_an_outage_is_told_once_and_only_after_one()
    {
        var outage = new DependencyOutage(new Clock());

        Assert.False(outage.Answered());
        outage.Failed();
        Assert.True(outage.Answered());
        Assert.False(outage.Answered());
        // The next outage is news again, however soon it comes.
        Assert.True(outage.Failed());
    }
}
