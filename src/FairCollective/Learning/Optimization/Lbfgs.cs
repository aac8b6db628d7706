namespace FairCollective.Learning.Optimization;

/// <summary>Why <see cref="Lbfgs"/> stopped.</summary>
internal enum LbfgsStop { GradientTolerance, ObjectiveTolerance, LineSearchFailed, MaxIterations }

internal readonly record struct LbfgsSettings(
    int History, int MaxIterations, double GradientTolerance, double RelativeObjectiveTolerance, int
        MaxLineSearchSteps);

internal readonly record struct LbfgsResult(int Iterations, int Evaluations, double Objective, LbfgsStop Stop);

/// <summary>
/// Limited-memory BFGS (Nocedal &amp; Wright, Algorithms 7.4/7.5) with a strong-Wolfe line search (Algorithms 3.5/3.6,
/// cubic interpolation). Written by hand rather than MathNet's LimitedMemoryBfgsMinimizer because that one
/// allocates vectors on every evaluation and cannot hand our fused, parallel loss+gradient pass its buffers;
/// here every buffer is allocated once per fit. Stops when max|∇f| ≤ GradientTolerance, or when one iteration
/// lowers f by at most RelativeObjectiveTolerance·max(|f|, 1) (scipy's factr test), or when the line search
/// can no longer decrease f (rounding level), or after MaxIterations.
/// </summary>
internal sealed class Lbfgs
{
    private const double ArmijoC1 = 1e-4;
    private const double CurvatureC2 = 0.9;
    private const double ExtrapolationFactor = 2.0;
    private const double InterpolationSafeguard = 0.1;

    private readonly IDifferentiableFunction _f;
    private readonly LbfgsSettings _settings;
    private readonly int _n;
    private readonly double[][] _s, _y;
    private readonly double[] _rho, _alpha, _direction, _trialX, _trialGradient;

    public Lbfgs(IDifferentiableFunction f, LbfgsSettings settings)
    {
        _f = f;
        _settings = settings;
        _n = f.Dimension;
        int m = Math.Max(1, settings.History);
        _s = new double[m][];
        _y = new double[m][];
        for (int k = 0; k < m; k++) { _s[k] = new double[_n]; _y[k] = new double[_n]; }
        _rho = new double[m];
        _alpha = new double[m];
        _direction = new double[_n];
        _trialX = new double[_n];
        _trialGradient = new double[_n];
    }

    /// <summary>Minimises from <paramref name="x"/> (overwritten with the solution; <paramref name="gradient"/> gets ∇f
    /// there).</summary>
    public LbfgsResult Minimize(Span<double> x, Span<double> gradient)
    {
        int m = _s.Length, stored = 0, newest = -1, evaluations = 1;
        double f = _f.Evaluate(x, gradient);
        for (int iter = 0; ; iter++)
        {
            if (MaxAbs(gradient) <= _settings.GradientTolerance) return new(iter, evaluations, f,
                LbfgsStop.GradientTolerance);
            if (iter >= _settings.MaxIterations) return new(iter, evaluations, f, LbfgsStop.MaxIterations);

            double initialStep = TwoLoopDirection(gradient, stored, newest);
            double slope = Dot(gradient, _direction);
            if (!(slope < 0))
            {
                // Rounding made the quasi-Newton direction useless: restart from steepest descent.
                stored = 0;
                initialStep = TwoLoopDirection(gradient, 0, -1);
                slope = Dot(gradient, _direction);
                if (!(slope < 0)) return new(iter, evaluations, f, LbfgsStop.LineSearchFailed);
            }

            double fNew = LineSearch(x, f, slope, initialStep, ref evaluations, out double step);
            if (double.IsNaN(fNew)) return new(iter, evaluations, f, LbfgsStop.LineSearchFailed);

            int slot = (newest + 1) % m;
            double sy = 0, yy = 0;
            for (int k = 0; k < _n; k++)
            {
                double sk = _trialX[k] - x[k], yk = _trialGradient[k] - gradient[k];
                _s[slot][k] = sk;
                _y[slot][k] = yk;
                sy += sk * yk;
                yy += yk * yk;
            }
            _trialX.CopyTo(x);
            _trialGradient.CopyTo(gradient);
            double fOld = f;
            f = fNew;
            if (sy > 0 && yy > 0)
            {
                _rho[slot] = 1.0 / sy;
                newest = slot;
                stored = Math.Min(stored + 1, m);
            }
            if (fOld - f <= _settings.RelativeObjectiveTolerance * Math.Max(Math.Max(Math.Abs(fOld), Math.Abs(f)), 1.0))
                return new(iter + 1, evaluations, f, LbfgsStop.ObjectiveTolerance);
        }
    }

