namespace FairCollective.Neighbours;

/// <summary>
/// The safety margin that lets float32 screening feed an exact float64 answer without losing a true neighbour.
/// <para>
/// Notation: q, r the float64 rows, c the reference column mean, a = fl32(q - c), b = fl32(r - c) (centering does
/// not change distances and keeps the float32 magnitudes small), u = 2^-24, A = ||a||, B = max over references of
/// ||b||, D = ||q - r|| the true distance. The screen computes v = fl32(fma(acc, -2, fl32(||b||^2))) with acc a
/// float32 FMA chain for a.b, and the screened squared distance s = v + ||a||^2 (double).
/// </para>
/// <para>
/// (1) Conversion: every coordinate of a differs from q - c by a relative error of at most eta = 1.01u (one double
/// rounding, one float rounding), so ||a - (q - c)|| &lt;= eta ||q - c|| and, by the triangle inequality,
/// |D - ||a - b||| &lt;= deltaC = 1.02 eta (A + B) (plus a subnormal term).
/// (2) Screening arithmetic: the FMA chain errs by at most gamma_d sum|a_i b_i| &lt;= gamma_d A B, gamma_d = du/(1-du);
/// rounding ||b||^2 to float and the final FMA add at most u(||a||^2 + 3 B^2); with 2AB &lt;= A^2 + B^2,
/// |s - ||a - b||^2| &lt;= deltaS = (d + 8) u 1.05 (A^2 + B^2) for d &lt;= <see cref="MaxDimension"/>.
/// (3) Threshold: let s_k be the k-th smallest screened value. The k rows with s &lt;= s_k all have
/// D &lt;= U = sqrt(s_k + deltaS) + deltaC, so the true k-th distance D_k &lt;= U. Any row with D &lt;= D_k then has
/// ||a - b|| &lt;= U + deltaC and s &lt;= tau = (sqrt(s_k + deltaS) + 2 deltaC)^2 + deltaS. Keeping every row with
/// s &lt;= tau therefore keeps every true neighbour including all rows tied at the k-th distance; the final answer is
/// chosen among them on direct float64 distances. While streaming, the running s_k only decreases, tau is
/// increasing in s_k, so a row dropped against an earlier tau is also outside the final one.
/// </para>
/// </summary>
internal readonly struct ScreeningMargin
{
    /// <summary>Largest dimension for which gamma_d stays below 1.05 du (du &lt;= 0.006).</summary>
    public const int MaxDimension = 100_000;

    /// <summary>Largest centered magnitude screened in float32: squares and their sums stay far below
    /// float.MaxValue.</summary>
    public const double MaxMagnitude = 1e15;

    private const double U = 1.0 / (1 << 24);
    private const double Eta = 1.01 * U;
    private static readonly double Subnormal = Math.ScaleB(1, -149);

    private readonly double _queryNorm2, _deltaS, _deltaC;

    public ScreeningMargin(int d, double queryNorm2, double maxReferenceNorm2)
    {
        _queryNorm2 = queryNorm2;
        _deltaS = (d + 8) * U * 1.05 * (queryNorm2 + maxReferenceNorm2) + 2 * d * Subnormal;
        _deltaC = 1.02 * Eta * (Math.Sqrt(queryNorm2) + Math.Sqrt(maxReferenceNorm2)) + 2 * Math.Sqrt(d) * Subnormal;
    }

    /// <summary>
    /// The screening threshold in v units (v = s - ||a||^2), rounded up to float, given the k-th smallest v so far.
    /// </summary>
    public float Threshold(float kthV)
    {
        double sk = Math.Max(0, kthV + _queryNorm2);
        double root = Math.Sqrt(sk + _deltaS) + 2 * _deltaC;
        double tau = root * root + _deltaS - _queryNorm2;
        float t = (float)tau;
        return t < tau ? MathF.BitIncrement(t) : t;
    }
}
