using FairCollective.Data;
using FairCollective.Learning.Optimization;

namespace FairCollective.Learning.Logistic;

/// <summary>A fitted logistic regression: P(y = 1 | x) = σ(x·w + b). Immutable.</summary>
public sealed class LogisticRegressionModel : IClassifier
{
    private readonly double[] _coefficients;

    internal LogisticRegressionModel(double[] coefficients, double intercept, int iterations, int newtonSteps,
        double objective,
        int gradientPasses = 0, int hessianPasses = 0, CurvatureFactor? curvature = null)
    {
        Curvature = curvature;
        GradientPasses = gradientPasses;
        HessianPasses = hessianPasses;
        _coefficients = coefficients;
        Intercept = intercept;
        Iterations = iterations;
        NewtonSteps = newtonSteps;
        Objective = objective;
    }

    /// <inheritdoc/>
    public int FeatureCount => _coefficients.Length;

    /// <summary>w, one per feature column.</summary>
    public IReadOnlyList<double> Coefficients => _coefficients;

    /// <summary>b, the unpenalised intercept.</summary>
    public double Intercept { get; }

    /// <summary>L-BFGS iterations plus Newton steps.</summary>
    public int Iterations { get; }

    /// <summary>Newton steps taken after L-BFGS (0 when polishing did not apply).</summary>
    public int NewtonSteps { get; }

    /// <summary>Loss-and-gradient passes over the training rows the fit made (L-BFGS with its line searches, and
    /// Newton's trial steps).</summary>
    public int GradientPasses { get; }

    /// <summary>Hessian passes over the training rows the fit made (each costs about (d + 1) / 2 gradient passes of
    /// arithmetic).</summary>
    public int HessianPasses { get; }

    /// <summary>The factor of the last Hessian the fit computed (near its optimum), for chord steps in refits; null
    /// when none was.</summary>
    internal CurvatureFactor? Curvature { get; }

    /// <summary>The objective Σ sᵢ·logloss + ‖w‖²/(2C) at the returned parameters.</summary>
    public double Objective { get; }

    /// <summary>x·w + b for every row (scikit-learn's decision_function).</summary>
    public double[] DecisionFunction(DesignMatrix x)
    {
        TrainingInput.ValidateForPrediction("logistic model", x, FeatureCount);
        var z = new double[x.Rows];
        for (int i = 0; i < z.Length; i++) z[i] = VectorMath.Dot(x.Row(i), _coefficients) + Intercept;
        return z;
    }

    /// <summary>P(y = 1 | x) = σ(x·w + b) for every row of <paramref name="x"/>, in [0, 1].</summary>
    public double[] PredictProba(DesignMatrix x)
    {
        var z = DecisionFunction(x);
        for (int i = 0; i < z.Length; i++) z[i] = VectorMath.Sigmoid(z[i]);
        return z;
    }
}
