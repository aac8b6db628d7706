using FairCollective.Collective;
using FairCollective.Collective.Strategies;
using FairCollective.Data;
using FairCollective.Fairness;
using FairCollective.Learning;
using FairCollective.Mitigation.Defences;

namespace FairCollective.Pipeline;

/// <summary>
/// The one collective pipeline every caller runs (the front door, the experiment runner, the planner, the toy figure
/// and the plan validation): rank (members -> pool -> plausible restriction -> strategy scores -> ranking), relabel the
/// first flips, fit the firm (screened by its defence, if it has one) and measure it. Each step is a function of its
/// inputs, so callers can cache a ranking across budgets or a base model across cells without changing a result.
/// </summary>
public static class CollectivePipeline
{
    /// <summary>Group labels a <see cref="FairnessReport"/> of the two groups uses.</summary>
    public const string MinorityLabel = "minority", MajorityLabel = "majority";

    // Indexed by GroupMembership's codes (majority 0, minority 1), which is also the ordinal order GroupIndex keeps
    // names in.
    private static readonly string[] GroupNames = [MajorityLabel, MinorityLabel];

    /// <summary>Scores and ranks the collective's pool once; every budget then reads its first flips.</summary>
    /// <param name="inputs">The rows, members, known majority rows and random draws.</param>
    /// <param name="choice">The strategy, its settings and the plausible-flips threshold.</param>
    /// <param name="trainerFor">Builds a trainer by learner name (RB-prob's and the plausible restriction's majority
    /// model).</param>
    public static RankedCollective Rank(CollectiveInputs inputs, RankingChoice choice, Func<string,
        ITrainer> trainerFor)
    {
        var pool = Pool.Of(inputs.Members, inputs.Labels);
        // Members but none labelled 0: no strategy is asked to score nobody, and the rule says why nothing flips. (No
        // members at all, alpha 0, and a pool the plausible threshold empties keep the strategy's own rule, as stores
        // written before this hold it.)
        bool noneLabelled0 = pool.Length == 0 && inputs.Members.Length > 0;
        StrategyContext Context(int[] of) => new(inputs.ScoringFeatures, inputs.Labels, of, inputs.KnownMajority,
            inputs.Seed, inputs.OracleP0,
            inputs.RandomPriorities);
        // The plausible-flips answer to defences: only members the majority model finds plausible as 1 form the pool.
        if (choice.PlausibleMin > 0) pool = PlausibleFlips.Restrict(Context(pool), choice.PlausibleMin,
            trainerFor(choice.PlausibleModel));
        var scores = noneLabelled0
            ? new PoolScores([], PoolScores.EmptyPool)
            : StrategyCatalog.Create(choice.Strategy, choice.Settings, trainerFor, choice.Options).Score(Context(pool));
        var ranking = Ranking.Rank(scores.Values, pool, choice.Settings.TieRule, inputs.Seed);
        var p0 = inputs.OracleP0;
        return new RankedCollective(inputs.Members.Length, pool, scores.Values, ranking, scores.Rule,
            p0 is null ? null : IdealRelabelling.Flags(pool,
                p0), p0 is null ? double.NaN : IdealRelabelling.RankCorrelation(scores.Values, pool, p0));
    }

    /// <summary>
    /// The firm's fit on the labels it received: with a defence, the defence screens them first and the learner fits
    /// what is left, and the flags are counted against <paramref name="flipped"/> (no flips when null).
    /// </summary>
    /// <param name="trainer">The firm's learner (warm-started from the undefended base model where the caller has
    /// one).</param>
    /// <param name="x">The firm's training features.</param>
    /// <param name="labels">The labels the firm received.</param>
    /// <param name="defence">The firm's defence; <see cref="DefenceChoice.None"/> fits directly.</param>
    /// <param name="seed">Seed of the defence's own draws.</param>
    /// <param name="groups">Each training row's group (the defence's false flags are counted by group).</param>
    /// <param name="flipped">Per training row, whether the collective flipped it; null = none.</param>
    /// <param name="shared">A defence's work on the training rows, kept between fits on the same rows; none kept when
    /// null.</param>
    public static FittedFirm Fit(ITrainer trainer, DesignMatrix x, int[] labels, DefenceChoice defence, int seed,
        GroupMembership groups,
        bool[]? flipped = null, TrainingRowsWork? shared = null)
    {
        if (defence.IsNone) return new FittedFirm(trainer.Fit(x, labels), null);
        var (model, outcome) = DefendedFit.Fit(DefenceCatalog.Create(defence), trainer, x, labels, seed, shared);
        return new FittedFirm(model, DefenceDetection.Of(outcome.Flagged, flipped ?? new bool[labels.Length],
            groups.MinorityFlags));
    }

    /// <summary>
    /// Every metric of <see cref="FairnessMetric"/> for predictions against true labels, minority against majority: the
    /// one measuring path (the allocation-free <see cref="FairnessEvaluator"/>) that cells, reports and plans all read.
    /// </summary>
    public static double[] Measure(ReadOnlySpan<int> yTrue, ReadOnlySpan<int> yPredicted, GroupMembership groups)
    {
        var values = new double[FairnessEvaluator.MetricCount];
        FairnessEvaluator.Evaluate(yTrue, yPredicted, groups, values);
        return values;
    }

    /// <summary>
    /// <see cref="Measure"/>'s values with what a reader of one firm also wants: each group's confusion counts and
    /// rates, and the warnings about rates the data leaves undefined (the same evaluator fills the values).
    /// </summary>
    public static FairnessReport Report(ReadOnlySpan<int> yTrue, ReadOnlySpan<int> yPredicted,
        GroupMembership groups) =>
        FairnessReport.From(GroupConfusion.Compute(yTrue, yPredicted, new GroupIndex(groups.Codes.ToArray(),
            GroupNames)), [MinorityLabel]);
}

/// <summary>A fitted firm and, when it defended itself, what its defence flagged against the collective's
/// flips.</summary>
/// <param name="Model">The fitted classifier.</param>
/// <param name="Detection">The defence's flags counted against the flips; null without a defence.</param>
public sealed record FittedFirm(IClassifier Model, DefenceDetection? Detection);
