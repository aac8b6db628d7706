namespace FairCollective.Mitigation.Steering;

/// <summary>A 1-D normal N(Mean, Sd^2).</summary>
/// <param name="Mean">m.</param>
/// <param name="Sd">s, the standard deviation, positive.</param>
public readonly record struct Univariate(double Mean, double Sd)
{
    /// <summary>KL(this || other) = log(s/s~) + (s~^2 + (m~ - m)^2) / (2 s^2) - 1/2.</summary>
    public double KlTo(Univariate other) =>
        Math.Log(other.Sd / Sd) + (Sd * Sd + (Mean - other.Mean) * (Mean - other.Mean)) / (2 * other.Sd * other.Sd) -
            0.5;
}
