using FairCollective.Data;
using FairCollective.Learning;

namespace FairCollective.Collective.Strategies;

/// <summary>
/// RB-prob: score = f(x_i), with f a probabilistic classifier trained on the labelled majority rows the collective
/// knows, estimating P(y = 1 | x) in the majority. The model class is open in the paper; the default is logistic
/// regression (the runner passes the trainer).
/// </summary>
/// <param name="majorityModel">Trainer of f (see <see cref="MajorityModel"/>).</param>
public sealed class RbProbStrategy(ITrainer majorityModel) : ICollectiveStrategy
{
    /// <summary>RB-prob with its own options: f is <paramref name="options"/>' model, built by
    /// <paramref name="trainerFor"/>.</summary>
    /// <exception cref="Common.UserInputException">The model is not a known learner.</exception>
    public RbProbStrategy(RbProbOptions options, Func<string, ITrainer> trainerFor) : this(Checked(options, trainerFor))
    {
    }

    private static ITrainer Checked(RbProbOptions options, Func<string, ITrainer> trainerFor)
    {
        options.Validate();
        return trainerFor(options.Model);
    }

    /// <inheritdoc/>
    public string Name => "RB-prob";

    /// <summary>Trainer of f, fitted on the known majority rows at every <see cref="Score"/>.</summary>
    public ITrainer MajorityModel { get; } = majorityModel;

    /// <summary>f(x_i) = estimated P(y = 1 | x) in the majority, in [0, 1]; a constant score when the known rows hold
    /// one label only.</summary>
    public PoolScores Score(StrategyContext context)
    {
        if (context.Pool.Length == 0) return PoolScores.Specified([]);
        if (context.TrainFeatures.Cols == 0) return PoolScores.Constant(context.Pool.Length, 0, PoolScores.NoFeatures);
        var known = context.KnownMajority;
        var y = new int[known.Length];
        for (int i = 0; i < known.Length; i++) y[i] = context.TrainLabels[known[i]];
        // With few known majority rows (m = 10) one label can be missing: no model can be fitted, and every pool
        // member is equally likely as far as the collective can tell, so all scores tie and the tie rule decides.
        if (y.Length == 0) return PoolScores.Constant(context.Pool.Length, 0.5, "the collective knows no majority row");
        if (y.All(v => v == y[0]))
            return PoolScores.Constant(context.Pool.Length, y[0],
                $"all {y.Length} known majority rows have y = {y[0]}, so no model can be fitted");
        var model = MajorityModel.Fit(context.TrainFeatures.SelectRows(known), y);
        return PoolScores.Specified(model.PredictProba(context.TrainFeatures.SelectRows(context.Pool)));
    }
}
