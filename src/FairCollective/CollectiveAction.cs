using FairCollective.Collective;
using FairCollective.Collective.Strategies;
using FairCollective.Common;
using FairCollective.Data;
using FairCollective.Data.Encoding;
using FairCollective.Data.Splitting;
using FairCollective.Fairness;
using FairCollective.Learning;
using FairCollective.Learning.Catalog;
using FairCollective.Mitigation.Defences;
using FairCollective.Pipeline;

namespace FairCollective;

/// <summary>
/// The library's front door: one minority collective action (Ben-Dov et al., arXiv 2508.15374) in one call.
/// <code>
/// var data = DatasetCatalog.Load("compas");
/// var options = new CollectiveActionOptions { Size = CollectiveSize.Share(0.3), Strategy = "RB-prob" };
/// var result = CollectiveAction.Run(data, options);
/// Console.WriteLine($"EqOd {result.Before!.EqOd:0.000} -> {result.After!.EqOd:0.000}");
/// </code>
/// On a <see cref="Dataset"/> it splits (stratified by label x group), encodes on the training rows, acts, refits the
/// firm and measures both firms on the untouched test rows. On arrays it acts on the training rows given, and
/// refits and measures only when test rows are given. Each step is also public on its own (CollectiveOrder, Pool,
/// the strategies of <see cref="StrategyCatalog"/>, Ranking, Relabelling, <see cref="LearnerCatalog"/>,
/// <see cref="FairnessReport"/>); the experiment runner (FairCollective.Experiments) runs whole grids of these.
/// </summary>
public static class CollectiveAction
{
    /// <summary>Group labels the report uses for the two groups of a boolean minority mask.</summary>
    public const string MinorityLabel = CollectivePipeline.MinorityLabel, MajorityLabel =
        CollectivePipeline.MajorityLabel;

    /// <summary>Splits and encodes <paramref name="data"/> for <see cref="CollectiveActionOptions.Seed"/>, acts, refits
    /// and measures.</summary>
    public static CollectiveActionResult Run(Dataset data, CollectiveActionOptions? options = null)
    {
        options ??= new CollectiveActionOptions();
        var split = SplitPreparation.Prepare(data.Name, data, EncoderOptions.Default, synthetic: null, options.Seed,
            options.TestFraction);
        return Run(split, options);
    }

    /// <summary>Acts on a prepared split (its training rows), refits the firm and measures both firms on its test
    /// rows.</summary>
    public static CollectiveActionResult Run(PreparedSplit split, CollectiveActionOptions? options = null) =>
        Run(split.TrainX, split.TrainY, split.TrainGroups, options, new TestRows(split.TestX, split.TestY,
            split.TestGroups), split.TrainP0AtCounterfactual,
            split.SensitiveColumns);

