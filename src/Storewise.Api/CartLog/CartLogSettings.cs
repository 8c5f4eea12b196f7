namespace Storewise.Api.CartLog;

/// <summary>
/// A tenant's cart log setting (docs/decisions/0703-cart-log.md): the share of priced carts to log, in parts per
/// million, and how many days to keep them. A tenant that never set it logs nothing.
/// </summary>
public sealed record CartLogSettings(string Tenant, int SamplePpm, int RetentionDays, DateTimeOffset? UpdatedAt, string? UpdatedBy, string? Version)
{
    public const int PartsPerMillion = 1_000_000;
    public const int DefaultRetentionDays = 30;
    public const int MaxRetentionDays = 3_650;

    public static CartLogSettings Off(string tenant) => new(tenant, 0, DefaultRetentionDays, null, null, null);

    public decimal SampleRate => (decimal)SamplePpm / PartsPerMillion;
}

/// <summary>Body of <c>PUT /configuration/cart-log</c>; <c>version</c>, when sent, must be the stored one.</summary>
public sealed record CartLogSettingsRequest(decimal? SampleRate, int? RetentionDays, string? Version);

/// <summary>The cart log setting as the API shows it; the sample rate is a share from 0 to 1.</summary>
public sealed record CartLogSettingsResponse(string Tenant, decimal SampleRate, int RetentionDays, string? UpdatedAt, string? UpdatedBy, string? Version);
