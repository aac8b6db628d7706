using FairCollective.Collective;
using FairCollective.Experiments.Running;
using FairCollective.Experiments.Specs;
using FairCollective.Experiments.Store;
using FairCollective.Experiments.Summaries;
using FairCollective.Fairness;
using FairCollective.Mitigation.FirmSide;

namespace FairCollective.Tests.Experiments;

[Trait(TestKind.Name, TestKind.Integration)]
public sealed class FirmSideRunTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("fc-firmside-").FullName;

    [Fact]
    public void EveryFirmSideMethodRunsBesideTheCollectiveAndTracesAFront()
    {
        var spec = SpecParser.Parse("""
            name: fs
            datasets: [synthetic]
            strategies: [RB-prob]
            alphas: [0.2]
            budgets: {fractions: [0.5, 1]}
            seeds: [0, 1]
            firm_side: [Reweighing, Massaging, FARE, Steering-EF-Affirmative, Steering-EF-Affirmative-Full,
                        Steering-EF-All, CalibratedEqOdds, CalibratedEqOdds-FPR, CalibratedEqOdds-FNR,
                        EqOddsPostProcessing, ThresholdOptimizer]
            """);
        using var store = ResultsStore.Open(Path.Combine(_dir, "fs.sqlite"));
        new ExperimentRunner(new RunnerOptions(), SilentProgress.Instance).Run(spec, store);
        var cells = store.Cells();
        foreach (var method in FirmSideCatalog.All)
        {
            var mine = cells.Where(c => c.Method == method.Name).ToArray();
            Assert.Equal(2 * method.DefaultKnobs.Count, mine.Length);
            Assert.All(mine, c => Assert.InRange(c.Metrics[MetricKeys.Error], 0, 1));
            // Firm-side cells carry test-row intervals like every other cell, around their own value.
            Assert.All(mine, c => Assert.InRange(c.Metrics[MetricKeys.Error], c.Metrics[MetricKeys.ErrorLow],
                c.Metrics[MetricKeys.ErrorHigh]));
            Assert.All(mine, c
                => Assert.True(c.Metrics.ContainsKey(MetricKeys.IntervalLow(MetricKeys.DemographicParity))));
        }
        // FARE stores its certificate, a bound on the demographic-parity gap of any classifier on its leaves: it lies
        // in [0, 1] and, being a 95% population bound from held-out rows, above the gap the firm's classifier shows on
        // test.
        var fare = cells.Where(c => c.Method == "FARE").ToArray();
        Assert.All(fare, c => Assert.InRange(c.Metrics[MetricKeys.FareDemographicParityBound], 0, 1));
        Assert.All(fare, c
            => Assert.True(c.Metrics[MetricKeys.FareDemographicParityBound] >= c.Metrics[MetricKeys.DemographicParity],
            $"knob {c.Knob}: bound {c.Metrics[MetricKeys.FareDemographicParityBound]} < measured " +
                $"{c.Metrics[MetricKeys.DemographicParity]}"));
        Assert.Contains(FairCollective.Reporting.Tables.FareCertificateTable.Of(cells), t
            => t.Rows.Count == FirmSideCatalog.Get("FARE").DefaultKnobs.Count);
        // Full-covariance steering records where its solver stopped: at the gradient tolerance, in a few Newton steps.
        Assert.All(cells.Where(c => c.Method == "Steering-EF-Affirmative-Full"), c =>
        {
            Assert.InRange(c.Metrics[MetricKeys.SteeringGradientNorm], 0,
                FairCollective.Mitigation.Steering.SteeringOptions.DefaultGradientTolerance);
            Assert.InRange(c.Metrics[MetricKeys.SteeringIterations], 1, 40);
        });
        var solver = Assert.Single(FairCollective.Reporting.Tables.SteeringSolverTable.Of(cells)).Rows.Single();
        Assert.Equal(["synthetic", "logistic", "8"], solver.Take(3));
        // Randomised post-processors also report their expected outcome.
        Assert.All(cells.Where(c
            => c.Method is "EqOddsPostProcessing" or "CalibratedEqOdds" or "CalibratedEqOdds-FPR" or
            "CalibratedEqOdds-FNR" or "ThresholdOptimizer"),
            c => Assert.True(c.Metrics.ContainsKey(MetricKeys.EqOdExpected)));
        // Equalized-odds post-processing at full strength equalises the expected rates on the data it was fitted on;
        // on the test split the expected EqOd is far below the base's.
        double baseEqOd = cells.Where(c => c.Method == "Base").Average(c => c.Metrics[MetricKeys.EqOd]);
        double postEqOd = cells.Where(c => c.Method == "EqOddsPostProcessing" && c.Knob == 1).Average(c
            => c.Metrics[MetricKeys.EqOdExpected]);
        Assert.True(postEqOd < baseEqOd / 2, $"expected EqOd {postEqOd} vs base {baseEqOd}");

        var fronts = FirmSideSummary.Compute(cells).Single().Fronts;
        Assert.Contains(FirmSideSummary.CollectiveSeries, fronts.Keys);
        foreach (var front in fronts.Values)
            for (int i = 1; i < front.Count; i++)
                Assert.True(front[i].Error >= front[i - 1].Error && front[i].EqOd < front[i - 1].EqOd);
    }

    [Fact]
    public void PostProcessorsFitOnTheValidationSplitByDefaultAndTheStoreBindsTheChoice()
    {
        const string Spec = "name: fit\ndatasets: [compas]\nstrategies: [RB-prob]\nalphas: [0.2]\nbudgets: " +
            "{fractions: [1]}\nseeds: [0]\nvalidation_fraction: 0.2\nfirm_side: {ThresholdOptimizer: [0], " +
            "CalibratedEqOdds: [0.5]}\n";
        var spec = SpecParser.Parse(Spec);
        Assert.Equal(PostProcessingFit.Validation, spec.EffectivePostProcessingFit);
        using (var store = ResultsStore.Open(Path.Combine(_dir, "fit.sqlite")))
        {
            new ExperimentRunner(new RunnerOptions(), SilentProgress.Instance).Run(spec, store);
            var firm = store.Cells().Where(c => c.Knob is not null).ToArray();
            Assert.Equal(2, firm.Length);
            Assert.All(firm, c => Assert.Equal(PostProcessingFit.Validation, c.Config!.PostProcessingFit));
            // The same spec fitted on the training split gives other numbers, and the store refuses to mix the two.
            var training = SpecParser.Parse(Spec + "firm_side_fit: training\n");
            var e = Assert.Throws<FairCollective.Common.UserInputException>(()
                => new ExperimentRunner(new RunnerOptions(), SilentProgress.Instance).Run(training, store));
            Assert.Contains("firm_side_fit is validation in the store and training now", e.Message);
        }
        using var other = ResultsStore.Open(Path.Combine(_dir, "fit-training.sqlite"));
        new ExperimentRunner(new RunnerOptions(),
            SilentProgress.Instance).Run(SpecParser.Parse(Spec + "firm_side_fit: training\n"), other);
        var onTraining = other.Cells().Single(c => c.Method == "ThresholdOptimizer");
        using var first = ResultsStore.Open(Path.Combine(_dir, "fit.sqlite"), StoreAccess.Read);
        Assert.NotEqual(first.Cells().Single(c => c.Method == "ThresholdOptimizer").Metrics[MetricKeys.EqOd],
            onTraining.Metrics[MetricKeys.EqOd]);
    }

    [Fact]
    public void EveryFirmSideCellIsAlsoMeasuredOnTheValidationSplitSoItsKnobCanBeChosenThere()
    {
        var spec = new ExperimentSpec
        {
            Name = "rwv", Datasets = [new DatasetChoice("compas")], Learners = ["logistic"], Strategies = ["Random"],
            Sizes = [CollectiveSize.Share(0)], Budgets = [FlipBudget.Flips(0)], MajorityRows = [null], Seeds = [3],
            ValidationFraction = 0.2,
            FirmSide = [new FirmSideChoice("Reweighing", [0.0]), new FirmSideChoice("ThresholdOptimizer", [0.0]),
                new FirmSideChoice("FARE", [0.5]),
                new FirmSideChoice("EqOddsPostProcessing", [1.0]), new FirmSideChoice("CalibratedEqOdds",
                    [0.5]), new FirmSideChoice("Steering-EF-All", [1.0])],
        };
        using var store = ResultsStore.Open(Path.Combine(_dir, "rwv.sqlite"));
        new ExperimentRunner(new RunnerOptions(), SilentProgress.Instance).Run(spec, store);
        var cells = store.Cells();
        string validationEqOd = MetricKeys.OnValidation(MetricKeys.EqOd), validationError =
            MetricKeys.OnValidation(MetricKeys.Error);
        Assert.All(cells, c => Assert.True(c.Metrics.ContainsKey(validationEqOd)
            && c.Metrics.ContainsKey(validationError), $"{c.Method} has no validation metrics"));
        // Reweighing at strength 0 is the base firm: the same model, so the same numbers on validation as on test.
        var base0 = cells.Single(c => c.Method == "Base");
        var reweighing = cells.Single(c => c.Method == "Reweighing");
        Assert.Equal(base0.Metrics[validationEqOd], reweighing.Metrics[validationEqOd]);
        Assert.Equal(base0.Metrics[validationError], reweighing.Metrics[validationError]);
        // A post-processor fitted on the validation split equalises odds there exactly at tolerance 0 (up to its
        // randomisation).
        Assert.True(cells.Single(c
            => c.Method == "ThresholdOptimizer").Metrics[validationEqOd] < base0.Metrics[validationEqOd]);
    }

    [Fact]
    public void ReweighingAtStrengthZeroIsTheBaseFirm()
    {
        var spec = new ExperimentSpec
        {
            Name = "rw0", Datasets = [new DatasetChoice("synthetic")], Learners = ["logistic"], Strategies = ["Random"],
            Sizes = [CollectiveSize.Share(0)], Budgets = [FlipBudget.Flips(0)], MajorityRows = [null], Seeds = [3],
            FirmSide = [new FirmSideChoice("Reweighing", [0.0])],
        };
        using var store = ResultsStore.Open(Path.Combine(_dir, "rw.sqlite"));
        new ExperimentRunner(new RunnerOptions(), SilentProgress.Instance).Run(spec, store);
        var cells = store.Cells();
        Assert.Equal(cells.Single(c => c.Method == "Base").Metrics[MetricKeys.EqOd], cells.Single(c
            => c.Method == "Reweighing").Metrics[MetricKeys.EqOd]);
    }

    [Fact]
    public void UnknownFirmSideMethodIsNamed() =>
        Assert.Contains("unknown firm-side method 'Magic'",
            Assert.Throws<FairCollective.Common.UserInputException>(() => SpecParser.Parse("""
            datasets: [synthetic]
            strategies: [RB-prob]
            alphas: [0.2]
            budgets: {counts: [1]}
            seeds: [0]
            firm_side: [Magic]
            """)).Message);

    [Fact]
    public void AMethodsOptionsReachItsCellsAndAStoreRefusesOthers()
    {
        ExperimentSpec Spec(string leaves) => SpecParser.Parse("""
            name: fs-options
            datasets: [synthetic]
            strategies: [RB-prob]
            alphas: [0.2]
            budgets: {fractions: [0.5]}
            seeds: [0]
            firm_side: {FARE: {knobs: [0.5], options: {max_leaves: LEAVES}}, Reweighing: [1]}
            """.Replace("LEAVES", leaves, StringComparison.Ordinal));
        var two = Spec("2");
        Assert.Equal(2,
            System.Text.Json.JsonDocument.Parse(two.FirmSide[0].OptionsJson!).RootElement.GetProperty("MaxLeaves")
            .GetInt32());
        Assert.Null(two.FirmSide[1].OptionsJson); // Reweighing's knob is its one setting
        // The written spec keeps the options and reads back to them.
        Assert.Equal(two.FirmSide[0].OptionsJson, SpecParser.Parse(SpecWriter.Write(two),
            "w.json").FirmSide[0].OptionsJson);
        using var store = ResultsStore.Open(Path.Combine(_dir, "fso.sqlite"));
        new ExperimentRunner(new RunnerOptions(), SilentProgress.Instance).Run(two, store);
        var fare = Assert.Single(store.Cells(), c => c.Method == "FARE");
        Assert.Equal(two.FirmSide[0].OptionsJson, fare.Config!.FirmSideOptionsJson);
        // Two leaves: the firm sees one binary feature, so it predicts at most two distinct scores; 32 leaves do
        // better.
        using var other = ResultsStore.Open(Path.Combine(_dir, "fso32.sqlite"));
        new ExperimentRunner(new RunnerOptions(), SilentProgress.Instance).Run(Spec("32"), other);
        var fare32 = Assert.Single(other.Cells(), c => c.Method == "FARE");
        Assert.NotEqual(fare.Key, fare32.Key);
        Assert.True(fare32.Metrics[MetricKeys.Error] < fare.Metrics[MetricKeys.Error],
            $"32 leaves: error {fare32.Metrics[MetricKeys.Error]}; 2 leaves: {fare.Metrics[MetricKeys.Error]}");
        var refused = Assert.Throws<FairCollective.Common.UserInputException>(() =>
            new ExperimentRunner(new RunnerOptions(), SilentProgress.Instance).Run(Spec("32"), store));
        Assert.Contains("firm-side method 'FARE' options differ: MaxLeaves is 2 in the store and 32 now",
            refused.Message);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
