namespace Storewise.Api.SalesOrderConfig;

/// <summary>One stored key: its canonical JSON, its decrypted secret (if any), and its row version.</summary>
public sealed record StoredConfig(string ValueJson, string? Secret, long RowVersion, DateTimeOffset UpdatedAt);
