using MathNet.Numerics.LinearAlgebra;

namespace FairCollective.Mitigation.Steering;

/// <summary>
/// The outcome of steering a <see cref="GroupGaussianModel"/>.
/// </summary>
/// <param name="Original">the fitted model.</param>
/// <param name="Target">the steered (ideal, for EF modes) model; priors are the equalised base rates.</param>
/// <param name="DisadvantagedGroup">the group mapped onto the template's shape.</param>
/// <param name="IdealMap">for EF modes, (A, c) with Target[i, disadvantaged] = A Target[i, template] + c in mean and
/// A Sigma A' in covariance, for both classes: the certificate that the target is ideal. Null for mean
/// matching.</param>
/// <param name="Gammas">per-feature scale (diagonal modes), else the diagonal of A.</param>
/// <param name="KlDivergence">KL(steered || original) of the joint law of (A, Y, X), P(A) unchanged:
/// sum_a P(a) [ sum_i r_i ln(r_i / q_ia) + sum_i r_i KL(N~_ia || N_ia) ], r = target priors, q = fitted priors.</param>
/// <param name="GaussianKl">the Gaussian part alone: sum_a P(a) sum_i r_i KL(N~_ia || N_ia).</param>
/// <param name="SolverIterations">full-covariance EF-Affirmative: descent iterations used (0 for closed forms).</param>
/// <param name="SolverGradientNorm">full-covariance EF-Affirmative: final gradient norm (0 for closed forms); compare
/// with <see cref="SteeringOptions.GradientTolerance"/> to see whether the descent converged.</param>
public sealed record SteeringSolution(GroupGaussianModel Original, GroupGaussianModel Target, int DisadvantagedGroup,
                                      (Matrix<double> A, Vector<double> C)? IdealMap, double[] Gammas,
                                      double KlDivergence, double GaussianKl, int SolverIterations = 0,
                                      double SolverGradientNorm = 0)
{
    /// <summary>The advantaged group whose shape is the template: 1 - <see cref="DisadvantagedGroup"/>.</summary>
    public int TemplateGroup => 1 - DisadvantagedGroup;
}
