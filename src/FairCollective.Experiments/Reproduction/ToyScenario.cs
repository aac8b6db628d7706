using FairCollective.Collective;
using FairCollective.Collective.Strategies;
using FairCollective.Data;
using FairCollective.Data.Synthetic;
using FairCollective.Experiments.Running;
using FairCollective.Fairness;
using FairCollective.Learning.Logistic;
using FairCollective.Pipeline;

namespace FairCollective.Experiments.Reproduction;

/// <summary>
/// The paper's first figure: 2-D synthetic data, a logistic-regression firm on the two raw features and A (the
/// sensitive attribute must be a firm feature for minority-only flips to move the minority's boundary: method.md
/// section 5), and the whole minority acting as the collective with RB-prob flipping <see cref="DefaultFlips"/>
/// labels. The boundary drawn is the one the minority faces (A = 1). Error and EqOd are measured on the points shown
/// (the figure's own sample; the paper's sample was never published, so only the picture, not its exact numbers 0.13 ->
/// 0.03, can be reproduced).
/// </summary>
public static class ToyScenario
{
    /// <summary>Flips in the published figure.</summary>
    public const int DefaultFlips = 6;

    /// <summary>One point of the figure.</summary>
    /// <param name="X1">First raw feature.</param>
    /// <param name="X2">Second raw feature.</param>
    /// <param name="IsMinority">Whether the point belongs to the minority (A = 1).</param>
    /// <param name="Label">The original label y in {0, 1}, before any flip.</param>
    /// <param name="Flipped">Whether the collective relabelled this point 0 -> 1.</param>
    public sealed record Point(double X1, double X2, bool IsMinority, int Label, bool Flipped);

    /// <summary>A boundary w1 x1 + w2 x2 + b = 0 in the raw feature space.</summary>
    /// <param name="W1">Coefficient of x1.</param>
    /// <param name="W2">Coefficient of x2.</param>
    /// <param name="B">Intercept.</param>
    public sealed record Line(double W1, double W2, double B);

    /// <summary>The figure's sample and the firm's minority boundary and metrics before and after the flips.</summary>
    /// <param name="Points">Every point of the sample (training and evaluation set alike).</param>
    /// <param name="Before">The minority's boundary (A = 1) of the firm trained on the original labels.</param>
    /// <param name="After">The minority's boundary of the firm retrained after the flips.</param>
    /// <param name="ErrorBefore">Error rate on the sample before the flips, in [0, 1].</param>
    /// <param name="ErrorAfter">Error rate on the sample after the flips, measured against the original labels.</param>
    /// <param name="EqOdBefore">EqOd on the sample before the flips.</param>
    /// <param name="EqOdAfter">EqOd on the sample after the flips.</param>
    /// <param name="Flips">Labels actually flipped: the requested count, capped at the pool's size.</param>
    public sealed record Result(IReadOnlyList<Point> Points, Line Before, Line After, double ErrorBefore,
        double ErrorAfter, double EqOdBefore, double EqOdAfter, int Flips);

    /// <summary>w1 x1 + w2 x2 + (b + w_A) = 0: the model's boundary at A = 1.</summary>
    private static Line MinorityBoundary(LogisticRegressionModel m) => new(m.Coefficients[0], m.Coefficients[1],
        m.Intercept + m.Coefficients[2]);

    /// <summary>Generates the toy sample, fits the firm, lets the whole minority flip with RB-prob and
    /// refits.</summary>
    /// <param name="seed">Seed of the sample, the collective's order and tie-breaking; the default is the published
    /// figure's.</param>
    /// <param name="flips">Flip budget in labels.</param>
    public static Result Run(int seed = ToyData.DefaultSeed, int flips = DefaultFlips)
    {
        var sample = SyntheticGenerator.Generate(ToyData.Options(seed));
        var data = sample.Data;
        int n = data.RowCount;
        var y = data.Labels;
        var minority = data.Sensitive.Membership;
        var x = new double[3 * n];
        for (int i = 0; i < n; i++)
        {
            x[3 * i] = data.Features[0].Numbers![i];
            x[3 * i + 1] = data.Features[1].Numbers![i];
            x[3 * i + 2] = minority[i] ? 1 : 0;
        }
        var matrix = new DesignMatrix(n, 3, x, [data.Features[0].Name, data.Features[1].Name,
            SyntheticGenerator.SensitiveName]);
        var trainer = new LogisticRegressionTrainer();

        var before = trainer.FitModel(matrix, y);
        var members = new CollectiveOrder(Enumerable.Range(0, n).Where(i => minority[i]).ToArray(),
            seed).Members(CollectiveSize.Share(1)).ToArray();
        var known = Enumerable.Range(0, n).Where(i => !minority[i]).ToArray();
        // RB-prob with the firm's own learner as the majority model; A is a scoring feature here, as it is the firm's.
        var ranked = CollectivePipeline.Rank(new CollectiveInputs(matrix, y, members, known, seed),
            new RankingChoice(StrategyCatalog.RbProb, new StrategySettings { TieRule = TieRule.SeededRandom }), _
                => trainer);
        int made = Math.Min(flips, ranked.Pool.Length);
        var after = trainer.FitModel(matrix, ranked.Relabel(y, made));

        var flipped = ranked.FlippedFlags(n, made);
        var mBefore = CollectivePipeline.Measure(y, ((Learning.IClassifier)before).Predict(matrix), minority);
        var mAfter = CollectivePipeline.Measure(y, ((Learning.IClassifier)after).Predict(matrix), minority);
        return new Result(
            Enumerable.Range(0, n).Select(i => new Point(x[3 * i], x[3 * i + 1], minority[i], y[i],
                flipped[i])).ToArray(),
            MinorityBoundary(before), MinorityBoundary(after),
            mBefore[(int)FairnessMetric.ErrorRate], mAfter[(int)FairnessMetric.ErrorRate],
                mBefore[(int)FairnessMetric.EqOd], mAfter[(int)FairnessMetric.EqOd], made);
    }
}
