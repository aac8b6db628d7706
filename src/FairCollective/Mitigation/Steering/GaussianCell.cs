using MathNet.Numerics.LinearAlgebra;

namespace FairCollective.Mitigation.Steering;

/// <summary>X | Y = i, A = a ~ N(Mean, Covariance), with Prior = P(Y = i | A = a).</summary>
/// <param name="Mean">mu, length d.</param>
/// <param name="Covariance">Sigma, d x d (diagonal for diagonal models).</param>
/// <param name="Prior">P(Y = i | A = a), in [0, 1].</param>
public sealed record GaussianCell(Vector<double> Mean, Matrix<double> Covariance, double Prior)
{
    /// <summary>d, the number of features.</summary>
    public int Dimension => Mean.Count;
}
