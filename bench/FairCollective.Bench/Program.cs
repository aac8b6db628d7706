using BenchmarkDotNet.Running;
using FairCollective.Common;

namespace FairCollective.Bench;

/// <summary>Entry point: a named side-by-side scenario (see bench/README.md), or BenchmarkDotNet
/// micro-benchmarks.</summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length > 0 && Scenarios.All.TryGetValue(args[0], out var scenario))
        {
            try
            {
                return scenario(args[1..]);
            }
            catch (UserInputException e)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return 2;
            }
        }
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
