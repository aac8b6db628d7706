using FairCollective.Common;
using FairCollective.Data;
using FairCollective.Learning.Optimization;
using MathNet.Numerics.LinearAlgebra;

namespace FairCollective.Learning.Logistic;

/// <summary>
/// L2-regularised logistic regression with scikit-learn's objective (Σ sᵢ·logloss + ‖w‖²/(2C), unpenalised
/// intercept). L-BFGS over a fused parallel loss+gradient pass (<see cref="LogisticObjective"/>), then, for
/// d ≤ <see cref="LogisticRegressionOptions.NewtonMaxDimension"/>, a few Newton steps so the optimum is exact to
/// rounding rather than to a stopping tolerance. Deterministic: no randomness, and sums do not depend on threads.
/// </summary>
public sealed class LogisticRegressionTrainer : ITrainer
{
    /// <summary>Newton steps accepted with f up to this relative rise: at the optimum f is flat to rounding.</summary>
    private const double NewtonObjectiveSlack = 1e-13;
    private const int NewtonMaxHalvings = 30;

    /// <summary>Keep the factorised Hessian while each step shrinks max|∇f| at least this much.</summary>
    private const double ChordContraction = 1e-2;

    /// <summary>Most chord steps with a warm start's Hessian before Newton takes over.</summary>
    private const int MaxChordSteps = 30;

    /// <summary>
    /// Chord steps stop (Newton on the current Hessian takes over) once a step shrinks max|∇f| by less than this
    /// factor. At 0.5 a typical refit took 21 chord steps on COMPAS and 74 gradient passes with L-BFGS between on
    /// Adult; a Newton step costs one Hessian pass (3-6 gradient passes) and converges quadratically from where the
    /// chord steps stop (warm refits with 0.1: COMPAS 0.42 -> 0.27 ms, ACS AZ 10.0 -> 3.7 ms, Adult 26.2 -> 11.4 ms;
    /// bench/README.md).
    /// </summary>
    private const double ChordStallContraction = 0.1;

    /// <summary>A trainer with <paramref name="options"/> (defaults when null).</summary>
    /// <exception cref="UserInputException">An option is out of range.</exception>
    public LogisticRegressionTrainer(LogisticRegressionOptions? options = null)
    {
        Options = options ?? new LogisticRegressionOptions();
        Options.Validate();
    }

    /// <summary>The validated settings every fit uses.</summary>
    public LogisticRegressionOptions Options { get; }

    /// <inheritdoc/>
    public string Name => "logistic";

    /// <inheritdoc/>
    public IClassifier Fit(DesignMatrix x, ReadOnlySpan<int> y, ReadOnlySpan<double> sampleWeights = default) =>
        FitModel(x, y, sampleWeights);

    /// <summary><see cref="Fit"/> with the concrete model type (coefficients, objective, iterations).</summary>
    public LogisticRegressionModel FitModel(DesignMatrix x, ReadOnlySpan<int> y,
        ReadOnlySpan<double> sampleWeights = default)
    {
        var weights = TrainingInput.Validate(Name, x, y, sampleWeights);
        int d = x.Cols;
        var o = Options;
        var parameters = new double[d + 1];
        if (o.InitialCoefficients is { } init)
        {
            if (init.Count != d)
                throw new UserInputException($"logistic: option InitialCoefficients has {init.Count} values; the " +
                    $"data has {d} columns.");
            for (int j = 0; j < d; j++) parameters[j] = init[j];
        }
        parameters[d] = o.InitialIntercept;

        double weightSum = 0;
        foreach (double w in weights) weightSum += w;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = o.MaxDegreeOfParallelism };
        var objective = new LogisticObjective(x.Data, x.Rows, d, y, weights, o.C, o.ChunkRows, o.OneHotGroupMinWidth,
            parallel);

        bool polish = d <= o.NewtonMaxDimension && o.MaxNewtonSteps > 0;
        double gradientTolerance = o.GradientTolerance * weightSum;
        var gradient = new double[d + 1];

        // A refit warm-started from a model on the same rows: chord steps with that model's Hessian first, then Newton
        // steps where they stall. They end at the same optimum (same tolerance) as a cold fit.
        int chordSteps = 0;
        if (polish && o.InitialCurvature is { } curvature && curvature.Dimension == d + 1)
        {
            double f0 = objective.Evaluate(parameters, gradient);
            (double fChord, chordSteps, bool converged) = ChordSteps(objective, curvature, parameters, gradient, f0,
                gradientTolerance);
            if (converged)
                return new LogisticRegressionModel(parameters[..d], parameters[d], chordSteps, chordSteps, fChord,
                    objective.GradientPasses, objective.HessianPasses, curvature);
            // Stalled: the start is still close, so Newton on the Hessian where the chord steps stopped finishes; only
            // when it cannot (a Hessian not numerically positive definite, no step lowering f) does L-BFGS carry on.
            var (fNewton, newtonFromChord, chordFactor) = NewtonPolish(objective, parameters, gradient, fChord,
                gradientTolerance);
            chordSteps += newtonFromChord;
            if (MaxAbs(gradient) <= gradientTolerance)
                return new LogisticRegressionModel(parameters[..d], parameters[d], chordSteps, chordSteps, fNewton,
                    objective.GradientPasses, objective.HessianPasses, chordFactor ?? curvature);
        }

