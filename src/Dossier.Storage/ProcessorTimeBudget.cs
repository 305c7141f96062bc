using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Dossier.Storage;

/// <summary>Stops the work of one thread once that thread has used its budget of processor time.
/// Processor time rather than elapsed time, so that a document's fate does not depend on how busy
/// the machine is: under load a thread can wait for a core many times longer than it runs. Where
/// the system gives no per-thread clock, elapsed time stands in.</summary>
internal sealed class ProcessorTimeBudget : IDisposable
{
    private readonly Func<TimeSpan> _used;
    private readonly CancellationTokenSource _cancellation;
    private readonly Timer _watch;

    private ProcessorTimeBudget(TimeSpan budget, Func<TimeSpan> used, CancellationToken cancellationToken)
    {
        Budget = budget;
        _used = used;
        _cancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var period = TimeSpan.FromTicks(Math.Clamp(budget.Ticks / 4, TimeSpan.TicksPerMillisecond, TimeSpan.TicksPerSecond / 2));
        _watch = new Timer(_ => { if (Exceeded) _cancellation.Cancel(); }, null, period, period);
    }

    public TimeSpan Budget { get; }

    /// <summary>Cancelled when the budget is spent or the caller cancels.</summary>
    public CancellationToken Token => _cancellation.Token;

    public bool Exceeded => _used() > Budget;

    /// <summary>Starts counting the processor time of the calling thread from now.</summary>
    public static ProcessorTimeBudget StartOnCurrentThread(TimeSpan budget, CancellationToken cancellationToken)
    {
        if (ThreadClock.ForCurrentThread() is { } clock)
        {
            var start = clock.Read();
            return new ProcessorTimeBudget(budget, () => clock.Read() - start, cancellationToken);
        }
        var started = Stopwatch.GetTimestamp();
        return new ProcessorTimeBudget(budget, () => Stopwatch.GetElapsedTime(started), cancellationToken);
    }

    public void Dispose()
    {
        _watch.Dispose();
        _cancellation.Dispose();
    }

    /// <summary>The processor-time clock of one thread (POSIX <c>pthread_getcpuclockid</c>), readable
    /// from any thread, so that a timer can watch a thread that is busy.</summary>
    private sealed class ThreadClock(int clockId)
    {
        public static ThreadClock? ForCurrentThread()
        {
            try
            {
                return pthread_getcpuclockid(pthread_self(), out var id) == 0 ? new ThreadClock(id) : null;
            }
            catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
            {
                return null;
            }
        }

        /// <summary>Time used so far; zero once the clock is gone (its thread ended), which never
        /// spends a budget.</summary>
        public TimeSpan Read() =>
            clock_gettime(clockId, out var now) == 0 ? TimeSpan.FromTicks(now.Seconds * TimeSpan.TicksPerSecond + now.Nanoseconds / 100) : TimeSpan.Zero;

        [StructLayout(LayoutKind.Sequential)]
        private struct Timespec
        {
            public long Seconds;
            public long Nanoseconds;
        }

        [DllImport("libc.so.6")]
        private static extern nuint pthread_self();

        [DllImport("libc.so.6")]
        private static extern int pthread_getcpuclockid(nuint thread, out int clockId);

        [DllImport("libc.so.6")]
        private static extern int clock_gettime(int clockId, out Timespec time);
    }
}
