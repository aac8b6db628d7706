using FairCollective.Collective.Strategies;
using System.Runtime.InteropServices;
using System.Text.Json;
using FairCollective.Experiments.Reproduction;
using FairCollective.Experiments.Running;
using FairCollective.Experiments.Specs;

namespace FairCollective.Bench.Pipeline;

/// <summary>
/// `pipeline-export --dataset NAME [--seeds 0-4] --out DIR`: writes, per seed, exactly the encoded train/test
/// matrices, labels and minority flags the runner uses (<see cref="DataPreparation.Prepare"/> with the
/// collective-size spec's test fraction), so bench/sklearn/collective_size.py fits on the same data and splits.
/// Layout: DIR/manifest.json (shapes, files, the grid) and DIR/seed{S}/{train,test}_{x.f64,y.i32,minority.i32}:
/// raw little-endian arrays without header, X row-major float64, labels and minority flags (0/1) int32.
/// </summary>
internal static class PipelineExport
{
    public const string Name = "pipeline-export";

    public static int Run(string[] args)
    {
        var a = new ScenarioArgs(Name, args, "--dataset", "--seeds", "--out");
        string dataset = a.Required("--dataset"), outDir = a.Required("--out");
        var spec = PaperExperiments.Create(PaperExperiments.CollectiveSize,
            [dataset]) with
        { Strategies = StrategyCatalog.Practical };
        var seeds = a.Seeds("--seeds", spec.Seeds);
        var loaded = DatasetResolver.Load(spec.Datasets[0]);
        Directory.CreateDirectory(outDir);

        var splits = new List<object>();
        IReadOnlyList<string> columns = [];
        foreach (int seed in seeds)
        {
            var split = loaded.Prepare(seed, spec.TestFraction);
            string dir = $"seed{seed}";
            Directory.CreateDirectory(Path.Combine(outDir, dir));
            var files = new Dictionary<string, string>
            {
                ["train_x"] = Write(outDir, dir, "train_x.f64", split.TrainX.Data),
                ["train_y"] = Write(outDir, dir, "train_y.i32", split.TrainY),
                ["train_minority"] = Write(outDir, dir, "train_minority.i32", split.TrainGroups.Codes.ToArray()),
                ["test_x"] = Write(outDir, dir, "test_x.f64", split.TestX.Data),
                ["test_y"] = Write(outDir, dir, "test_y.i32", split.TestY),
                ["test_minority"] = Write(outDir, dir, "test_minority.i32", split.TestGroups.Codes.ToArray()),
            };
            columns = split.TrainX.ColumnNames;
            // The strategies score without the sensitive attribute's columns (the default scoring space): the
            // counterpart drops the same columns.
            splits.Add(new
            {
                seed, train_rows = split.TrainX.Rows, test_rows = split.TestX.Rows,
                cols = split.TrainX.Cols, sensitive_columns = split.SensitiveColumns, files
            });
            Console.WriteLine($"seed {seed}: train {split.TrainX.Rows} x {split.TrainX.Cols}, test " +
                $"{split.TestX.Rows}, minority in train {split.MinorityTrainRows.Count}");
        }

        var manifest = new
        {
            dataset = loaded.Name,
            experiment = spec.Name,
            test_fraction = spec.TestFraction,
            byte_order = "little",
            column_names = columns,
            grid = Grid(spec),
            splits,
        };
        File.WriteAllText(Path.Combine(outDir, "manifest.json"), JsonSerializer.Serialize(manifest,
            new JsonSerializerOptions { WriteIndented = true }));
        Console.WriteLine($"wrote {Path.Combine(outDir, "manifest.json")}");
        return 0;
    }

    /// <summary>The collective-size grid as the Python side needs it (so both sides read one definition).</summary>
    private static object Grid(ExperimentSpec spec) => new
    {
        alphas = spec.Sizes.Select(s => s.Fraction!.Value).ToArray(),
        budget_fractions = spec.Budgets.Select(b => b.Fraction!.Value).ToArray(),
        strategies = spec.Strategies,
        k = spec.OptionsOf<FairCollective.Collective.Strategies.NeighbourStrategyOptions>(
            FairCollective.Collective.Strategies.StrategyCatalog.RbLabel).K,
        c = spec.Learner.C,
        seeds = spec.Seeds,
    };


    private static string Write<T>(string root, string dir, string file, T[] values) where T : struct
    {
        if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("the export format is little-endian");
        string relative = Path.Combine(dir, file);
        File.WriteAllBytes(Path.Combine(root, relative), MemoryMarshal.AsBytes(values.AsSpan()).ToArray());
        return relative;
    }
}
