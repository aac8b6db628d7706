using System.CommandLine;
using FairCollective.Common;
using FairCollective.Experiments.Running;
using FairCollective.Experiments.Specs;

namespace FairCollective.Cli.Commands;

/// <summary>`scores &lt;dataset&gt; -o FILE`: the base model's scores that post-processors see, as CSV, for checking
/// them with another library.</summary>
public static class ScoresCommand
{
    /// <summary>The <c>scores</c> command (<see cref="BaseScores"/>).</summary>
    public static Command Create()
    {
        var dataset = new Argument<string>("dataset")
        {
            Description =
            "A catalog name or a data file recognised by its columns."
        };
        var seed = new Option<int>("--seed")
        {
            Description = "Seed of the split and the learner.",
            DefaultValueFactory = _ => 0
        };
        var test = new Option<double>("--test-fraction")
        {
            Description = "Share of rows in the test split.",
            DefaultValueFactory = _ => SpecDefaults.TestFraction
        };
        var validation = new Option<double>("--validation-fraction")
        {
            Description = "Share of rows carved from training as the validation split the post-processors are fitted " +
                "on (0: fit on the training split).",
            DefaultValueFactory = _ => 0,
        };
        var output = new Option<string>("--output",
            "-o")
        { Description = "CSV file to write: split,label,minority,score,prediction.", Required = true };
        var cmd = new Command("scores",
            "Write the base model's scores on the rows post-processors are fitted on and on the test split, as an " +
            "experiment builds them, to check post-processing with another library.")
        {
            dataset, seed, test, validation, output,
        };
        cmd.SetAction(parse =>
        {
            double t = parse.GetValue(test), v = parse.GetValue(validation);
            if (!(t > 0 && t < 1))
                throw new UserInputException($"--test-fraction must lie strictly between 0 and 1; got {t}");
            if (!(v >= 0 && v + t < 1))
                throw new UserInputException($"--validation-fraction must be >= 0 and leave training rows beside " +
                    $"--test-fraction {t}; got {v}");
            var scores = BaseScores.Of(parse.GetValue(dataset)!, parse.GetValue(seed), t, v);
            var path = parse.GetValue(output)!;
            scores.WriteCsv(path);
            parse.InvocationConfiguration.Output.WriteLine($"{scores.FitScores.Length} {scores.FitSplit} and " +
                $"{scores.TestScores.Length} test rows of {scores.Dataset} (seed {scores.Seed}) written to {path}; " +
                $"sha256 {scores.Sha256()}");
            return 0;
        });
        return cmd;
    }
}
