using CsCheck;
using FairCollective.Common;
using FairCollective.Data;
using FairCollective.Data.Encoding;

namespace FairCollective.Tests.Data.Encoding;

[Trait(TestKind.Name, TestKind.Unit)]
public class TabularEncoderTests
{
    // Rows 0-3 train, rows 4-5 play the test rows: their values must not move the fitted statistics.
    private static Dataset Small() => new("small",
        [
            FeatureColumn.Numeric("age", [1, 2, 3, double.NaN, 100, -50]),
            FeatureColumn.Categorical("race", ["b", "a", null, "b", "zebra", "a"]),
        ],
        [0, 1, 0, 1, 1, 0],
        new SensitiveAttribute("s", ["g", "h", "g", "h", "g", "h"], ["h"]),
        ["r0", "r1", "r2", "r3", "r4", "r5"]);

    private static readonly int[] TrainRows = [0, 1, 2, 3];

    [Fact]
    public void HandCheckedEncodingOfTrainAndTestRows()
    {
        var enc = TabularEncoder.Fit(Small(), TrainRows);
        // Categories in ordinal order: "<missing>" (0x3C) sorts before letters.
        Assert.Equal(["age", "race=<missing>", "race=a", "race=b"], enc.ColumnNames);
        var age = enc.Columns[0];
        Assert.Equal(2.0, age.Center, 15);                   // mean of the observed training values 1, 2, 3
        Assert.Equal(Math.Sqrt(2.0 / 3.0), age.Scale, 15);   // population std

        var m = enc.Transform(Small());
        double s = Math.Sqrt(2.0 / 3.0);
        double[][] expected =
        [
            [-1 / s, 0, 0, 1],
            [0, 0, 1, 0],
            [1 / s, 1, 0, 0],
            [0, 0, 0, 1],           // NaN imputed with the training mean, which scales to 0
            [98 / s, 0, 0, 0],      // unseen category "zebra": all-zero block
            [-52 / s, 0, 1, 0],
        ];
        for (int i = 0; i < 6; i++)
            for (int j = 0; j < 4; j++)
                Assert.Equal(expected[i][j], m[i, j], 12);
    }

    [Fact]
    public void TransformKeepsRequestedRowOrder()
    {
        var enc = TabularEncoder.Fit(Small(), TrainRows);
        var all = enc.Transform(Small());
        var some = enc.Transform(Small(), [5, 0, 5]);
        Assert.Equal(all.Row(5).ToArray(), some.Row(0).ToArray());
        Assert.Equal(all.Row(0).ToArray(), some.Row(1).ToArray());
        Assert.Equal(all.Row(5).ToArray(), some.Row(2).ToArray());
    }

    [Fact]
    public void DropFirstAndScaledOneHot()
    {
        var enc = TabularEncoder.Fit(Small(), TrainRows, new EncoderOptions
        {
            DropFirst = true, ScaleOneHot = true,
            ScaleNumeric = false
        });
        Assert.Equal(["age", "race=a", "race=b"], enc.ColumnNames);
        var m = enc.Transform(Small());
        Assert.Equal(1.0, m[0, 0]);                              // numeric left unscaled
        // race=b is on in 2 of 4 training rows: p = 0.5, std = 0.5, so on -> 1, off -> -1.
        Assert.Equal(1.0, m[0, 2], 15);
        Assert.Equal(-1.0, m[1, 2], 15);
        // race=a: p = 0.25, std = sqrt(3)/4.
        Assert.Equal(0.75 / (Math.Sqrt(3) / 4), m[1, 1], 14);
        // The training mean of every scaled indicator is 0.
        for (int j = 1; j < 3; j++) Assert.Equal(0.0, TrainRows.Sum(i => m[i, j]), 12);
    }

    [Fact]
    public void ConstantColumnKeepsScaleOne()
    {
        var data = new Dataset("c", [FeatureColumn.Numeric("k", [5, 5, 5, 7])], [0, 1, 0, 1],
            new SensitiveAttribute("s", ["g", "g", "h", "h"], ["h"]), ["a", "b", "c", "d"]);
        var enc = TabularEncoder.Fit(data, [0, 1, 2]);
        Assert.Equal(1.0, enc.Columns[0].Scale);
        var m = enc.Transform(data);
        Assert.Equal([0, 0, 0, 2], m.Data);
    }