        double lbfgsTolerance = polish ? Math.Max(o.NewtonHandOverTolerance,
            o.GradientTolerance) * weightSum : gradientTolerance;
        var lbfgs = new Lbfgs(objective, new LbfgsSettings(o.HistorySize, o.MaxIterations, lbfgsTolerance,
            o.RelativeObjectiveTolerance, o.MaxLineSearchSteps));
        var result = lbfgs.Minimize(parameters, gradient);
        double f = result.Objective;

        int newtonSteps = 0;
        CurvatureFactor? factor = null;
        if (polish) (f, newtonSteps, factor) = NewtonPolish(objective, parameters, gradient, f, gradientTolerance);

        return new LogisticRegressionModel(parameters[..d], parameters[d], result.Iterations + chordSteps + newtonSteps,
            chordSteps + newtonSteps, f,
            objective.GradientPasses, objective.HessianPasses, factor ?? o.InitialCurvature);
    }

    /// <summary>
    /// Steps p -= H₀⁻¹∇f with a fixed factor until max|∇f| ≤ tolerance (converged), a step fails to lower f, or the
    /// gradient shrinks by less than <see cref="ChordStallContraction"/> in a step, at most
    /// <see cref="MaxChordSteps"/>.
    /// </summary>
    private static (double Objective, int Steps, bool Converged) ChordSteps(LogisticObjective objective,
        CurvatureFactor curvature,
        double[] p, double[] g, double f, double tolerance)
    {
        int k = p.Length;
        var step = new double[k];
        var trial = new double[k];
        var trialGradient = new double[k];
        for (int steps = 0; steps < MaxChordSteps; steps++)
        {
            double gradientNorm = MaxAbs(g);
            if (gradientNorm <= tolerance) return (f, steps, true);
            curvature.Solve(g, step);
            for (int j = 0; j < k; j++) trial[j] = p[j] - step[j];
            double fTrial = objective.Evaluate(trial, trialGradient);
            double trialNorm = MaxAbs(trialGradient);
            if (!(fTrial <= f + NewtonObjectiveSlack * Math.Abs(f) && trialNorm < gradientNorm)) return (f, steps,
                false);
            trial.CopyTo(p, 0);
            trialGradient.CopyTo(g, 0);
            f = fTrial;
            if (trialNorm > ChordStallContraction * gradientNorm && trialNorm > tolerance) return (f, steps + 1, false);
        }
        return (f, MaxChordSteps, MaxAbs(g) <= tolerance);
    }

    /// <summary>
    /// Damped Newton on the exact Hessian until max|∇f| ≤ tolerance or no step lowers f. Starting where L-BFGS
    /// handed over, two steps usually reach rounding level. A factorised Hessian is reused (a chord step) while it
    /// still shrinks the gradient by <see cref="ChordContraction"/>: the Hessian pass costs ~d/2 gradient passes,
    /// and near the optimum it barely changes.
    /// </summary>
    private (double Objective, int Steps, CurvatureFactor? Factor) NewtonPolish(LogisticObjective objective, double[] p,
        double[] g, double f, double tolerance)
    {
        int k = p.Length;
        var hessian = new double[k * k];
        var trial = new double[k];
        var trialGradient = new double[k];
        MathNet.Numerics.LinearAlgebra.Factorization.Cholesky<double>? factor = null;
        CurvatureFactor? last = null;
        int steps = 0;
        for (; steps < Options.MaxNewtonSteps; steps++)
        {
            double gradientNorm = MaxAbs(g);
            if (gradientNorm <= tolerance) break;
            if (factor is null)
            {
                objective.Hessian(p, hessian);
                try
                {
                    // Column-major storage of a symmetric matrix is the matrix itself.
                    factor = Matrix<double>.Build.Dense(k, k, hessian).Cholesky();
                    last = CurvatureFactor.Of(factor);
                }
                catch (ArgumentException)
                {
                    break; // Hessian not numerically positive definite: keep the L-BFGS answer.
                }
            }
            var step = factor.Solve(Vector<double>.Build.Dense(g));
            double t = 1.0, fTrial = double.NaN;
            bool accepted = false;
            for (int h = 0; h < NewtonMaxHalvings; h++, t *= 0.5)
            {
                for (int j = 0; j < k; j++) trial[j] = p[j] - t * step[j];
                fTrial = objective.Evaluate(trial, trialGradient);
                if (fTrial <= f + NewtonObjectiveSlack * Math.Abs(f) && MaxAbs(trialGradient) < gradientNorm
                    || fTrial < f)
                {
                    accepted = true;
                    break;
                }
            }
            if (!accepted) break;
            trial.CopyTo(p, 0);
            trialGradient.CopyTo(g, 0);
            f = fTrial;
            if (t < 1 || MaxAbs(g) > ChordContraction * gradientNorm) factor = null;
        }
        return (f, steps, last);
    }

    private static double MaxAbs(ReadOnlySpan<double> v)
    {
        double m = 0;
        foreach (double t in v) m = Math.Max(m, Math.Abs(t));
        return m;
    }
}
