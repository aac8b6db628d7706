using FairCollective.Common;
using FairCollective.Data;
using FairCollective.Learning;
using FairCollective.Learning.Catalog;

namespace FairCollective.Tests.Learning;

/// <summary>
/// The estimator contract every trainer must meet (after scikit-learn's estimator_checks), for every learner of
/// <see cref="LearnerCatalog.Names"/> built as a spec builds it: a learner added to the catalog is checked here
/// without touching this file.
/// </summary>
[Trait(TestKind.Name, TestKind.Unit)]
public class TrainerContractTests
{
    private static ITrainer Create(string name, int seed) => LearnerCatalog.Create(name, new LearnerSettings(), seed);

    /// <summary>Every learner name of the catalog.</summary>
    public static TheoryData<string> TrainerNames() => new(LearnerCatalog.Names);

    /// <summary>
    /// A separable-ish problem: x ~ N(0, I₅), y = 1 when x·β + 0.3·noise > 0. The Bayes accuracy is about 95%.
    /// </summary>
    internal static (DesignMatrix X, int[] Y) Problem(int n, int seed)
    {
        var rng = Seeds.Create(seed, "contract-problem");
        double[] beta = [1.5, -1.0, 0.8, 0.0, 0.5];
        var data = new double[n * beta.Length];
        var y = new int[n];
        for (int i = 0; i < n; i++)
        {
            double z = 0;
            for (int j = 0; j < beta.Length; j++)
            {
                double v = Normal(rng);
                data[i * beta.Length + j] = v;
                z += beta[j] * v;
            }
            y[i] = z + 0.3 * Normal(rng) > 0 ? 1 : 0;
        }
        return (new DesignMatrix(n, beta.Length, data), y);
    }