    /// <summary>Writes d = -H·g into the direction buffer; returns the first trial step length.</summary>
    private double TwoLoopDirection(ReadOnlySpan<double> gradient, int stored, int newest)
    {
        var q = _direction;
        for (int k = 0; k < _n; k++) q[k] = -gradient[k];
        if (stored == 0)
        {
            // No curvature yet: a steepest-descent step of unit length, extended by the line search if too short.
            double norm = Math.Sqrt(Dot(q, q));
            return norm > 0 ? 1.0 / norm : 1.0;
        }
        int m = _s.Length;
        for (int i = 0, k = newest; i < stored; i++, k = (k - 1 + m) % m)
        {
            _alpha[k] = _rho[k] * Dot(_s[k], q);
            VectorMath.AddScaled(q, _y[k], -_alpha[k]);
        }
        double gamma = 1.0 / (_rho[newest] * Dot(_y[newest], _y[newest]));
        for (int k = 0; k < _n; k++) q[k] *= gamma;
        for (int i = 0, k = (newest - stored + 1 + m) % m; i < stored; i++, k = (k + 1) % m)
        {
            double beta = _rho[k] * Dot(_y[k], q);
            VectorMath.AddScaled(q, _s[k], _alpha[k] - beta);
        }
        return 1.0;
    }

    /// <summary>
    /// Strong-Wolfe line search along the direction buffer. On success the accepted point and its gradient are in the
    /// trial buffers and f there is returned; NaN when no decrease could be found.
    /// </summary>
    private double LineSearch(ReadOnlySpan<double> x, double f0, double slope0, double step, ref int evaluations,
        out double accepted)
    {
        double prevStep = 0, prevF = f0, prevSlope = slope0;
        for (int i = 0; i < _settings.MaxLineSearchSteps; i++)
        {
            double fStep = EvaluateAt(x, step, ref evaluations, out double slope);
            if (fStep > f0 + ArmijoC1 * step * slope0 || (i > 0 && fStep >= prevF) || !double.IsFinite(fStep))
                return Zoom(x, f0, slope0, prevStep, prevF, prevSlope, step, fStep, slope, ref evaluations,
                    out accepted);
            if (Math.Abs(slope) <= -CurvatureC2 * slope0) { accepted = step; return fStep; }
            if (slope >= 0)
                return Zoom(x, f0, slope0, step, fStep, slope, prevStep, prevF, prevSlope, ref evaluations,
                    out accepted);
            prevStep = step; prevF = fStep; prevSlope = slope;
            step *= ExtrapolationFactor;
        }
        // Still descending after every extrapolation: accept the last (sufficient-decrease) point, already in the
        // buffers.
        accepted = prevStep;
        return prevStep > 0 ? prevF : double.NaN;
    }

    private double Zoom(ReadOnlySpan<double> x, double f0, double slope0,
        double lo, double fLo, double slopeLo, double hi, double fHi, double slopeHi, ref int evaluations, out double
            accepted)
    {
        for (int i = 0; i < _settings.MaxLineSearchSteps; i++)
        {
            double step = CubicMinimizer(lo, fLo, slopeLo, hi, fHi, slopeHi);
            double width = hi - lo;
            double low = Math.Min(lo, hi) + InterpolationSafeguard * Math.Abs(width);
            double high = Math.Max(lo, hi) - InterpolationSafeguard * Math.Abs(width);
            if (!(step >= low && step <= high)) step = 0.5 * (lo + hi);
            double fStep = EvaluateAt(x, step, ref evaluations, out double slope);
            if (fStep > f0 + ArmijoC1 * step * slope0 || fStep >= fLo || !double.IsFinite(fStep))
            {
                hi = step; fHi = fStep; slopeHi = slope;
            }
            else
            {
                if (Math.Abs(slope) <= -CurvatureC2 * slope0) { accepted = step; return fStep; }
                if (slope * (hi - lo) >= 0) { hi = lo; fHi = fLo; slopeHi = slopeLo; }
                lo = step; fLo = fStep; slopeLo = slope;
            }
        }
        // Interval exhausted (rounding level): settle for the best sufficient-decrease point, if any.
        accepted = lo;
        if (lo == 0) return double.NaN;
        return EvaluateAt(x, lo, ref evaluations, out _);
    }

    /// <summary>Minimiser of the cubic matching f and f' at both ends (Nocedal &amp; Wright eq. 3.59); NaN if
    /// none.</summary>
    private static double CubicMinimizer(double a, double fa, double da, double b, double fb, double db)
    {
        double d1 = da + db - 3 * (fa - fb) / (a - b);
        double disc = d1 * d1 - da * db;
        if (!(disc >= 0)) return double.NaN;
        double d2 = Math.Sign(b - a) * Math.Sqrt(disc);
        return b - (b - a) * (db + d2 - d1) / (db - da + 2 * d2);
    }

    private double EvaluateAt(ReadOnlySpan<double> x, double step, ref int evaluations, out double slope)
    {
        for (int k = 0; k < _n; k++) _trialX[k] = x[k] + step * _direction[k];
        evaluations++;
        double f = _f.Evaluate(_trialX, _trialGradient);
        slope = Dot(_trialGradient, _direction);
        return f;
    }

    private static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b) => VectorMath.Dot(a, b);

    private static double MaxAbs(ReadOnlySpan<double> v)
    {
        double m = 0;
        foreach (double t in v) m = Math.Max(m, Math.Abs(t));
        return m;
    }
}
