using System.ComponentModel;

namespace Storewise.Api.PromotionsConfiguration;

/// <summary>The tenant's reading of <c>localizedTimezone: true</c>; <see cref="Version"/> null while never set.</summary>
public sealed record TimeReadingSetting(string Tenant, LocalizedTimezoneReading LocalizedTimezone, DateTimeOffset? UpdatedAt, string? UpdatedBy, string? Version)
{
    public static TimeReadingSetting Default(string tenant) => new(tenant, LocalizedTimezoneReading.Utc, null, null, null);
}

/// <summary>Body of <c>PUT /configuration/time</c>; <c>version</c>, when sent, must be the stored one.</summary>
public sealed record TimeReadingRequest(
    [property: Description("What localizedTimezone: true means for offers without a timeZone: utc (naive times are UTC, the default) or storeLocal (read in the zone of the cart's store).")]
    LocalizedTimezoneReading? LocalizedTimezone,
    [property: Description("When sent, must be the stored version (optimistic concurrency); a mismatch is 409.")]
    string? Version);

/// <summary>The tenant's reading of <c>localizedTimezone: true</c>.</summary>
public sealed record TimeReadingResponse(string Tenant, LocalizedTimezoneReading LocalizedTimezone, string? UpdatedAt, string? UpdatedBy, string? Version);
