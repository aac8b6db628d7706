using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using FairCollective.Common;
using FairCollective.Data;
using FairCollective.Neighbours;

namespace FairCollective.Bench;

/// <summary>
/// Side-by-side exact k-NN scenario (bench/README.md, "Exact k-NN"). Data: reference and query rows with
/// independent N(0, 1) coordinates (Box-Muller on Seeds.Create(seed, "knn-bench-reference" / "knn-bench-queries")),
/// written as raw little-endian float64 row-major files so bench/sklearn/knn_bench.py reads the very same numbers
/// with numpy.fromfile; our neighbour indices are written as int32 for its agreement check.
/// </summary>
public static class KnnScenario
{
    public static int Run(string[] args)
    {
        try
        {
            return Execute(ParseArgs(args));
        }
        catch (Exception e) when (e is UserInputException or FormatException or ArgumentException)
        {
            Console.Error.WriteLine($"knn: {e.Message}");
            return 2;
        }
    }

    private static int Execute(Args opts)
    {
        int nq = opts.Int("queries", 50_000), n = opts.Int("refs", 400_000), d = opts.Int("dim", 10);
        int k = opts.Int("k", 10), seed = opts.Int("seed", 0), threads = opts.Int("threads", -1);
        var algorithm = Enum.Parse<KnnAlgorithm>(opts.Str("algorithm", "Auto"), ignoreCase: true);
        string dir = opts.Str("out", Path.Combine("out", $"knn_q{nq}_r{n}_d{d}_s{seed}"));
        Directory.CreateDirectory(dir);

        var reference = Gaussian(n, d, seed, "knn-bench-reference");
        var queries = Gaussian(nq, d, seed, "knn-bench-queries");
        WriteRaw(Path.Combine(dir, "reference.f64"), reference.Data);
        WriteRaw(Path.Combine(dir, "queries.f64"), queries.Data);

        var options = new KnnOptions { Algorithm = algorithm, MaxDegreeOfParallelism = threads };
        var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
        var total = Stopwatch.StartNew();
        var knn = new ExactKnn(reference, options);
        double buildSeconds = total.Elapsed.TotalSeconds;
        var result = knn.Query(queries, k);
        double totalSeconds = total.Elapsed.TotalSeconds;
        double cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalSeconds;
        WriteRaw(Path.Combine(dir, $"csharp_indices_k{k}.i32"), result.Indices);

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"knn csharp algorithm={knn.Algorithm} queries={nq} refs={n} dim={d} k={k} " +
                $"threads={(threads > 0 ? threads : Environment.ProcessorCount)} " +
            $"build_s={buildSeconds:F3} query_s={totalSeconds - buildSeconds:F3} total_s={totalSeconds:F3} " +
                $"cpu_s={cpuSeconds:F3}"));
        Console.WriteLine($"data and indices in {dir}");
        return 0;
    }

    private static DesignMatrix Gaussian(int rows, int cols, int seed, string purpose)
    {
        var rng = Seeds.Create(seed, purpose);
        var data = new double[(long)rows * cols];
        for (long i = 0; i < data.Length; i++)
            data[i] = Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
        return new DesignMatrix(rows, cols, data);
    }

    private static void WriteRaw<T>(string path, T[] values) where T : unmanaged
    {
        using var f = File.Create(path);
        f.Write(MemoryMarshal.AsBytes(values.AsSpan()));
    }

    private sealed record Args(Dictionary<string, string> Values)
    {
        public int Int(string name, int fallback) =>
            Values.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        public string Str(string name, string fallback) => Values.GetValueOrDefault(name, fallback);
    }

    private static Args ParseArgs(string[] args)
    {
        var values = new Dictionary<string, string>();
        if (args.Length % 2 != 0) throw new UserInputException($"option '{args[^1]}' has no value.");
        for (int i = 0; i < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--",
                StringComparison.Ordinal)) throw new UserInputException($"expected --option value, got '{args[i]}'.");
            values[args[i][2..]] = args[i + 1];
        }
        return new Args(values);
    }
}
