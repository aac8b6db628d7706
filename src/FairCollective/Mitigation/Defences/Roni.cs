using FairCollective.Common;
using FairCollective.Data;
using FairCollective.Learning;
using FairCollective.Learning.Catalog;

namespace FairCollective.Mitigation.Defences;

/// <summary>
/// Reject on negative impact (RONI; Nelson et al., 2008), against a held-out slice of the firm's own rows (the quiz).
/// Each screened row's impact is the increase of the quiz's mean log loss when the row is added to a small calibration
/// training set (or, for a row already in the set, when it is kept rather than left out), averaged over several
/// calibration sets; rows whose impact is harmful and an outlier (median + Z robust standard deviations) are dropped.
/// Departures, measured reasons in docs/method.md: log loss rather than accuracy (one row rarely moves a 0/1 count) and
/// a threshold relative to the impacts' spread (an absolute one depends on the data and the calibration size).
/// Costs one small fit per screened row and calibration set.
/// </summary>
/// <param name="options">Quiz and calibration sizes and the threshold.</param>
public sealed class Roni(RoniOptions options) : IDefence
{
    /// <summary>The median absolute deviation times this is a standard deviation's robust estimate (exact for normal
    /// data).</summary>
    public const double MadToStandardDeviation = 1.4826;

    /// <summary>The options in use.</summary>
    public RoniOptions Options { get; } = Validated(options);

    /// <inheritdoc />
    public string Name => DefenceCatalog.Roni;

    /// <inheritdoc />
    public DefenceOutcome Apply(DefenceInput input)
    {
        input.Check(Name);
        var impact = Impacts(input, out var screened);
        var flagged = new bool[input.Labels.Length];
        var values = screened.Select(i => impact[i]).ToArray();
        double median = Median(values);
        double spread = MadToStandardDeviation * Median(values.Select(v => Math.Abs(v - median)).ToArray());
        double threshold = median + Options.Z * spread;
        foreach (int i in screened) flagged[i] = impact[i] > threshold && impact[i] > 0;
        return new DefenceOutcome(flagged, DefenceAction.Drop);
    }

    /// <summary>Every screened row's mean impact on the quiz loss (NaN for quiz rows), and which rows were
    /// screened.</summary>
    public double[] Impacts(DefenceInput input, out int[] screened)
    {
        int n = input.Labels.Length;
        var y = input.Labels;
        var order = Seeds.Permutation(n, Seeds.Create(input.Seed, "roni quiz"));
        int quizCount = Math.Min(Options.QuizRows, n / 2);
        var quiz = order.Take(quizCount).Order().ToArray();
        screened = order.Skip(quizCount).Order().ToArray();
        var quizX = input.X.SelectRows(quiz);
        var quizY = quiz.Select(i => y[i]).ToArray();
        var impact = new double[n];
        Array.Fill(impact, double.NaN);
        foreach (int i in screened) impact[i] = 0;
        int d = input.X.Cols;
        for (int s = 0; s < Options.CalibrationSets; s++)
        {
            var calibration = CalibrationSet(screened, y, Math.Min(Options.CalibrationRows, screened.Length - 1),
                Seeds.Create(input.Seed, "roni calibration", s));
            var inSet = calibration.ToHashSet();
            var calibrationX = input.X.SelectRows(calibration);
            var calibrationY = calibration.Select(i => y[i]).ToArray();
            var model = input.Trainer.Fit(calibrationX, calibrationY);
            double baseLoss = QuizLoss(model, quizX, quizY);
            var warm = LearnerCatalog.WarmStartedFrom(input.Trainer, model);
            var withY = new int[calibration.Length + 1];
            calibrationY.CopyTo(withY, 0);
            foreach (int i in screened)
            {
                double change;
                if (inSet.Contains(i))
                {
                    var without = calibration.Where(r => r != i).ToArray();
                    var wy = without.Select(r => y[r]).ToArray();
                    // A set left with one label cannot be fitted: the row is then the set's only evidence of its label,
                    // so it is kept.
                    if (wy.Distinct().Count() < 2) continue;
                    change = baseLoss - QuizLoss(warm.Fit(input.X.SelectRows(without), wy), quizX, quizY);
                }
                else
                {
                    // A new matrix per fit, never one rewritten in place: a learner may keep what it derived from a
                    // matrix it saw.
                    var withData = new double[(calibration.Length + 1) * d];
                    Array.Copy(calibrationX.Data, withData, calibration.Length * d);
                    input.X.Row(i).CopyTo(withData.AsSpan(calibration.Length * d, d));
                    withY[calibration.Length] = y[i];
                    change = QuizLoss(warm.Fit(new DesignMatrix(calibration.Length + 1, d, withData), withY), quizX,
                        quizY) - baseLoss;
                }
                impact[i] += change / Options.CalibrationSets;
            }
        }
        return impact;
    }

    /// <summary>Label shares kept (rounded), at least one row of each label.</summary>
    private static int[] CalibrationSet(int[] screened, int[] y, int size, Random rng)
    {
        var ones = screened.Where(i => y[i] == 1).ToArray();
        var zeros = screened.Where(i => y[i] == 0).ToArray();
        if (ones.Length == 0
            || zeros.Length == 0) throw new
            UserInputException($"{DefenceCatalog.Roni}: the screened rows carry only one label; lower quiz_rows");
        int takeOnes = Math.Clamp((int)Math.Round((double)size * ones.Length / screened.Length,
            MidpointRounding.AwayFromZero), 1, Math.Min(size - 1, ones.Length));
        int takeZeros = Math.Min(size - takeOnes, zeros.Length);
        var pickedOnes = Seeds.Permutation(ones.Length, rng).Take(takeOnes).Select(j => ones[j]);
        var pickedZeros = Seeds.Permutation(zeros.Length, rng).Take(takeZeros).Select(j => zeros[j]);
        return pickedOnes.Concat(pickedZeros).Order().ToArray();
    }

    private static double QuizLoss(IClassifier model, DesignMatrix x, int[] y)
    {
        var p = model.PredictProba(x);
        double sum = 0;
        for (int i = 0; i < y.Length; i++) sum -= Math.Log(Math.Max(y[i] == 1 ? p[i] : 1 - p[i], 1e-300));
        return sum / y.Length;
    }

    private static double Median(double[] values)
    {
        if (values.Length == 0) return 0;
        var sorted = (double[])values.Clone();
        Array.Sort(sorted);
        int m = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
    }

    private static RoniOptions Validated(RoniOptions o)
    {
        ArgumentNullException.ThrowIfNull(o);
        o.Validate();
        return o;
    }
}
