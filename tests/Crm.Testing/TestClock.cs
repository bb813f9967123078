namespace Crm.Testing;

/// <summary>
/// A clock the test moves by hand. (Microsoft.Extensions.TimeProvider.Testing's FakeTimeProvider would do, but its pinned
/// version could not be restored from the package mirror; the services only ever ask it for the current time.)
/// </summary>
public sealed class TestClock(DateTimeOffset start) : TimeProvider
{
    private long utcTicks = start.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref utcTicks), TimeSpan.Zero);

    public void Advance(TimeSpan by) => Interlocked.Add(ref utcTicks, by.Ticks);
}
