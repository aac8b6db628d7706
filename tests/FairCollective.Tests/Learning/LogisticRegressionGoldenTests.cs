using FairCollective.Data;
using FairCollective.Learning.Logistic;

namespace FairCollective.Tests.Learning;

/// <summary>Logistic regression against scikit-learn 1.2.1 and the exact (Newton) optimum of the same
/// objective.</summary>
[Trait(TestKind.Name, TestKind.Unit)]
public class LogisticRegressionGoldenTests
{
    public static IEnumerable<object[]> Cases => LogisticReference.CaseNames();

    private static LogisticRegressionModel FitCase(LogisticReferenceCase c,
        LogisticRegressionOptions? options = null) =>
        new LogisticRegressionTrainer((options ?? new LogisticRegressionOptions()) with { C = c.C })
            .FitModel(c.X, c.Y, c.SampleWeight);

    [Theory]
    [MemberData(nameof(Cases))]
    public void ReachesTheExactOptimum(string name)
    {
        var c = LogisticReference.Case(name);
        var model = FitCase(c);
        for (int j = 0; j < c.NewtonCoef.Length; j++)
            Assert.True(Math.Abs(model.Coefficients[j] - c.NewtonCoef[j]) <= 1e-6,
                $"coef {j}: {model.Coefficients[j]} vs {c.NewtonCoef[j]}");
        Assert.True(Math.Abs(model.Intercept - c.NewtonIntercept) <= 1e-6,
            $"intercept {model.Intercept} vs {c.NewtonIntercept}");
        Assert.True(Math.Abs(model.Objective - c.NewtonObjective) <= 1e-9 * Math.Abs(c.NewtonObjective),
            $"objective {model.Objective:R} vs {c.NewtonObjective:R}");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void AgreesWithScikitLearn(string name)
    {
        var c = LogisticReference.Case(name);
        var model = FitCase(c);
        for (int j = 0; j < c.SklearnCoef.Length; j++)
            Assert.True(Math.Abs(model.Coefficients[j] - c.SklearnCoef[j]) <= 1e-3,
                $"coef {j}: {model.Coefficients[j]} vs {c.SklearnCoef[j]}");
        Assert.True(Math.Abs(model.Intercept - c.SklearnIntercept) <= 1e-3);

        var first20 = c.X.SelectRows(Enumerable.Range(0, 20).ToArray());
        var proba = model.PredictProba(first20);
        var decision = model.DecisionFunction(first20);
        for (int i = 0; i < 20; i++)
        {
            Assert.True(Math.Abs(decision[i] - c.DecisionFirst20[i]) <= 1e-3,
                $"decision row {i}: {decision[i]} vs {c.DecisionFirst20[i]}");
            Assert.True(Math.Abs(proba[i] - c.ProbaFirst20[i][1]) <= 1e-4,
                $"P(y=1) row {i}: {proba[i]} vs {c.ProbaFirst20[i][1]}");
            Assert.Equal(1.0, c.ProbaFirst20[i][0] + c.ProbaFirst20[i][1], 12);
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void IsBitIdenticalAcrossThreadCounts(string name)
    {
        var c = LogisticReference.Case(name);
        // Small chunks so even 500 rows span several chunks and the parallel reduction is really exercised.
        var single = FitCase(c, new LogisticRegressionOptions { MaxDegreeOfParallelism = 1, ChunkRows = 64 });
        var many = FitCase(c, new LogisticRegressionOptions { MaxDegreeOfParallelism = -1, ChunkRows = 64 });
        var four = FitCase(c, new LogisticRegressionOptions { MaxDegreeOfParallelism = 4, ChunkRows = 64 });
        Assert.Equal(single.Coefficients, many.Coefficients);
        Assert.Equal(single.Coefficients, four.Coefficients);
        Assert.Equal(single.Intercept, many.Intercept);
        Assert.Equal(single.Objective, four.Objective);
    }

    [Fact]
    public void WarmStartFromTheOptimumReturnsIt()
    {
        var c = LogisticReference.Case("compas_standardised");
        var cold = FitCase(c);
        var warm = FitCase(c, new LogisticRegressionOptions
        {
            InitialCoefficients = cold.Coefficients.ToArray(),
            InitialIntercept = cold.Intercept
        });
        Assert.True(warm.Iterations <= 1, $"warm start took {warm.Iterations} iterations");
        for (int j = 0; j < c.NewtonCoef.Length; j++) Assert.Equal(c.NewtonCoef[j], warm.Coefficients[j], 1e-6);
    }

    /// <summary>
    /// A refit warm-started from the firm (its coefficients and Hessian factor, as the runner refits) after flipping
    /// some 0 labels to 1 reaches the cold refit's optimum: small flips end in chord steps, larger ones (a quarter,
    /// half the 0s) stall them and finish with Newton steps, which must never need more passes than the cold fit.
    /// </summary>
    [Theory]
    [MemberData(nameof(Cases))]
    public void WarmStartedRefitsReachTheColdOptimum(string name)
    {
        var c = LogisticReference.Case(name);
        var trainer = new LogisticRegressionTrainer(new LogisticRegressionOptions { C = c.C });
        var firm = trainer.FitModel(c.X, c.Y, c.SampleWeight);
        var warmTrainer =
            (LogisticRegressionTrainer)FairCollective.Learning.Catalog.LearnerCatalog.WarmStartedFrom(trainer, firm);
        var zeros = Enumerable.Range(0, c.Y.Length).Where(i => c.Y[i] == 0).ToArray();
        int newtonFinishes = 0;
        foreach (int every in new[] { 50, 10, 4, 2 })
        {
            var flipped = (int[])c.Y.Clone();
            for (int k = 0; k < zeros.Length; k += every) flipped[zeros[k]] = 1;
            var cold = trainer.FitModel(c.X, flipped, c.SampleWeight);
            var warm = warmTrainer.FitModel(c.X, flipped, c.SampleWeight);
            for (int j = 0; j < cold.Coefficients.Count; j++)
                Assert.True(Math.Abs(warm.Coefficients[j] - cold.Coefficients[j]) <= 1e-6,
                    $"every {every}th zero flipped, coef {j}: warm {warm.Coefficients[j]} vs cold " +
                    $"{cold.Coefficients[j]}");
            Assert.True(Math.Abs(warm.Intercept - cold.Intercept) <= 1e-6,
                $"every {every}th zero flipped, intercept: warm {warm.Intercept} vs cold {cold.Intercept}");
            Assert.True(warm.Objective <= cold.Objective + 1e-12 * Math.Abs(cold.Objective),
                $"every {every}th zero flipped: warm objective {warm.Objective:R} above cold {cold.Objective:R}");
            Assert.True(warm.GradientPasses <= cold.GradientPasses,
                $"every {every}th zero flipped: warm refit made {warm.GradientPasses} gradient passes, cold " +
                $"{cold.GradientPasses}");
            if (warm.HessianPasses > 0) newtonFinishes++;
        }
        Assert.True(newtonFinishes > 0, "no refit reached the Newton finish after its chord steps");
    }

    [Fact]
    public void LbfgsAloneAlsoConvergesTightly()
    {
        // Without Newton polishing (as for d > NewtonMaxDimension) L-BFGS must still get close to the optimum.
        var c = LogisticReference.Case("compas_standardised");
        var model = FitCase(c, new LogisticRegressionOptions { NewtonMaxDimension = 0 });
        Assert.Equal(0, model.NewtonSteps);
        for (int j = 0; j < c.NewtonCoef.Length; j++) Assert.Equal(c.NewtonCoef[j], model.Coefficients[j], 1e-5);
        Assert.True(Math.Abs(model.Objective - c.NewtonObjective) <= 1e-9 * c.NewtonObjective);
    }

    [Fact]
    public void PredictRefusesTheWrongWidth()
    {
        var c = LogisticReference.Case("synthetic_500x6");
        var model = FitCase(c);
        Assert.Throws<FairCollective.Common.UserInputException>(() => model.PredictProba(new DesignMatrix(1, 5,
            new double[5])));
    }
}