    [Fact]
    public void MissingValuesAreRefusedWhenAsked()
    {
        var numeric = Assert.Throws<UserInputException>(() =>
            TabularEncoder.Fit(Small(), TrainRows, new EncoderOptions { NumericMissing = NumericMissingPolicy.Error }));
        Assert.Contains("'age' row 3", numeric.Message);
        var categorical = Assert.Throws<UserInputException>(() =>
            TabularEncoder.Fit(Small(), TrainRows,
                new EncoderOptions { CategoricalMissing = CategoricalMissingPolicy.Error }));
        Assert.Contains("'race' row 2", categorical.Message);
        // Fitted on rows without NaN, the Error policy still guards transform.
        var enc = TabularEncoder.Fit(Small(), [0, 1, 4],
            new EncoderOptions { NumericMissing = NumericMissingPolicy.Error });
        Assert.Contains("'age' row 3", Assert.Throws<UserInputException>(() => enc.Transform(Small())).Message);
    }

    [Fact]
    public void MismatchedDataIsAUserError()
    {
        var enc = TabularEncoder.Fit(Small(), TrainRows);
        var other = new Dataset("other", [FeatureColumn.Numeric("age", [1])], [0], new SensitiveAttribute("s", ["g"],
            []), ["x"]);
        Assert.Contains("'race'", Assert.Throws<UserInputException>(() => enc.Transform(other)).Message);
        var wrongKind = new Dataset("wk", [FeatureColumn.Categorical("age", ["1"]), FeatureColumn.Categorical("race",
            ["a"])], [0],
            new SensitiveAttribute("s", ["g"], []), ["x"]);
        Assert.Contains("'age' is Categorical", Assert.Throws<UserInputException>(()
            => enc.Transform(wrongKind)).Message);
        Assert.Throws<UserInputException>(() => TabularEncoder.Fit(Small(), []));
        Assert.Throws<UserInputException>(() => TabularEncoder.Fit(Small(), [6]));
        Assert.Throws<UserInputException>(() => enc.Decode(DesignMatrix.FromRows([[1.0, 2.0]])));
    }

    [Fact]
    public void UnseenAndMissingCategoriesDecodeToNull()
    {
        var enc = TabularEncoder.Fit(Small(), TrainRows);
        var decoded = enc.Decode(enc.Transform(Small()));
        Assert.Equal<string?>(new string?[] { "b", "a", null, "b", null, "a" }, decoded[1].Categories!.AsEnumerable());
        Assert.Equal(2.0, decoded[0].Numbers![3], 14);   // the imputed NaN comes back as the training mean
    }

    private static readonly string[] Levels = ["red", "green", "blue", "Blue", "10", "9"];

    // Random tables: 1-3 numeric and 1-2 categorical columns; category index Levels.Length stands for null.
    private static readonly Gen<(Dataset Data, EncoderOptions Options)> Tables =
        from n in Gen.Int[1, 40]
        from numeric in Gen.Double[-1e4, 1e4].Array[n].Array[1, 3]
        from categorical in Gen.Int[0, Levels.Length].Array[n].Array[1, 2]
        from scaleNumeric in Gen.Bool
        from scaleOneHot in Gen.Bool
        from dropFirst in Gen.Bool
        select (
            new Dataset("random",
                numeric.Select((v, j) => FeatureColumn.Numeric($"n{j}", v))
                    .Concat(categorical.Select((v, j) => FeatureColumn.Categorical($"c{j}", v.Select(k
                        => k < Levels.Length ? Levels[k] : null).ToArray())))
                    .ToArray(),
                new int[n], new SensitiveAttribute("s", Enumerable.Repeat("g", n).ToArray(), []),
                Enumerable.Range(0, n).Select(i => $"r{i}").ToArray()),
            new EncoderOptions { ScaleNumeric = scaleNumeric, ScaleOneHot = scaleOneHot, DropFirst = dropFirst });

    [Fact]
    public void DecodingTheDesignMatrixGivesBackTheRawData() =>
        Tables.Sample(t =>
        {
            var (data, options) = t;
            var all = Enumerable.Range(0, data.RowCount).ToArray();
            var enc = TabularEncoder.Fit(data, all, options);
            var decoded = enc.Decode(enc.Transform(data));
            for (int c = 0; c < data.Features.Count; c++)
            {
                var raw = data.Features[c];
                Assert.Equal(raw.Name, decoded[c].Name);
                if (raw.Kind == FeatureKind.Numeric)
                {
                    // Floating-point round trip: error is relative to the column's magnitude (centre and scale), not
                    // the value's.
                    var expected = raw.Numbers!;
                    var actual = decoded[c].Numbers!;
                    double magnitude = Math.Max(1, expected.Max(Math.Abs));
                    for (int i = 0; i < data.RowCount; i++)
                        Assert.True(Math.Abs(actual[i] - expected[i]) <= 1e-12 * magnitude,
                            $"{raw.Name} row {i}: {actual[i]} vs {expected[i]}");
                }
                else
                    Assert.Equal(raw.Categories!, decoded[c].Categories!);
            }
            var first = enc.InverseTransformNumeric(enc.Transform(data), "n0");
            Assert.Equal(decoded[0].Numbers!, first);
        });

