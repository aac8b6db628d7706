using FairCollective.Bench.Pipeline;

namespace FairCollective.Bench;

/// <summary>
/// Named side-by-side scenarios (`dotnet run -c Release --project bench/FairCollective.Bench -- NAME [options]`),
/// each timed against a Python counterpart under bench/sklearn. Register a scenario by adding one row.
/// </summary>
internal static class Scenarios
{
    public static readonly IReadOnlyDictionary<string, Func<string[], int>> All = new Dictionary<string, Func<string[],
        int>>
    {
        ["logreg"] = LogisticRegressionBench.Run,
        ["knn"] = KnnScenario.Run,
        [PipelineExport.Name] = PipelineExport.Run,
        [PipelineTiming.Name] = PipelineTiming.Run,
        [NationalScoring.Name] = NationalScoring.Run,
        [RefitProfile.Name] = RefitProfile.Run,
        [SteeringSolver.Name] = SteeringSolver.Run,
        [StartupTiming.Name] = StartupTiming.Run,
        [Planning.PlanSpeed.Name] = Planning.PlanSpeed.Run,
        [Planning.PlanValidationScenario.Name] = Planning.PlanValidationScenario.Run,
    };
}
