using Storewise.Api.Storage;

namespace Storewise.Api.Events;

/// <summary>Adds the <c>configuration.changed</c> event to a conditional configuration write that stored something.</summary>
public static class ConfigurationAnnouncement
{
    public static WriteOutcome<T?> Announced<T, TResource>(this WriteOutcome<T?> outcome, string tenant, string section, DateTimeOffset at, Func<T, TResource> resource)
        where T : class =>
        outcome is { Commit: true, Value: { } value } ? outcome.WithEvent(ConfigurationChange.Event(tenant, section, at, resource(value))) : outcome;
}