    [Fact]
    public void ScaledNumericColumnsHaveZeroMeanUnitVarianceOnTrainingRows() =>
        Tables.Sample(t =>
        {
            var (data, _) = t;
            var all = Enumerable.Range(0, data.RowCount).ToArray();
            var enc = TabularEncoder.Fit(data, all);
            var m = enc.Transform(data);
            foreach (var col in enc.Columns.Where(c => c.Kind == FeatureKind.Numeric))
            {
                var v = all.Select(i => m[i, col.Offset]).ToArray();
                double mean = v.Average(), variance = v.Select(x => (x - mean) * (x - mean)).Average();
                Assert.Equal(0, mean, 9);
                Assert.True(Math.Abs(variance - 1) < 1e-9 || (col.Scale == 1 && variance < 1e-18),
                    $"variance {variance}");
            }
            // One-hot blocks (unscaled, no DropFirst): exactly one 1 per row.
            foreach (var col in enc.Columns.Where(c => c.Kind == FeatureKind.Categorical))
                foreach (int i in all)
                    Assert.Equal(1.0, Enumerable.Range(col.Offset, col.Width).Sum(j => m[i, j]));
        });

    private static Dataset OneNumeric(params double[] x) => new("big", [FeatureColumn.Numeric("x", x)],
        x.Select((_, i) => i % 2).ToArray(), new SensitiveAttribute("s", x.Select((_, i)
            => i % 3 == 0 ? "m" : "M").ToArray(), ["m"]),
        x.Select((_, i) => i.ToString()).ToArray());

    [Fact]
    public void ValuesNearTheDoubleRangeStandardiseFinitely()
    {
        // Naively 1e308 + 1e308 overflows: the mean became infinite and every encoded value NaN.
        var same = OneNumeric(1e308, 1e308);
        var enc = TabularEncoder.Fit(same, [0, 1]);
        Assert.Equal((1e308, 1.0), (enc.Columns[0].Center, enc.Columns[0].Scale)); // constant: scale 1
        Assert.Equal([0.0, 0.0], enc.Transform(same).Data);

        var opposite = OneNumeric(1e308, -1e308);
        enc = TabularEncoder.Fit(opposite, [0, 1]);
        Assert.Equal((0.0, 1e308), (enc.Columns[0].Center, enc.Columns[0].Scale));
        Assert.Equal([1.0, -1.0], enc.Transform(opposite).Data);

        // Nine values of 1.5e308 and one of -1.5e308: x - mean overflows for the last row.
        var lopsided = OneNumeric([.. Enumerable.Repeat(1.5e308, 9), -1.5e308]);
        enc = TabularEncoder.Fit(lopsided, Enumerable.Range(0, 10).ToArray());
        Assert.Equal(1.2e308, enc.Columns[0].Center, 1e294);
        Assert.Equal(0.9e308, enc.Columns[0].Scale, 1e294);
        var m = enc.Transform(lopsided).Data;
        Assert.All(m, v => Assert.True(double.IsFinite(v)));
        Assert.Equal(1 / 3.0, m[0], 12);
        Assert.Equal(-3.0, m[9], 12);
    }

    [Fact]
    public void OrdinaryColumnsKeepTheirExactStatistics()
    {
        // Scaling by a power of two is exact: the same bits as the plain two-pass formulas.
        double[] x = [0.1, 0.7, 3.3, 1e-3, 12.5, 0.30000000000000004];
        var enc = TabularEncoder.Fit(OneNumeric(x), Enumerable.Range(0, x.Length).ToArray());
        double mean = x.Sum() / x.Length, ss = x.Sum(v => (v - mean) * (v - mean));
        Assert.Equal(mean, enc.Columns[0].Center);
        Assert.Equal(Math.Sqrt(ss / x.Length), enc.Columns[0].Scale);
    }

    [Fact]
    public void AValueTooFarFromTheTrainingValuesToEncodeIsAUserError()
    {
        var data = OneNumeric(0, 1e-300, 1e300);
        var enc = TabularEncoder.Fit(data, [0, 1]);
        var e = Assert.Throws<UserInputException>(() => enc.Transform(data));
        Assert.Equal("dataset 'big': column 'x' row 2: 1E+300 is too far from the training values to encode (mean " +
            "5E-301, standard deviation 5E-301)", e.Message);
    }
}