    /// <summary>
    /// Acts on encoded training rows: <paramref name="trainY"/> in {0, 1} (1 = favourable),
    /// <paramref name="trainGroups"/> the minority (acting group) and majority of each row. With
    /// <paramref name="test"/>, also refits the firm and measures it before and after.
    /// </summary>
    /// <param name="trainX">Encoded training features.</param>
    /// <param name="trainY">Training labels in {0, 1}, 1 = favourable.</param>
    /// <param name="trainGroups">Minority (acting group) or majority of each training row.</param>
    /// <param name="options">The action; defaults when null.</param>
    /// <param name="test">Test rows to refit and measure the firm on; none = the collective's side only.</param>
    /// <param name="oracleP0">Synthetic data only: P0(y = 1 | g(x)) per training row, which the Oracle strategy
    /// needs.</param>
    /// <param name="sensitiveColumns">Columns of <paramref name="trainX"/> that encode the sensitive attribute, left
    /// out of the strategies' default (counterfactual) scoring space; none when null.</param>
    public static CollectiveActionResult Run(DesignMatrix trainX, int[] trainY, GroupMembership trainGroups,
        CollectiveActionOptions? options = null,
        TestRows? test = null, double[]? oracleP0 = null, IReadOnlyList<int>? sensitiveColumns = null)
    {
        options ??= new CollectiveActionOptions();
        Check(trainX, trainY, trainGroups, "training");
        if (test is not null) Check(test.X, test.Y, test.Groups, "test");
        if (test is not null && test.X.Cols != trainX.Cols)
            throw new
                UserInputException($"the test rows have {test.X.Cols} columns and the training rows {trainX.Cols}");
        if (!StrategyCatalog.IsKnown(options.Strategy))
            throw new UserInputException($"unknown strategy '{options.Strategy}' (known: " +
                $"{string.Join(", ", StrategyCatalog.Names)})");

        var members = new CollectiveOrder(trainGroups.MinorityRows, options.Seed).Members(options.Size).ToArray();
        var inputs = new CollectiveInputs(ScoringFeatures.Of(trainX, sensitiveColumns ?? [],
            options.StrategySettings.ScoringSpace), trainY, members,
            MajorityKnowledge.Known(trainGroups.MajorityRows, options.MajorityRows, options.Seed), options.Seed)
        { OracleP0 = oracleP0 };
        var ranked = CollectivePipeline.Rank(inputs, new RankingChoice(options.Strategy, options.StrategySettings,
            options.PlausibleMin)
        {
            Options = options.StrategyOptions,
            PlausibleModel = options.PlausibleModel ?? (options.StrategyOptions as RbProbOptions
                ?? new RbProbOptions()).Model,
        },
            name => LearnerCatalog.Create(name, options.LearnerSettings, options.Seed));
        int flips = ranked.FlipCount(options.Budget);
        var relabelled = ranked.Relabel(trainY, flips);

        FairnessReport? before = null, after = null;
        DefenceDetection? detection = null;
        if (test is not null)
        {
            var trainer = LearnerCatalog.Create(options.Learner, options.LearnerSettings, options.Seed);
            var baseModel = trainer.Fit(trainX, trainY);
            // Every later fit starts warm from the undefended base model (the same optimum, fewer iterations).
            var warm = LearnerCatalog.WarmStartedFrom(trainer, baseModel);
            var shared = options.Defence.IsNone ? null : new TrainingRowsWork(trainX);
            var firmBefore = options.Defence.IsNone ? new FittedFirm(baseModel, null)
                : CollectivePipeline.Fit(warm, trainX, trainY, options.Defence, options.Seed, trainGroups,
                    shared: shared);
            var firmAfter = flips == 0 ? firmBefore
                : CollectivePipeline.Fit(warm, trainX, relabelled, options.Defence, options.Seed, trainGroups,
                    ranked.FlippedFlags(trainY.Length, flips), shared);
            before = Measure(firmBefore.Model, test);
            after = flips == 0 ? before : Measure(firmAfter.Model, test);
            // With no flips, the firm after is the firm before, whose flags are counted against no flips.
            detection = firmAfter.Detection;
        }
        return new CollectiveActionResult
        {
            Members = members, Pool = ranked.Pool, Scores = ranked.Scores, ScoringRule = ranked.Rule, Ranking =
                ranked.Ranking,
            Flipped = ranked.FlippedRows(flips).Order().ToArray(),
            RelabelledLabels = relabelled, Before = before, After = after, Detection = detection,
        };
    }

    /// <summary>The firm's metrics of <paramref name="model"/> on <paramref name="test"/>, minority against
    /// majority.</summary>
    public static FairnessReport Measure(IClassifier model, TestRows test) => CollectivePipeline.Report(test.Y,
        model.Predict(test.X), test.Groups);

    private static void Check(DesignMatrix x, int[] y, GroupMembership groups, string what)
    {
        if (y.Length != x.Rows || groups.Count != x.Rows)
            throw new UserInputException($"the {what} rows disagree: {x.Rows} feature rows, {y.Length} labels, " +
                $"{groups.Count} group flags");
        if (y.Any(v
            => v is not (0 or 1))) throw new UserInputException($"the {what} labels must be 0 or 1 (1 = favourable)");
        if (groups.MinorityCount == 0 || groups.MajorityCount == 0)
            throw new UserInputException($"the {what} rows need both groups (a minority and a majority row at least)");
    }
}

/// <summary>Encoded test rows: features, labels in {0, 1}, and each row's group.</summary>
/// <param name="X">Encoded test features (same columns as the training rows).</param>
/// <param name="Y">Test labels, 1 = favourable.</param>
/// <param name="Groups">Minority (acting group) or majority of each row.</param>
public sealed record TestRows(DesignMatrix X, int[] Y, GroupMembership Groups);
