using CsCheck;
using FairCollective.Experiments.Summaries;
using FairCollective.Reporting.Figures;

namespace FairCollective.Tests.Reporting;

[Trait(TestKind.Name, TestKind.Unit)]
public sealed class ParetoFrontTests
{
    [Fact]
    public void HandCheckedFront()
    {
        TradeOffPoint[] points = [new(0.30, 0.20), new(0.31, 0.10), new(0.32, 0.15), new(0.33, 0.05), new(0.31, 0.12),
            new(0.35, 0.05), new(double.NaN, 0)];
        var front = ParetoFront.Of(points);
        // (0.32, 0.15) is beaten by (0.31, 0.10); (0.31, 0.12) too; (0.35, 0.05) ties on EqOd at higher error; NaN is
        // ignored.
        Assert.Equal([new(0.30, 0.20), new(0.31, 0.10), new(0.33, 0.05)], front);
    }

    [Fact]
    public void FrontIsExactlyTheNonDominatedPoints()
    {
        var point = Gen.Select(Gen.Int[0, 20], Gen.Int[0, 20], (e, q) => new TradeOffPoint(e / 20.0, q / 20.0));
        point.Array[0, 30].Sample(points =>
        {
            var front = ParetoFront.Of(points);
            bool Dominated(TradeOffPoint p) => points.Any(o => o.Error <= p.Error && o.EqOd <= p.EqOd
                && (o.Error < p.Error || o.EqOd < p.EqOd));
            // Every front point is undominated, every undominated point value is on the front, and the front is a
            // staircase.
            Assert.All(front, p => Assert.False(Dominated(p)));
            Assert.Equal(points.Where(p => !Dominated(p)).Distinct().OrderBy(p => p.Error).ToArray(), front.ToArray());
            for (int i = 1; i < front.Count; i++)
            {
                Assert.True(front[i].Error > front[i - 1].Error);
                Assert.True(front[i].EqOd < front[i - 1].EqOd);
            }
        });
    }
}
