// Countermeasures: the firm screens the labels it receives with each defence of the catalog (k-NN sanitisation,
// confident learning, loss filtering, RONI), and the collective answers by flipping only members the majority model
// finds plausible. For each: the collective's EqOd gain against that firm, and how many of its flips the defence
// caught. The whole experiment, with seeds and figures: 'faircollective reproduce countermeasures' (docs/method.md
// section 8).
using System.Globalization;
using FairCollective;
using FairCollective.Collective;
using FairCollective.Data.Sources;
using FairCollective.Mitigation.Defences;

var data = DatasetCatalog.Load(DatasetCatalog.Compas);
Console.WriteLine("defence             plausible  flips  EqOd without -> with the collective  gain    flips caught  " +
    "honest minority flagged");
foreach (var name in DefenceCatalog.Names)
    foreach (double plausible in new[] { 0.0, 0.5 })
    {
        var options = new CollectiveActionOptions
        {
            Size = CollectiveSize.Share(0.3), Budget = FlipBudget.ShareOfPool(0.5), Strategy = "RB-prob", Seed = 0,
            Defence = DefenceCatalog.Choice(name), PlausibleMin = plausible,
        };
        var r = CollectiveAction.Run(data, options);
        string caught = r.Detection is { } d ? $"{d.Recall,12:0%}  {d.FalseFlagsMinority,23:0%}" :
            $"{"-",12}  {"-",23}";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-19} {plausible,9:0.0}  {r.Flipped.Length,5}  {r.Before!.EqOd,12:0.000} -> " +
                $"{r.After!.EqOd:0.000}{"",20}  {r.Before.EqOd - r.After.EqOd,5:+0.000;-0.000}  {caught}"));
    }
