// ExperimentInCode: a small grid (three strategies, four collective sizes, two seeds) built in code, run into a
// results store, and summarised: best EqOd by alpha, mean and spread over seeds.
using System.Globalization;
using FairCollective.Collective;
using FairCollective.Experiments.Running;
using FairCollective.Experiments.Specs;
using FairCollective.Experiments.Store;
using FairCollective.Experiments.Summaries;

var spec = new ExperimentSpec
{
    Name = "in-code", Datasets = [new DatasetChoice("compas")], Learners = ["logistic"], Strategies = ["RB-prob",
        "RB-label", "RB-dist"],
    Sizes = [.. new[] { 0.1, 0.2, 0.3, 0.4 }.Select(CollectiveSize.Share)],
    Budgets = [.. GridAxis.Range(0, 1, 0.25).Select(FlipBudget.ShareOfPool)], MajorityRows = [null], Seeds = [0, 1],
};
string storePath = Path.Combine(Path.GetTempPath(), $"faircollective-sample-{Environment.ProcessId}.sqlite");
using (var store = ResultsStore.Open(storePath))
{
    var summary = new ExperimentRunner(new RunnerOptions(), SilentProgress.Instance).Run(spec, store);
    Console.WriteLine($"{summary.Computed} cells in {summary.Elapsed.TotalSeconds:0.0} s");
    foreach (var row in ResultsSummary.BestByAlpha(store.Cells(spec.Name)))
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{row.Method,-9} alpha {row.Alpha:0.0}: best EqOd {row.EqOd} at {row.BestBudget}"));
}
foreach (var f in new[] { storePath, storePath + "-wal", storePath + "-shm" }) File.Delete(f);
