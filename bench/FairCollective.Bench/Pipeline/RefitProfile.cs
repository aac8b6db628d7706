using FairCollective.Collective.Strategies;
using System.Diagnostics;
using System.Globalization;
using FairCollective.Data.Splitting;
using FairCollective.Experiments.Reproduction;
using FairCollective.Experiments.Running;
using FairCollective.Learning.Logistic;

namespace FairCollective.Bench.Pipeline;

/// <summary>
/// `refit-profile --dataset NAME [--seed 0] [--repeat 5]`: where the pipeline's time goes. Times one firm fit on
/// the collective-size split (one thread, as the runner fits), then one typical refit on relabelled labels started
/// cold and warm from the unchanged firm (its coefficients and Hessian factor, as the runner does), with iterations
/// and Newton steps, and each refit against its lower bound: the passes over the rows it made, timed alone.
/// `--one-hot-min-width N` sets <see cref="LogisticRegressionOptions.OneHotGroupMinWidth"/> (0: every column dense);
/// the passes are also timed with every column dense, to show what reading one-hot blocks as codes gains.
/// </summary>
internal static class RefitProfile
{
    public const string Name = "refit-profile";
    private const int DefaultRepeats = 5;

    public static int Run(string[] args)
    {
        var a = new ScenarioArgs(Name, args, "--dataset", "--seed", "--repeat", "--one-hot-min-width");
        var spec = PaperExperiments.Create(PaperExperiments.CollectiveSize,
            [a.Required("--dataset")]) with
        { Strategies = StrategyCatalog.Practical };
        spec = spec with { Seeds = [a.Int("--seed", spec.Seeds[0])] };
        int repeats = a.Int("--repeat", DefaultRepeats);
        if (repeats < 1) throw new Common.UserInputException($"{Name}: --repeat must be at least 1; got {repeats}");
        var split = DatasetResolver.Load(spec.Datasets[0]).Prepare(spec.Seeds[0], spec.TestFraction);
        int minWidth = a.Int("--one-hot-min-width", LogisticRegressionOptions.DefaultOneHotGroupMinWidth);
        var cold = new LogisticRegressionTrainer(new LogisticRegressionOptions
        {
            C = spec.Learner.C,
            MaxDegreeOfParallelism = 1, OneHotGroupMinWidth = minWidth
        });
        var (baseModel, baseTime) = TimeFits(cold, split.TrainX, split.TrainY, repeats);
        Report("one firm fit, unchanged labels, cold start", split, baseModel, baseTime, repeats);
        // The same fit split into its phases: L-BFGS alone up to the Newton hand-over point, without the polish.
        var lbfgsOnly = new LogisticRegressionTrainer(cold.Options with
        {
            GradientTolerance =
            cold.Options.NewtonHandOverTolerance,
            NewtonMaxDimension = 0
        });
        var (lbfgsModel, lbfgsTime) = TimeFits(lbfgsOnly, split.TrainX, split.TrainY, repeats);
        Report("  its L-BFGS phase alone (to the Newton hand-over tolerance, no polish)", split, lbfgsModel, lbfgsTime,
            repeats);

        // A typical refit: a tenth of the minority's y = 0 rows relabelled (about alpha = 0.2 with half the pool
        // flipped). Started cold and warm from the unchanged firm (what the runner does); both reach the same optimum
        // to the gradient tolerance, so the printed coefficient gap is rounding-level.
        var relabelled = split.TrainY.ToArray();
        var candidates = split.MinorityTrainRows.Where(r => split.TrainY[r] == 0).ToArray();
        for (int i = 0; i < candidates.Length; i += WarmStartFlipEvery) relabelled[candidates[i]] = 1;
        var (coldModel, coldTime) = TimeFits(cold, split.TrainX, relabelled, repeats);
        Report("one refit (1 in 10 minority y = 0 rows flipped), cold start", split, coldModel, coldTime, repeats);
        // As the runner warm-starts: the unchanged firm's coefficients and its Hessian factor (chord steps first).
        var warm = (LogisticRegressionTrainer)FairCollective.Learning.Catalog.LearnerCatalog.WarmStartedFrom(cold,
            baseModel);
        var (warmModel, warmTime) = TimeFits(warm, split.TrainX, relabelled, repeats);
        Report("the same refit, warm start from the unchanged firm", split, warmModel, warmTime, repeats);
        double gap = coldModel.Coefficients.Zip(warmModel.Coefficients, (a, b) => Math.Abs(a - b)).Max();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  max |coefficient difference| cold vs warm: {gap:E2}"));

        // The lower bound of a refit: the passes over the rows its solver makes, each timed alone on the same data
        // (the objective the trainer builds, one thread). What a refit costs above it is per-fit overhead.
        var p = warmModel.Coefficients.Append(warmModel.Intercept).ToArray();
        var (gradientPass, hessianPass) = PassSeconds(split, relabelled, p, spec.Learner.C, cold.Options.ChunkRows,
            minWidth, repeats);
        if (minWidth != 0) PassSeconds(split, relabelled, p, spec.Learner.C, cold.Options.ChunkRows, 0, repeats);
        foreach (var (what, model, times) in new[] { ("cold refit", coldModel, coldTime), ("warm refit", warmModel,
            warmTime) })
        {
            double bound = model.GradientPasses * gradientPass + model.HessianPasses * hessianPass;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{what}: {model.GradientPasses} gradient passes x {gradientPass * 1e6:F1} us + " +
                    $"{model.HessianPasses} Hessian passes x {hessianPass * 1e6:F1} us = lower bound " +
                    $"{bound * 1e3:F3} ms; measured median {times[times.Length / 2] * 1e3:F3} ms = " +
                    $"{times[times.Length / 2] / bound:F2}x the bound"));
        }
        return 0;
    }

    /// <summary>One loss-and-gradient pass and one Hessian pass, each timed alone on one thread with the given
    /// layout.</summary>
    private static (double Gradient, double Hessian) PassSeconds(PreparedSplit split, int[] y, double[] p, double c,
        int chunkRows,
        int minWidth, int repeats)
    {
        var data = minWidth == 0 ? split.TrainX.Data.ToArray() : split.TrainX.Data;
        // a fresh array: the layout is cached per array
        var objective = new LogisticObjective(data, split.TrainX.Rows, split.TrainX.Cols, y,
            Enumerable.Repeat(1.0,
                y.Length).ToArray(), c, chunkRows, minWidth, new ParallelOptions { MaxDegreeOfParallelism = 1 });
        var g = new double[p.Length];
        var h = new double[p.Length * p.Length];
        double gradientPass = MedianSeconds(() => objective.Evaluate(p, g), repeats);
        double hessianPass = MedianSeconds(() => objective.Hessian(p, h), repeats);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"passes with --one-hot-min-width {minWidth} ({objective.GroupCount} one-hot groups read as codes): " +
                $"gradient {gradientPass * 1e6:F1} us, Hessian {hessianPass * 1e6:F1} us"));
        return (gradientPass, hessianPass);
    }

    /// <summary>Median over <paramref name="repeats"/> batches of the time of one call; each batch repeats the call
    /// until it has run <see cref="BatchSeconds"/> (so a 15 us gradient pass and a 15 ms Hessian pass are both timed
    /// well).</summary>
    private static double MedianSeconds(Action call, int repeats)
    {
        call();
        var times = new double[repeats];
        for (int r = 0; r < repeats; r++)
        {
            var sw = Stopwatch.StartNew();
            int calls = 0;
            do { call(); calls++; } while (sw.Elapsed.TotalSeconds < BatchSeconds);
            times[r] = sw.Elapsed.TotalSeconds / calls;
        }
        Array.Sort(times);
        return times[repeats / 2];
    }

    private const double BatchSeconds = 0.05;

    private const int WarmStartFlipEvery = 10;

    private static (LogisticRegressionModel Model, double[] Seconds) TimeFits(LogisticRegressionTrainer trainer,
        Data.DesignMatrix x, int[] y, int repeats)
    {
        var model = trainer.FitModel(x, y); // JIT warm-up
        var times = new double[repeats];
        for (int r = 0; r < repeats; r++)
        {
            var sw = Stopwatch.StartNew();
            model = trainer.FitModel(x, y);
            times[r] = sw.Elapsed.TotalSeconds;
        }
        Array.Sort(times);
        return (model, times);
    }

    private static void Report(string what, PreparedSplit split, LogisticRegressionModel model, double[] times,
        int repeats) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{what} (seed {split.Seed}, {split.TrainX.Rows} x {split.TrainX.Cols}, 1 thread): median " +
                $"{times[times.Length / 2]:F4} s, min {times[0]:F4} s over {repeats}; {model.Iterations} iterations " +
                $"({model.NewtonSteps} Newton), objective {model.Objective:R}"));
}
