namespace Storewise.Api.Idempotency;

public enum IdempotencyClaimKind
{
    /// <summary>This request owns the key and runs.</summary>
    Claimed,

    /// <summary>The key's first request finished: replay its answer.</summary>
    Replay,

    /// <summary>The key was used with a different body: 422.</summary>
    BodyMismatch,

    /// <summary>The key's first request is still running: 409.</summary>
    InFlight,
}

/// <summary>The result of presenting an <c>Idempotency-Key</c>; <see cref="Status"/> and <see cref="Body"/> are set for a replay.</summary>
public sealed record IdempotencyClaim(IdempotencyClaimKind Kind, string Tenant, string Key, int Status = 0, string? Body = null);