    private static double Normal(Random rng) =>
        Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());

    private static readonly Lazy<(DesignMatrix X, int[] Y)> Train = new(() => Problem(600, 1));
    private static readonly Lazy<(DesignMatrix X, int[] Y)> Test = new(() => Problem(2000, 2));

    [Theory]
    [MemberData(nameof(TrainerNames))]
    public void FitsAndPredictsProbabilitiesAndLabels(string name)
    {
        var (x, y) = Train.Value;
        var model = Create(name, 0).Fit(x, y);
        Assert.Equal(x.Cols, model.FeatureCount);
        var p = model.PredictProba(Test.Value.X);
        var labels = model.Predict(Test.Value.X);
        Assert.Equal(Test.Value.X.Rows, p.Length);
        Assert.Equal(p.Length, labels.Length);
        Assert.All(p, v => Assert.InRange(v, 0.0, 1.0));
        for (int i = 0; i < p.Length; i++) Assert.Equal(p[i] > 0.5 ? 1 : 0, labels[i]);
        Assert.Contains(0, labels);
        Assert.Contains(1, labels);
    }

    [Theory]
    [MemberData(nameof(TrainerNames))]
    public void LearnsASeparableProblem(string name)
    {
        var (x, y) = Train.Value;
        var labels = Create(name, 0).Fit(x, y).Predict(Test.Value.X);
        double accuracy = labels.Zip(Test.Value.Y, (a, b) => a == b ? 1.0 : 0.0).Average();
        Assert.True(accuracy > 0.9, $"{name}: held-out accuracy {accuracy:F3}");
    }

    [Theory]
    [MemberData(nameof(TrainerNames))]
    public void IsDeterministicForASeed(string name)
    {
        var (x, y) = Train.Value;
        var first = Create(name, 7).Fit(x, y).PredictProba(Test.Value.X);
        var second = Create(name, 7).Fit(x, y).PredictProba(Test.Value.X);
        Assert.Equal(first, second); // bit for bit
    }

    [Theory]
    [MemberData(nameof(TrainerNames))]
    public void AMatrixRewrittenInPlaceIsFittedAsItIsNow(string name)
    {
        // A caller may reuse one buffer for several fits; what a learner derived from the old values (the logistic
        // layout cache) must not leak into the next fit. Rows permuted in place, then values changed in place.
        var (x, y) = Problem(300, seed: 5);
        var trainer = Create(name, 3);
        trainer.Fit(x, y);
        var order = Enumerable.Range(0, 300).Reverse().ToArray();
        var permuted = x.SelectRows(order);
        permuted.Data.CopyTo(x.Data, 0);
        var yPermuted = order.Select(i => y[i]).ToArray();
        Assert.Equal(trainer.Fit(permuted, yPermuted).PredictProba(permuted), trainer.Fit(x,
            yPermuted).PredictProba(x));
        for (int k = 0; k < x.Data.Length; k += 7) x.Data[k] *= 1.5;
        var fresh = new DesignMatrix(300, x.Cols, (double[])x.Data.Clone());
        Assert.Equal(trainer.Fit(fresh, yPermuted).PredictProba(fresh), trainer.Fit(x, yPermuted).PredictProba(x));
    }

    [Theory]
    [MemberData(nameof(TrainerNames))]
    public void UnitWeightsEqualNoWeights(string name)
    {
        var (x, y) = Train.Value;
        var plain = Create(name, 0).Fit(x, y).PredictProba(Test.Value.X);
        var ones = Enumerable.Repeat(1.0, x.Rows).ToArray();
        var weighted = Create(name, 0).Fit(x, y, ones).PredictProba(Test.Value.X);
        Assert.Equal(plain, weighted); // bit for bit
    }

    /// <summary>
    /// Integer weights equal duplicating rows. Exactly (to the optimum's precision) for logistic regression, whose
    /// objective is identical either way. The stochastic learners only approximately: duplication changes the
    /// mini-batches and validation split (MLP) and FastTree's binning and its count-based leaf minimum (GBT), so for
    /// them the test bounds the mean probability gap and requires agreeing labels on most rows.
    /// </summary>
    /// <summary>Learners whose objective makes weights and duplicates identical: held to the optimum's
    /// precision.</summary>
    private static readonly IReadOnlyDictionary<string, (double MeanGap, double LabelAgreement)> ExactDuplication =
        new Dictionary<string, (double, double)> { [LearnerCatalog.Logistic] = (1e-7, 1.0) };

    /// <summary>The bound for every other (stochastic or binned) learner.</summary>
    private static readonly (double MeanGap, double LabelAgreement) ApproximateDuplication = (0.06, 0.93);

    [Theory]
    [MemberData(nameof(TrainerNames))]
    public void IntegerWeightsEqualRowDuplication(string name)
    {
        var (meanGap, labelAgreement) = ExactDuplication.GetValueOrDefault(name, ApproximateDuplication);
        var (x, y) = Train.Value;
        var rng = Seeds.Create(3, "contract-weights");
        var weights = new double[x.Rows];
        var duplicated = new List<int>();
        for (int i = 0; i < x.Rows; i++)
        {
            weights[i] = rng.Next(0, 4); // 0..3 copies, zero included
            for (int c = 0; c < weights[i]; c++) duplicated.Add(i);
        }
        var weighted = Create(name, 0).Fit(x, y, weights);
        var copies = Create(name, 0).Fit(x.SelectRows(duplicated), duplicated.Select(i => y[i]).ToArray());
        var pw = weighted.PredictProba(Test.Value.X);
        var pc = copies.PredictProba(Test.Value.X);
        double gap = pw.Zip(pc, (a, b) => Math.Abs(a - b)).Average();
        double agreement = pw.Zip(pc, (a, b) => (a > 0.5) == (b > 0.5) ? 1.0 : 0.0).Average();
        Assert.True(gap <= meanGap, $"{name}: mean |Δp| {gap:E3}");
        Assert.True(agreement >= labelAgreement, $"{name}: label agreement {agreement:F3}");
    }

    public static IEnumerable<object[]> BadInputs =>
        from trainer in LearnerCatalog.Names
        from bad in new[] { "short y", "label 2", "label -1", "negative weight", "NaN weight", "infinite weight",
            "short weights",
                            "one class", "all weight on one class", "zero weights", "NaN feature", "infinite feature",
                                "no rows" }
        select new object[] { trainer, bad };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void RefusesBadInput(string name, string bad)
    {
        var (x0, y0) = Problem(50, 4);
        var x = new DesignMatrix(x0.Rows, x0.Cols, (double[])x0.Data.Clone());
        var y = (int[])y0.Clone();
        double[]? w = null;
        switch (bad)
        {
            case "short y": y = y[1..]; break;
            case "label 2": y[3] = 2; break;
            case "label -1": y[3] = -1; break;
            case "negative weight": w = Ones(x.Rows); w[5] = -1; break;
            case "NaN weight": w = Ones(x.Rows); w[5] = double.NaN; break;
            case "infinite weight": w = Ones(x.Rows); w[5] = double.PositiveInfinity; break;
            case "short weights": w = Ones(x.Rows - 1); break;
            case "one class": Array.Fill(y, 1); break;
            case "all weight on one class": w = y.Select(v => (double)v).ToArray(); break;
            case "zero weights": w = new double[x.Rows]; break;
            case "NaN feature": x.Data[7] = double.NaN; break;
            case "infinite feature": x.Data[7] = double.NegativeInfinity; break;
            case "no rows": x = new DesignMatrix(0, x.Cols, []); y = []; break;
            default: throw new ArgumentOutOfRangeException(nameof(bad));
        }
        var ex = Assert.Throws<UserInputException>(() => Create(name, 0).Fit(x, y, w));
        Assert.DoesNotContain('\n', ex.Message);
    }

    [Theory]
    [MemberData(nameof(TrainerNames))]
    public void FittedModelRefusesTheWrongWidthAndNonFiniteFeatures(string name)
    {
        var (x, y) = Train.Value;
        var model = Create(name, 0).Fit(x, y);
        Assert.Throws<UserInputException>(() => model.PredictProba(new DesignMatrix(2, x.Cols + 1,
            new double[2 * (x.Cols + 1)])));
        var bad = new double[x.Cols];
        bad[0] = double.NaN;
        Assert.Throws<UserInputException>(() => model.PredictProba(new DesignMatrix(1, x.Cols, bad)));
    }

    [Theory]
    [MemberData(nameof(TrainerNames))]
    public void IsFoundInAnyCaseAndRecordsItsOptions(string name)
    {
        Assert.NotNull(LearnerCatalog.Create(name.ToUpperInvariant(), new LearnerSettings(), 0));
        string json = LearnerCatalog.OptionsJson(name, new LearnerSettings());
        Assert.StartsWith("{", json);
        Assert.Equal(json, LearnerCatalog.OptionsJson(name.ToUpperInvariant(), new LearnerSettings()));
    }

    private static double[] Ones(int n) => Enumerable.Repeat(1.0, n).ToArray();
}
