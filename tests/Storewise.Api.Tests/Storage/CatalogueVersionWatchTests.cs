using System.Diagnostics;
using Storewise.Api.Storage;

namespace Storewise.Api.Tests.Storage;

/// <summary>When a known catalogue version may be used without reading the database, and when it may not.</summary>
public sealed class CatalogueVersionWatchTests
{
    private static long SecondsAgo(double seconds) => Stopwatch.GetTimestamp() - (long)(seconds * Stopwatch.Frequency);

    [Fact]
    public void An_unknown_tenant_must_be_read()
    {
        Assert.False(new CatalogueVersionWatch().TryGetCurrent("t", out _));
    }

    [Fact]
    public void A_version_confirmed_within_the_bound_is_current_and_one_confirmed_before_it_is_not()
    {
        var watch = new CatalogueVersionWatch();
        watch.Confirm("fresh", 3, SecondsAgo(0.1));
        watch.Confirm("stale", 3, SecondsAgo(1.5));

        Assert.True(watch.TryGetCurrent("fresh", out var version));
        Assert.Equal(3, version);
        Assert.False(watch.TryGetCurrent("stale", out _));
    }

    [Fact]
    public void A_listener_alive_within_the_bound_keeps_versions_read_while_it_listened_current()
    {
        var watch = new CatalogueVersionWatch();
        watch.Listening(SecondsAgo(10));
        watch.Confirm("t", 3, SecondsAgo(5));
        watch.Alive(SecondsAgo(0.2));

        Assert.True(watch.TryGetCurrent("t", out _));
    }

    [Fact]
    public void A_version_read_before_the_listener_listened_is_not_covered_by_it()
    {
        var watch = new CatalogueVersionWatch();
        watch.Confirm("t", 3, SecondsAgo(5));
        watch.Listening(SecondsAgo(4));
        watch.Alive(SecondsAgo(0.1));

        Assert.False(watch.TryGetCurrent("t", out _));
    }

    [Fact]
    public void A_listener_silent_for_longer_than_the_bound_covers_nothing_even_before_its_loss_is_noticed()
    {
        var watch = new CatalogueVersionWatch();
        watch.Listening(SecondsAgo(10));
        watch.Confirm("t", 3, SecondsAgo(5));
        watch.Alive(SecondsAgo(1.2));

        Assert.False(watch.TryGetCurrent("t", out _));
    }

    [Fact]
    public void A_deaf_listener_covers_nothing()
    {
        var watch = new CatalogueVersionWatch();
        watch.Listening(SecondsAgo(10));
        watch.Confirm("t", 3, SecondsAgo(5));
        watch.Alive(SecondsAgo(0.1));
        watch.Deaf();

        Assert.False(watch.TryGetCurrent("t", out _));
    }

    [Fact]
    public void Announcements_move_known_tenants_forward_only_and_leave_unknown_ones_to_be_read()
    {
        var watch = new CatalogueVersionWatch();
        watch.Confirm("t", 3, SecondsAgo(0));
        watch.Announced("t", 5);
        watch.Announced("t", 4);
        watch.Announced("other", 9);
        watch.Confirm("t", 4, SecondsAgo(0));

        Assert.True(watch.TryGetCurrent("t", out var version));
        Assert.Equal(5, version);
        Assert.False(watch.TryGetCurrent("other", out _));
    }
}
