namespace Storewise.Api.Common;

/// <summary>Wakes a background worker of this instance at once instead of at its next poll; extra wake-ups merge into one.</summary>
public class WakeUp : IDisposable
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Notify()
    {
        try
        {
            _signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled; one wake-up is enough.
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);

    public void Dispose()
    {
        _signal.Dispose();
        GC.SuppressFinalize(this);
    }
}
