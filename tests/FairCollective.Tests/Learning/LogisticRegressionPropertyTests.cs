using CsCheck;
using FairCollective.Data;
using FairCollective.Learning.Logistic;

namespace FairCollective.Tests.Learning;

/// <summary>Optimality holds on arbitrary weighted problems, checked with a plain scalar gradient written
/// here.</summary>
[Trait(TestKind.Name, TestKind.Unit)]
public class LogisticRegressionPropertyTests
{
    private static readonly Gen<(int N, int D, double C, double[] X, int[] Y, double[] W)> Problems =
        from n in Gen.Int[4, 120]
        from d in Gen.Int[1, 6]
        from c in Gen.Double[0.01, 100]
        from x in Gen.Double[-3, 3].Array[n * d]
        from y in Gen.Int[0, 1].Array[n]
        from w in Gen.Double[0.1, 4].Array[n]
        where y.Contains(0) && y.Contains(1)
        select (n, d, c, x, y, w);

    [Fact]
    public void GradientVanishesAtTheReturnedParameters()
    {
        Problems.Sample(p =>
        {
            var model = new LogisticRegressionTrainer(new LogisticRegressionOptions { C = p.C, ChunkRows = 16 })
                .FitModel(new DesignMatrix(p.N, p.D, p.X), p.Y, p.W);
            // ∂f/∂w = Σ sᵢ(σ(zᵢ) − yᵢ)xᵢ + w/C, ∂f/∂b = Σ sᵢ(σ(zᵢ) − yᵢ)
            var grad = new double[p.D + 1];
            double weightSum = p.W.Sum();
            for (int i = 0; i < p.N; i++)
            {
                double z = model.Intercept;
                for (int j = 0; j < p.D; j++) z += p.X[i * p.D + j] * model.Coefficients[j];
                double r = p.W[i] * (1 / (1 + Math.Exp(-z)) - p.Y[i]);
                for (int j = 0; j < p.D; j++) grad[j] += r * p.X[i * p.D + j];
                grad[p.D] += r;
            }
            for (int j = 0; j < p.D; j++) grad[j] += model.Coefficients[j] / p.C;
            double worst = grad.Max(Math.Abs);
            Assert.True(worst <= 1e-7 * Math.Max(1, weightSum), $"max|grad| {worst:E2} (n={p.N}, d={p.D}, C={p.C})");
        }, iter: 200);
    }
}
