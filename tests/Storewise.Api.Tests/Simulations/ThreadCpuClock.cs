using System.Runtime.InteropServices;

namespace Storewise.Api.Tests.Simulations;

/// <summary>The calling thread's own CPU time (Linux <c>CLOCK_THREAD_CPUTIME_ID</c>), for timing the steps of one thread's work.</summary>
internal static class ThreadCpuClock
{
    private const int ThreadCpuTime = 3;

    public static long Nanoseconds()
    {
        if (ClockGetTime(ThreadCpuTime, out var time) != 0)
        {
            throw new InvalidOperationException("clock_gettime(CLOCK_THREAD_CPUTIME_ID) failed");
        }

        return (time.Seconds * 1_000_000_000) + time.Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out Timespec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
