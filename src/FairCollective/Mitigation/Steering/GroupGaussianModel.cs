using FairCollective.Common;
using FairCollective.Data;
using MathNet.Numerics.LinearAlgebra;

namespace FairCollective.Mitigation.Steering;

/// <summary>
/// The Gaussian class-conditional model of steering: one <see cref="GaussianCell"/> per (class i, group a) and the
/// group shares P(A = a). Cells are indexed [class, group].
/// </summary>
public sealed class GroupGaussianModel
{
    /// <summary>A model over given cells (kept, not copied).</summary>
    /// <param name="cells">The four cells, indexed [class, group].</param>
    /// <param name="groupShare">P(A = 0) and P(A = 1).</param>
    /// <param name="kind">Covariance shape of the cells.</param>
    /// <exception cref="ArgumentException">Not 2 classes x 2 groups.</exception>
    public GroupGaussianModel(GaussianCell[,] cells, double[] groupShare, CovarianceKind kind)
    {
        if (cells.GetLength(0) != 2 || cells.GetLength(1) != 2 || groupShare.Length != 2)
            throw new ArgumentException("A steering model has 2 classes x 2 groups.");
        Cells = cells;
        GroupShare = groupShare;
        Kind = kind;
    }

    /// <summary>The cells, indexed [class, group].</summary>
    public GaussianCell[,] Cells { get; }

    /// <summary>P(A = a) for a = 0, 1.</summary>
    public double[] GroupShare { get; }

    /// <summary>Whether the covariances are diagonal or full.</summary>
    public CovarianceKind Kind { get; }

    /// <summary>d, the number of features.</summary>
    public int Dimension => Cells[0, 0].Dimension;

    /// <summary>The cell of class <paramref name="cls"/> and group <paramref name="group"/>.</summary>
    public GaussianCell this[int cls, int group] => Cells[cls, group];

    /// <summary>
    /// Maximum-likelihood fit (covariance divides by the cell count) on labelled rows with a binary group.
    /// Every (class, group) cell needs at least two rows. Full covariances are shrunk by <paramref name="shrinkage"/>
    /// (see <see cref="SteeringOptions.CovarianceShrinkage"/>) before the floor is added; diagonal ones are not.
    /// </summary>
    public static GroupGaussianModel Fit(DesignMatrix x, ReadOnlySpan<int> y, ReadOnlySpan<int> group,
        CovarianceKind kind,
                                         double varianceFloor = SteeringOptions.DefaultVarianceFloor, double shrinkage =
                                             0)
    {
        if (y.Length != x.Rows || group.Length != x.Rows)
            throw new UserInputException($"Steering got {x.Rows} rows, {y.Length} labels and {group.Length} group " +
                "values; they must agree.");
        int d = x.Cols;
        var count = new int[2, 2];
        var mean = new Vector<double>[2, 2];
        for (int i = 0; i < 2; i++)
            for (int a = 0; a < 2; a++) mean[i, a] = Vector<double>.Build.Dense(d);
        for (int r = 0; r < x.Rows; r++)
        {
            if (y[r] is not (0 or 1)) throw new
                UserInputException($"Steering label at row {r} is {y[r]}; labels must be 0 or 1.");
            if (group[r] is not (0 or 1)) throw new
                UserInputException($"Steering group at row {r} is {group[r]}; groups must be 0 or 1.");
            count[y[r], group[r]]++;
            var row = x.Row(r);
            var m = mean[y[r], group[r]];
            for (int j = 0; j < d; j++) m[j] += row[j];
        }
        for (int i = 0; i < 2; i++)
            for (int a = 0; a < 2; a++)
            {
                if (count[i,
                    a] < 2) throw new UserInputException($"Steering needs at least two training rows with y = {i} " +
                    $"and group = {a}; found {count[i, a]}.");
                mean[i, a] /= count[i, a];
            }
        var cov = new Matrix<double>[2, 2];
        for (int i = 0; i < 2; i++)
            for (int a = 0; a < 2; a++) cov[i, a] = Matrix<double>.Build.Dense(d, d);
        var centred = new double[d];
        for (int r = 0; r < x.Rows; r++)
        {
            var row = x.Row(r);
            var m = mean[y[r], group[r]];
            var c = cov[y[r], group[r]];
            for (int j = 0; j < d; j++) centred[j] = row[j] - m[j];
            for (int j = 0; j < d; j++)
            {
                if (kind == CovarianceKind.Diagonal) { c[j, j] += centred[j] * centred[j]; continue; }
                for (int k = 0; k <= j; k++) c[j, k] += centred[j] * centred[k];
            }
        }
        var cells = new GaussianCell[2, 2];
        int n0 = count[0, 0] + count[1, 0], n1 = count[0, 1] + count[1, 1];
        for (int i = 0; i < 2; i++)
            for (int a = 0; a < 2; a++)
            {
                var c = cov[i, a] / count[i, a];
                for (int j = 0; j < d; j++)
                    for (int k = 0; k < j; k++) c[k, j] = c[j, k];
                if (kind == CovarianceKind.Full && shrinkage > 0)
                {
                    double scale = shrinkage * c.Trace() / d;
                    c *= 1 - shrinkage;
                    for (int j = 0; j < d; j++) c[j, j] += scale;
                }
                for (int j = 0; j < d; j++) c[j, j] += varianceFloor;
                cells[i, a] = new GaussianCell(mean[i, a], c, (double)count[i, a] / (a == 0 ? n0 : n1));
            }
        return new GroupGaussianModel(cells, [(double)n0 / x.Rows, (double)n1 / x.Rows], kind);
    }
}
