using System.Numerics.Tensors;
using FairCollective.Common;
using FairCollective.Data;
using MathNet.Numerics.LinearAlgebra;

namespace FairCollective.Mitigation.Steering;

/// <summary>
/// Fit, steer and apply: the Gaussian model is fitted on the labelled training rows (log columns in log space),
/// steered, and every row of a moving (class, group) cell is moved with that cell's Gaussian transport map x' = A x + b
/// (A = S^-1/2 (S^1/2 S~ S^1/2)^1/2 S^-1/2, b = mu~ - A mu); with interpolation t the row becomes (1 - t) x + t (A x +
/// b) and its weight (1 - t) + t r_i / q_ia (r = target prior, q = fitted prior). Log columns are exponentiated back.
/// Test rows are never moved (they have no label).
/// </summary>
public static class SteeringPipeline
{
    /// <summary>As the code overload, with the group of each row taken from <paramref name="groups"/> (code 1 =
    /// minority, 0 = majority).</summary>
    /// <param name="x">Training features, n x d (log columns positive).</param>
    /// <param name="y">Labels in {0, 1}.</param>
    /// <param name="groups">Minority or majority of each row.</param>
    /// <param name="options">Steering settings; defaults when null.</param>
    public static SteeredData FitAndApply(DesignMatrix x, ReadOnlySpan<int> y, GroupMembership groups,
        SteeringOptions? options = null) =>
        FitAndApply(x, y, groups.Codes, options);

    /// <summary>Fits the Gaussian model on labelled training rows, steers it and moves and reweights every
    /// row.</summary>
    /// <param name="x">Training features, n x d (log columns positive).</param>
    /// <param name="y">Labels in {0, 1}.</param>
    /// <param name="group">Group code per row in {0, 1} (1 = minority, as <see cref="GroupMembership.Codes"/>).</param>
    /// <param name="options">Steering settings; defaults when null.</param>
    /// <exception cref="UserInputException">An option is out of range, lengths disagree, a label or group outside {0,
    /// 1}, a log column not positive, or a (class, group) cell with fewer than two rows.</exception>
    public static SteeredData FitAndApply(DesignMatrix x, ReadOnlySpan<int> y, ReadOnlySpan<int> group,
        SteeringOptions? options = null)
    {
        options ??= new SteeringOptions();
        options.Validate(x.Cols);
        var logged = ToLogSpace(x, options.LogColumns);
        return Moved(logged, y, group, SolveLogged(logged, y, group, options), options);
    }

    /// <summary>
    /// The fit and steering of
    /// <see cref="FitAndApply(DesignMatrix, ReadOnlySpan{int}, ReadOnlySpan{int}, SteeringOptions?)"/> without moving
    /// any row: <see cref="SteeringOptions.Interpolation"/> plays no part, so one solution serves every interpolation
    /// (<see cref="ApplySolution"/>).
    /// </summary>
    public static SteeringSolution Solve(DesignMatrix x, ReadOnlySpan<int> y, ReadOnlySpan<int> group,
        SteeringOptions? options = null)
    {
        options ??= new SteeringOptions();
        options.Validate(x.Cols);
        return SolveLogged(ToLogSpace(x, options.LogColumns), y, group, options);
    }

    /// <summary>Moves and reweights the rows of <paramref name="x"/> with a <paramref name="solution"/> from
    /// <see cref="Solve"/> on the same rows and options, at <see cref="SteeringOptions.Interpolation"/>.</summary>
    public static SteeredData ApplySolution(DesignMatrix x, ReadOnlySpan<int> y, ReadOnlySpan<int> group,
        SteeringSolution solution, SteeringOptions options)
    {
        options.Validate(x.Cols);
        return Moved(ToLogSpace(x, options.LogColumns), y, group, solution, options);
    }

    private static SteeringSolution SolveLogged(DesignMatrix logged, ReadOnlySpan<int> y, ReadOnlySpan<int> group,
        SteeringOptions options) =>
        GaussianSteering.Steer(GroupGaussianModel.Fit(logged, y, group, options.Covariance, options.VarianceFloor,
            options.CovarianceShrinkage), options);

