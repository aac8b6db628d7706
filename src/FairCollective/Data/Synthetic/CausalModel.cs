using MathNet.Numerics.Integration;

namespace FairCollective.Data.Synthetic;

/// <summary>
/// The structural causal model behind the synthetic data (method.md sections 2 and 7.4). Group A (0 = majority,
/// 1 = minority) and a latent U ~ N(0, I_d) both cause the features X and the label Y:
/// <code>
///   X = mu_A + s_A * L U          (L lower triangular with positive diagonal, s_0 = 1, s_1 = MinorityScale)
///   Y ~ Bernoulli(sigmoid(w . U + b_A)),   b_1 &lt; b_0 (historical bias against the minority)
/// </code>
/// Because X is an invertible affine function of U within each group, U = L^-1 (X - mu_A) / s_A is recovered
/// exactly from (x, a). The group counterfactual g(x) = x_{A&lt;-majority} keeps U (and the label noise) and sets
/// A = 0: g(x) = mu_0 + L U, which for a minority row is mu_0 + (x - mu_1) / s_1 (L cancels) and for a majority
/// row is x itself. The majority world's conditional label probability at g(x) is then exact:
/// P0(y = 1 | g(x)) = sigmoid(w . U + b_0). Immutable.
/// </summary>
public sealed class CausalModel
{
    // Expected positive rates integrate sigmoid(|w| z + b) against N(0,1) on [-Span, Span] standard deviations;
    // the mass outside is below 1e-30, and a 128-point Gauss-Legendre rule is exact to ~1e-15 on this smooth integrand.
    private const double IntegrationSpan = 12;
    private const int IntegrationOrder = 128;

    private readonly double[] _majorityMean, _minorityMean, _cholesky, _weights;

    internal CausalModel(double[] majorityMean, double[] minorityMean, double minorityScale, double[] cholesky,
        double[] weights, double majorityIntercept, double minorityIntercept)
    {
        Dimension = majorityMean.Length;
        _majorityMean = majorityMean;
        _minorityMean = minorityMean;
        MinorityScale = minorityScale;
        _cholesky = cholesky;
        _weights = weights;
        MajorityIntercept = majorityIntercept;
        MinorityIntercept = minorityIntercept;
    }

    /// <summary>d: number of features and of latent factors.</summary>
    public int Dimension { get; }

    /// <summary>mu_0.</summary>
    public IReadOnlyList<double> MajorityMean => _majorityMean;

    /// <summary>mu_1.</summary>
    public IReadOnlyList<double> MinorityMean => _minorityMean;

    /// <summary>s_1: the minority's features spread s_1 times as wide around their mean (s_0 = 1).</summary>
    public double MinorityScale { get; }

    /// <summary>L, row-major d x d, lower triangular: the features' covariance within the majority is L L^T.</summary>
    public IReadOnlyList<double> Cholesky => _cholesky;

    /// <summary>w: how the latent factors drive the label.</summary>
    public IReadOnlyList<double> Weights => _weights;

    /// <summary>b_0.</summary>
    public double MajorityIntercept { get; }

    /// <summary>b_1 = b_0 - bias gap.</summary>
    public double MinorityIntercept { get; }

    /// <summary>X = mu_a + s_a L u.</summary>
    public void Features(ReadOnlySpan<double> u, bool minority, Span<double> x)
    {
        CheckLength(u, x);
        var mean = minority ? _minorityMean : _majorityMean;
        double s = minority ? MinorityScale : 1;
        int d = Dimension;
        for (int i = 0; i < d; i++)
        {
            double v = 0;
            for (int j = 0; j <= i; j++) v += _cholesky[i * d + j] * u[j];
            x[i] = mean[i] + s * v;
        }
    }

    /// <summary>U = L^-1 (x - mu_a) / s_a, by forward substitution (L is lower triangular).</summary>
    public void Latent(ReadOnlySpan<double> x, bool minority, Span<double> u)
    {
        CheckLength(x, u);
        var mean = minority ? _minorityMean : _majorityMean;
        double s = minority ? MinorityScale : 1;
        int d = Dimension;
        for (int i = 0; i < d; i++)
        {
            double v = (x[i] - mean[i]) / s;
            for (int j = 0; j < i; j++) v -= _cholesky[i * d + j] * u[j];
            u[i] = v / _cholesky[i * d + i];
        }
    }

    /// <summary>g(x): x for a majority row; mu_0 + (x - mu_1) / s_1 for a minority row (same U, A set to
    /// majority).</summary>
    public void Counterfactual(ReadOnlySpan<double> x, bool minority, Span<double> g)
    {
        CheckLength(x, g);
        if (!minority)
        {
            x.CopyTo(g);
            return;
        }
        for (int i = 0; i < Dimension; i++) g[i] = _majorityMean[i] + (x[i] - _minorityMean[i]) / MinorityScale;
    }

    /// <summary>P(Y = 1 | U = u, A = a) = sigmoid(w . u + b_a).</summary>
    public double PositiveProbability(ReadOnlySpan<double> u, bool minority)
    {
        if (u.Length != Dimension) throw new ArgumentException($"u has {u.Length} values, expected {Dimension}.");
        double t = minority ? MinorityIntercept : MajorityIntercept;
        for (int i = 0; i < Dimension; i++) t += _weights[i] * u[i];
        return Sigmoid(t);
    }

    /// <summary>P0(y = 1 | x): the majority world's label probability at features x (U recovered with A = 0).</summary>
    public double MajorityPositiveProbability(ReadOnlySpan<double> x)
    {
        Span<double> u = Dimension <= 64 ? stackalloc double[Dimension] : new double[Dimension];
        Latent(x, minority: false, u);
        return PositiveProbability(u, minority: false);
    }

    /// <summary>
    /// P(Y = 1 | A = a) = E[sigmoid(w . U + b_a)] with w . U ~ N(0, |w|^2): a logistic-normal integral with no
    /// closed form, evaluated by Gauss-Legendre quadrature to about 1e-15.
    /// </summary>
    public double ExpectedPositiveRate(bool minority)
    {
        double b = minority ? MinorityIntercept : MajorityIntercept;
        double norm = Math.Sqrt(_weights.Sum(w => w * w));
        return GaussLegendreRule.Integrate(z => Sigmoid(norm * z + b) * Math.Exp(-0.5 * z * z) / Math.Sqrt(2 * Math.PI),
            -IntegrationSpan, IntegrationSpan, IntegrationOrder);
    }

    /// <summary>The logistic function, written to avoid overflow of exp for large |t|.</summary>
    public static double Sigmoid(double t)
    {
        if (t >= 0) return 1 / (1 + Math.Exp(-t));
        double e = Math.Exp(t);
        return e / (1 + e);
    }

    private void CheckLength(ReadOnlySpan<double> input, Span<double> output)
    {
        if (input.Length != Dimension || output.Length != Dimension)
            throw new
                ArgumentException($"vectors must have {Dimension} values (got {input.Length} and {output.Length}).");
    }
}
