using CsCheck;
using FairCollective.Common;
using FairCollective.Data;
using FairCollective.Mitigation.PreProcessing;
using static FairCollective.Tests.Mitigation.MitigationReference;

namespace FairCollective.Tests.Mitigation.PreProcessing;

[Trait(TestKind.Name, TestKind.Unit)]
public class ReweighingTests
{
    private const string File = "reweighing.json";

    public static IEnumerable<object[]> Names => CaseNames(File);

    [Theory]
    [MemberData(nameof(Names))]
    public void MatchesAif360(string name)
    {
        var c = Case(File, name);
        var y = Ints(c["inputs"]!["y"]);
        var a = Groups(c["inputs"]!["a"]);
        var wIn = c["inputs"]!["instance_weights_in"] is null ? null : Doubles(c["inputs"]!["instance_weights_in"]);
        // Unit weights make every quantity a ratio of counts (README: ~1e-15); summed real weights allow a few ulps
        // more.
        double tol = wIn is null ? 1e-15 : 1e-14;

        var model = Reweighing.Fit(y, a, wIn);
        foreach (var cell in c["outputs"]!["cell_weights"]!.AsArray())
        {
            int idx = ReweighingModel.Cell(minority: cell!["a"]!.GetValue<int>() == 0,
                cell["y"]!.GetValue<int>()); // AIF360: a = 1 privileged
            Assert.Equal(cell["count"]!.GetValue<int>(), model.CellCount[idx]);
            Close.Rel(D(cell["weighted_count_in"]), model.CellMass[idx], tol, $"{name} mass {idx}");
            Close.Rel(D(cell["weight"]), model.ReweighingWeights[idx], tol, $"{name} weight {idx}");
        }
        var wOut = model.Transform(y, a, wIn);
        Close.All(Doubles(c["outputs"]!["instance_weights_out"]), wOut, tol, name);
        Close.Rel(D(c["outputs"]!["sum_instance_weights_out"]), wOut.Sum(), 1e-13, name + " sum");
    }

    [Fact]
    public void HandCheckedTwoByTwo()
    {
        // 6 rows: majority (1,1,0), minority (1,0,0). N = 6, W(a) = 3 each, W(y=1) = 3, W(y=0) = 3.
        // Cell (majority, 1) has 2 rows: 3·3 / (6·2) = 0.75; (majority, 0): 3·3/(6·1) = 1.5; (minority, 1): 1.5;
        // (minority, 0): 0.75.
        int[] y = [1, 1, 0, 1, 0, 0];
        GroupMembership a = [false, false, false, true, true, true];
        Assert.Equal([0.75, 0.75, 1.5, 1.5, 0.75, 0.75], Reweighing.FitTransform(y, a));
        // Half strength: 0.5 + 0.5·w.
        Assert.Equal([0.875, 0.875, 1.25, 1.25, 0.875, 0.875],
            Reweighing.FitTransform(y, a, options: new ReweighingOptions { Strength = 0.5 }));
    }

    [Fact]
    public void StrengthZeroKeepsInputWeights()
    {
        int[] y = [1, 0, 1, 0, 1];
        GroupMembership a = [false, false, true, true, true];
        double[] w = [0.5, 2, 1, 3, 0.25];
        Assert.Equal(w, Reweighing.FitTransform(y, a, w, new ReweighingOptions { Strength = 0 }));
    }

    [Fact]
    public void EmptyCellIsAUserError()
    {
        int[] y = [1, 1, 0, 1];
        GroupMembership a = [false, false, true, true]; // no majority negative
        var ex = Assert.Throws<UserInputException>(() => Reweighing.Fit(y, a));
        Assert.Contains("majority, y=0", ex.Message);
    }

    [Fact]
    public void BadInputsAreUserErrors()
    {
        Assert.Throws<UserInputException>(() => Reweighing.Fit([1, 0], [true]));
        Assert.Throws<UserInputException>(() => Reweighing.Fit([1, 2], [true, false]));
        Assert.Throws<UserInputException>(() => Reweighing.Fit([1, 0, 1, 0], [true, true, false, false], [1, -1, 1,
            1]));
        Assert.Throws<UserInputException>(() => Reweighing.Fit([1, 0, 1, 0], [true, true, false, false],
            options: new ReweighingOptions { Strength = 1.5 }));
    }

    private static readonly Gen<(int[] Y, bool[] A, double[] W)> Data =
        Gen.Int[8, 200].SelectMany(n => Gen.Select(Gen.Int[0, 1].Array[n], Gen.Bool.Array[n], Gen.Double[0.1,
            3.0].Array[n]))
            .Where(t => Enumerable.Range(0, 4).All(cell => Enumerable.Range(0, t.Item1.Length)
                .Any(i => ReweighingModel.Cell(t.Item2[i], t.Item1[i]) == cell)));

    [Fact]
    public void WeightsMakeGroupAndLabelIndependent()
    {
        Data.Sample(t =>
        {
            var w = Reweighing.FitTransform(t.Y, FromPrivileged(t.A), t.W);
            double[] pos = new double[2], tot = new double[2];
            for (int i = 0; i < w.Length; i++)
            {
                int g = t.A[i] ? 1 : 0;
                tot[g] += w[i];
                pos[g] += t.Y[i] * w[i];
            }
            // Weighted P(y = 1 | a) is the same in both groups, and equals the overall weighted input base rate.
            double overall = t.Y.Select((y, i) => y * t.W[i]).Sum() / t.W.Sum();
            Close.Rel(overall, pos[1] / tot[1], 1e-12, "privileged rate", 1);
            Close.Rel(overall, pos[0] / tot[0], 1e-12, "unprivileged rate", 1);
            // The total mass is preserved.
            Close.Rel(t.W.Sum(), w.Sum(), 1e-12, "total");
        }, iter: 200);
    }

    [Fact]
    public void StrengthInterpolatesLinearly()
    {
        Gen.Select(Data, Gen.Double[0, 1]).Sample((t, lambda) =>
        {
            var full = Reweighing.FitTransform(t.Y, FromPrivileged(t.A), t.W);
            var part = Reweighing.FitTransform(t.Y, FromPrivileged(t.A), t.W,
                new ReweighingOptions { Strength = lambda });
            for (int i = 0; i < full.Length; i++)
                Close.Rel((1 - lambda) * t.W[i] + lambda * full[i], part[i], 1e-12, "interpolated weight");
        }, iter: 100);
    }
}