    private static SteeredData Moved(DesignMatrix logged, ReadOnlySpan<int> y, ReadOnlySpan<int> group,
        SteeringSolution solution, SteeringOptions options)
    {
        var (moved, weights) = Apply(logged, y, group, solution, options.Interpolation);
        return new SteeredData(FromLogSpace(moved, options.LogColumns), weights, solution);
    }

    /// <summary>Moves rows with the per-cell transport maps of <paramref name="solution"/> (coordinates of the
    /// model).</summary>
    public static (DesignMatrix X, double[] Weights) Apply(DesignMatrix x, ReadOnlySpan<int> y, ReadOnlySpan<int> group,
                                                           SteeringSolution solution, double t)
    {
        if (y.Length != x.Rows
            || group.Length != x.Rows) throw new
            UserInputException("Steering apply: rows, labels and groups disagree in length.");
        if (x.Cols != solution.Original.Dimension) throw new
            UserInputException($"Steering apply: model has {solution.Original.Dimension} columns, data {x.Cols}.");
        var maps = new (Matrix<double> A, Vector<double> B)[2, 2];
        for (int i = 0; i < 2; i++)
            for (int a = 0; a < 2; a++)
            {
                var o = solution.Original[i, a];
                var s = solution.Target[i, a];
                // A cell steering left in place keeps its rows bit-for-bit (the square-root route would round).
                maps[i, a] = ReferenceEquals(o.Mean, s.Mean) && ReferenceEquals(o.Covariance, s.Covariance)
                    ? (Matrix<double>.Build.DenseIdentity(o.Dimension), Vector<double>.Build.Dense(o.Dimension))
                    : GaussianMath.TransportMap(o.Mean, o.Covariance, s.Mean, s.Covariance);
            }
        int d = x.Cols;
        // Plain row-major copies: MathNet's indexers are too slow for the per-row loop.
        var dense = new double[2, 2][];
        var offsets = new double[2, 2][];
        for (int i = 0; i < 2; i++)
            for (int a = 0; a < 2; a++)
            {
                dense[i, a] = maps[i, a].A.ToRowMajorArray();
                offsets[i, a] = maps[i, a].B.ToArray();
            }
        var data = new double[x.Data.Length];
        var weights = new double[x.Rows];
        var yArr = y.ToArray();
        var gArr = group.ToArray();
        Parallel.For(0, x.Rows, r =>
        {
            int i = yArr[r], a = gArr[r];
            var A = dense[i, a];
            var b = offsets[i, a];
            var row = x.Row(r);
            for (int j = 0; j < d; j++)
            {
                double moved = b[j] + TensorPrimitives.Dot(new ReadOnlySpan<double>(A, j * d, d), row);
                data[(long)r * d + j] = (1 - t) * row[j] + t * moved;
            }
            weights[r] = (1 - t) + t * solution.Target[i, a].Prior / solution.Original[i, a].Prior;
        });
        return (new DesignMatrix(x.Rows, d, data, x.ColumnNames), weights);
    }

    private static DesignMatrix ToLogSpace(DesignMatrix x, IReadOnlyList<int> columns)
    {
        if (columns.Count == 0) return x;
        var data = (double[])x.Data.Clone();
        foreach (int j in columns)
            for (int r = 0; r < x.Rows; r++)
            {
                double v = data[(long)r * x.Cols + j];
                if (!(v > 0)) throw new UserInputException($"Steering log column {x.ColumnNames[j]} has a " +
                    $"non-positive value {v} at row {r}.");
                data[(long)r * x.Cols + j] = Math.Log(v);
            }
        return new DesignMatrix(x.Rows, x.Cols, data, x.ColumnNames);
    }

    private static DesignMatrix FromLogSpace(DesignMatrix x, IReadOnlyList<int> columns)
    {
        if (columns.Count == 0) return x;
        foreach (int j in columns)
            for (int r = 0; r < x.Rows; r++) x.Data[(long)r * x.Cols + j] = Math.Exp(x.Data[(long)r * x.Cols + j]);
        return x;
    }
}
