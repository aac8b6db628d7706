namespace FairCollective.Tests.Mitigation;

/// <summary>Numeric assertions with an explicit relative tolerance and a message naming the value.</summary>
internal static class Close
{
    /// <summary>|actual − expected| ≤ rel·max(|expected|, floor); floor (an absolute scale) keeps values near zero from
    /// needing exact equality.</summary>
    public static void Rel(double expected, double actual, double rel, string what, double floor = 0.0)
    {
        if (double.IsInfinity(expected) || double.IsNaN(expected))
        {
            Assert.True(expected.Equals(actual), $"{what}: expected {expected}, got {actual}");
            return;
        }
        double scale = Math.Max(Math.Abs(expected), floor);
        Assert.True(Math.Abs(actual - expected) <= rel * scale,
            $"{what}: expected {expected:R}, got {actual:R} (diff {actual - expected:E3}, tolerance {rel:E1})");
    }

    public static void All(IReadOnlyList<double> expected, IReadOnlyList<double> actual, double rel, string what,
        double floor = 0.0)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (int i = 0; i < expected.Count; i++) Rel(expected[i], actual[i], rel, $"{what}[{i}]", floor);
    }
}
