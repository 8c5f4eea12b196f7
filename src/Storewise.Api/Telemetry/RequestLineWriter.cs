using System.Collections.Concurrent;
using System.Text;

namespace Storewise.Api.Telemetry;

/// <summary>
/// Gathers formatted log lines in a lock-free queue and writes them to a stream from a thread of its own, as UTF-8, in
/// as few writes as fit, every <c>flushInterval</c>; on dispose it writes everything still queued before it returns.
/// Adding a line takes no lock and makes no system call, so requests never wait for the output or for each other.
/// </summary>
public sealed class RequestLineWriter : IDisposable
{
    // Whole lines per write, up to this many bytes: a write to a pipe of at most PIPE_BUF (4,096 bytes on Linux) is
    // atomic, so a reader never sees these lines torn by the console logger's own writes to the same output; at
    // 5,000 requests/s that is still fewer than 200 writes a second instead of 5,000.
    private const int WriteBytes = 4 * 1024;

    // About ten seconds of lines at 5,000 requests/s: past this (the output is blocked) lines are counted and dropped
    // instead of holding requests or memory.
    private const int MaxQueued = 50_000;

    private readonly ConcurrentQueue<string> _lines = new();
    private readonly Stream _stream;
    private readonly TimeSpan _flushInterval;
    private readonly ManualResetEventSlim _stopping = new();
    private readonly Lock _writing = new();
    private readonly byte[] _buffer = new byte[WriteBytes];
    private volatile Thread? _thread;
    private int _queued;
    private int _dropped;
    private int _started;
    private volatile bool _stopped;

    public RequestLineWriter(Stream stream, TimeSpan flushInterval)
    {
        _stream = stream;
        _flushInterval = flushInterval;
        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
    }

    public void Add(string line)
    {
        if (Interlocked.Increment(ref _queued) > MaxQueued)
        {
            Interlocked.Decrement(ref _queued);
            Interlocked.Increment(ref _dropped);
            return;
        }

        _lines.Enqueue(line);
        if (_stopped)
        {
            // Logged after dispose: nobody else will write it.
            Flush();
        }
        else if (_started == 0 && Interlocked.Exchange(ref _started, 1) == 0)
        {
            _thread = new Thread(Run) { IsBackground = true, Name = "Storewise request log" };
            _thread.Start();
        }
    }

    /// <summary>Writes every line queued so far; the writer's thread calls it, and so do stop and process exit.</summary>
    public void Flush()
    {
        lock (_writing)
        {
            var used = 0;
            var dropped = Interlocked.Exchange(ref _dropped, 0);
            if (dropped > 0)
            {
                used = Append($"{dropped} request log lines dropped: the output did not keep up{Environment.NewLine}", used);
            }

            while (_lines.TryDequeue(out var line))
            {
                Interlocked.Decrement(ref _queued);
                used = Append(line, used);
            }

            if (used > 0)
            {
                Write(_buffer.AsSpan(0, used));
            }
        }
    }

    public void Dispose()
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
        _stopping.Set();
        _thread?.Join(TimeSpan.FromSeconds(5));
        Flush();
        _stopping.Dispose();
    }

    private void Run()
    {
        try
        {
            while (!_stopping.Wait(_flushInterval))
            {
                Flush();
            }
        }
        catch (ObjectDisposedException)
        {
            // Started by a first line that raced with dispose, which has written everything already.
        }
    }

    private void OnProcessExit(object? sender, EventArgs e) => Flush();

    // Adds the line to the buffer, writing the buffer first when the line does not fit; returns the bytes in use.
    private int Append(string line, int used)
    {
        var bytes = Encoding.UTF8.GetMaxByteCount(line.Length) <= WriteBytes - used ? -1 : Encoding.UTF8.GetByteCount(line);
        if (bytes > WriteBytes - used)
        {
            Write(_buffer.AsSpan(0, used));
            used = 0;
            if (bytes > WriteBytes)
            {
                Write(Encoding.UTF8.GetBytes(line));
                return 0;
            }
        }

        return used + Encoding.UTF8.GetBytes(line, _buffer.AsSpan(used));
    }

    private void Write(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty)
        {
            return;
        }

        try
        {
            _stream.Write(bytes);
            _stream.Flush();
        }
        catch (IOException)
        {
            // A closed output (the reader went away) must not take the service down; the lines are lost as the
            // console logger's would be.
        }
        catch (ObjectDisposedException)
        {
        }
    }
}
