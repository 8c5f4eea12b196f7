namespace Storewise.Api.Storage;

/// <summary>
/// Whether the schema is in place. Until it is (the database was unreachable at start), API requests are
/// answered 503 and migrations are retried in the background, so the service recovers on its own.
/// </summary>
public sealed class StorageReadiness
{
    private volatile bool _ready;

    public bool IsReady => _ready;

    public void MarkReady() => _ready = true;
}
