// QuickStart: one minority collective action on the bundled COMPAS data, at growing collective sizes.
// The collective relabels some of its own training labels 0 -> 1 (ranked by RB-prob); the firm retrains unchanged.
// The budget is the whole pool (the default): past alpha of about 0.2 that overshoots, and a smaller budget does
// better (see 'faircollective reproduce collective-size', which takes the best budget at each alpha).
using System.Globalization;
using FairCollective;
using FairCollective.Collective;
using FairCollective.Data.Sources;

var data = DatasetCatalog.Load(DatasetCatalog.Compas);
Console.WriteLine($"{data.Name}: {data.RowCount} rows, minority {string.Join(", ", data.Sensitive.MinorityGroups)}");
Console.WriteLine("alpha  flips  EqOd before -> after  error before -> after");
foreach (double alpha in new[] { 0.1, 0.2, 0.3, 0.4 })
{
    var result = CollectiveAction.Run(data, new CollectiveActionOptions
    {
        Size = CollectiveSize.Share(alpha),
        Strategy = "RB-prob", Seed = 0
    });
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{alpha,5:0.0}  {result.Flipped.Length,5}  {result.Before!.EqOd,6:0.000} -> {result.After!.EqOd:0.000}      " +
            $"{result.Before.ErrorRate,6:0.000} -> {result.After.ErrorRate:0.000}"));
}
