using System.Diagnostics;
using System.Globalization;
using FairCollective.Data.Splitting;
using FairCollective.Experiments.Reproduction;
using FairCollective.Experiments.Running;
using FairCollective.Mitigation.Steering;

namespace FairCollective.Bench.Pipeline;

/// <summary>
/// `steering-solver --dataset NAME [--seeds 0,1,2,3,4] [--shrinkage 0.01]`: the full-covariance steering problem of the
/// firm-side experiment's splits (the same training rows its Steering-EF-Affirmative-Full cells move), solved with the
/// given covariance shrinkage: per seed the Newton steps, the final gradient norm against the tolerance, and the
/// solve's seconds. With shrinkage 0 the cell covariances are singular (one-hot columns, the group column, categories
/// absent from a cell) and only the variance floor regularises them: what method.md's choice of shrinkage is measured
/// against.
/// </summary>
internal static class SteeringSolver
{
    public const string Name = "steering-solver";

    public static int Run(string[] args)
    {
        var a = new ScenarioArgs(Name, args, "--dataset", "--seeds", "--shrinkage");
        var spec = PaperExperiments.Create(PaperExperiments.FirmSide, [a.Required("--dataset")]);
        var seeds = a.Seeds("--seeds", spec.Seeds);
        double shrinkage = a.Double("--shrinkage", SteeringOptions.DefaultCovarianceShrinkage);
        var options = new SteeringOptions
        {
            Mode = SteeringMode.Affirmative, Covariance = CovarianceKind.Full,
            CovarianceShrinkage = shrinkage
        };
        var data = DatasetResolver.Load(spec.Datasets[0]);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{Name}: {data.Name}, shrinkage {shrinkage:R}, at most {options.MaxIterations} Newton steps, gradient " +
                $"tolerance {options.GradientTolerance:E0}"));
        foreach (int seed in seeds)
        {
            var dataSplit = StratifiedSplitter.Split(data.Data, new SplitOptions
            {
                Seed = seed,
                TestFraction = spec.TestFraction, ValidationFraction = spec.ValidationFraction,
                Stratify = spec.Stratify
            });
            var split = data.Prepare(seed, spec.TestFraction, dataSplit);
            var clock = Stopwatch.StartNew();
            var solution = SteeringPipeline.Solve(split.TrainX, split.TrainY, split.TrainGroups.Codes, options);
            double seconds = clock.Elapsed.TotalSeconds;
            string reached = solution.SolverGradientNorm <= options.GradientTolerance ? "reached the tolerance" :
                "stopped above the tolerance";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"seed {seed}: d = {split.TrainX.Cols}, {solution.SolverIterations} Newton steps, gradient norm " +
                    $"{solution.SolverGradientNorm:E2} ({reached}), {seconds:F3} s"));
        }
        return 0;
    }
}
