using System.Diagnostics;
using FairCollective.Experiments.Running;
using FairCollective.Experiments.Store;

namespace FairCollective.Cli.Output;

/// <summary>
/// Cells done, rate and ETA. On a terminal one status line is redrawn in place; when output is redirected, plain
/// lines are written at most every <see cref="PlainInterval"/> (and at the end), so logs stay readable.
/// </summary>
/// <param name="writer">Where progress is written.</param>
/// <param name="interactive">True on a terminal (redraw one line in place); false when output is redirected (plain
/// lines).</param>
public sealed class ConsoleProgress(TextWriter writer, bool interactive) : IRunProgress
{
    /// <summary>Least time between two plain lines when output is redirected.</summary>
    public static readonly TimeSpan PlainInterval = TimeSpan.FromSeconds(5);

    /// <summary>Least time between two redraws of the status line on a terminal.</summary>
    public static readonly TimeSpan RedrawInterval = TimeSpan.FromMilliseconds(200);

    private readonly Lock _gate = new();
    private readonly Stopwatch _clock = new();
    private string _experiment = "";
    private int _total, _skipped, _done;
    private TimeSpan _lastDraw;

    /// <inheritdoc/>
    public void Started(string experiment, int totalCells, int alreadyDone)
    {
        lock (_gate)
        {
            _experiment = experiment;
            _total = totalCells;
            _skipped = alreadyDone;
            _done = 0;
            _lastDraw = TimeSpan.Zero;
            _clock.Restart();
            if (alreadyDone > 0)
                writer.WriteLine($"{experiment}: resuming, {alreadyDone} of {totalCells} cells already in the store");
            else writer.WriteLine($"{experiment}: {totalCells} cells");
        }
    }

    /// <inheritdoc/>
    public void CellFinished(CellRecord cell)
    {
        lock (_gate)
        {
            _done++;
            var now = _clock.Elapsed;
            if (now - _lastDraw < (interactive ? RedrawInterval : PlainInterval)) return;
            _lastDraw = now;
            Draw(now, final: false);
        }
    }

    /// <inheritdoc/>
    public void Finished()
    {
        lock (_gate) Draw(_clock.Elapsed, final: true);
    }

    private void Draw(TimeSpan elapsed, bool final)
    {
        int remaining = _total - _skipped - _done;
        double rate = elapsed.TotalSeconds > 0 ? _done / elapsed.TotalSeconds : 0;
        string eta = rate > 0 && remaining > 0 ? Format(TimeSpan.FromSeconds(remaining / rate)) : "-";
        string line = $"{_experiment}: {_skipped + _done}/{_total} cells " +
            $"({100.0 * (_skipped + _done) / Math.Max(_total, 1):0.0}%), {rate:0.0} cells/s, elapsed " +
            $"{Format(elapsed)}, ETA {eta}";
        if (interactive)
        {
            writer.Write("\r" + line.PadRight(Math.Max(0, SafeWidth() - 1)));
            if (final) writer.WriteLine();
        }
        else
        {
            writer.WriteLine(line);
        }
        writer.Flush();
    }

    private static int SafeWidth()
    {
        try { return Console.WindowWidth; }
        catch (IOException) { return 80; }
    }

    private static string Format(TimeSpan t) => t.TotalHours >= 1 ? t.ToString(@"h\:mm\:ss") : t.ToString(@"m\:ss");
}
