using System.Text.Json;
using System.Text.Json.Serialization;
using CsCheck;
using FairCollective.Experiments.Store;

namespace FairCollective.Tests.Experiments;

/// <summary>
/// The store's metrics column is written and read with the JSON writer and reader directly; stores written before
/// (by System.Text.Json's serializer, named floating-point literals allowed) must read the same and new rows must be
/// the same bytes. The serializer is the reference here.
/// </summary>
[Trait(TestKind.Name, TestKind.Unit)]
public class MetricsJsonTests
{
    private static readonly JsonSerializerOptions Serializer = new()
    {
        NumberHandling =
        JsonNumberHandling.AllowNamedFloatingPointLiterals
    };

    private static readonly double[] Awkward = [double.NaN, double.PositiveInfinity, double.NegativeInfinity, -0.0,
        double.Epsilon, double.MaxValue, double.MinValue, 0.1, 1e-300];
    private static readonly string[] AwkwardNames = ["eq_odds", "eq_odds_ci_low", "error_minority", "tie_flips",
        "a<b>&'\"", "é", "x\ty"];

    // Values a cell stores: rates, counts, intervals, and the awkward ones (NaN, infinities, -0, subnormals, extremes).
    private static readonly Gen<double> Values = Gen.OneOf(
        Gen.Double[0, 1], Gen.Int[0, 100_000].Select(i => (double)i), Gen.Double,
        Gen.Int[0, Awkward.Length - 1].Select(i => Awkward[i]));


    // Metric names, with characters JSON must escape among them.
    private static readonly Gen<string> Names = Gen.OneOf(
        Gen.Int[0, AwkwardNames.Length - 1].Select(i => AwkwardNames[i]),
        Gen.String[Gen.Char.AlphaNumeric, 1, 12]);

    private static readonly Gen<Dictionary<string, double>> Metrics = Gen.Dictionary(Names, Values)[0, 80].Select(d
        => new Dictionary<string, double>(d, StringComparer.Ordinal));

    [Fact]
    public void WritesWhatTheSerializerWroteAndReadsItBack()
    {
        Metrics.Sample(metrics =>
        {
            string expected = JsonSerializer.Serialize(new SortedDictionary<string, double>(metrics,
                StringComparer.Ordinal), Serializer);
            string written = MetricsJson.Write(metrics);
            var read = MetricsJson.Read(expected);
            var reference = JsonSerializer.Deserialize<Dictionary<string, double>>(expected, Serializer)!;
            return written == expected && read.Count == reference.Count
                && reference.All(kv => read.TryGetValue(kv.Key, out var v)
                    && BitConverter.DoubleToInt64Bits(v) == BitConverter.DoubleToInt64Bits(kv.Value));
        }, iter: 1000);
    }

    [Fact]
    public void NamedLiteralsAndKeyOrder()
    {
        var metrics = new Dictionary<string, double>
        {
            ["b"] = double.NaN, ["a"] = double.NegativeInfinity,
            ["B"] = double.PositiveInfinity, ["c"] = 0.25
        };
        Assert.Equal("""{"B":"Infinity","a":"-Infinity","b":"NaN","c":0.25}""", MetricsJson.Write(metrics));
    }

    [Theory]
    [InlineData("[1, 2]")]
    [InlineData("""{"a": "one"}""")]
    [InlineData("""{"a": null}""")]
    [InlineData("""{"a": {"b": 1}}""")]
    [InlineData("""{"a": 1""")]
    [InlineData("""{"a": 1} {"b": 2}""")]
    [InlineData("""{"a": nan}""")]
    [InlineData("")]
    public void RefusesWhatIsNotAMetricsObject(string json)
    {
        // The serializer refuses each of these too; the store names the row with either exception.
        Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize<Dictionary<string, double>>(json, Serializer));
        var e = Record.Exception(() => MetricsJson.Read(json));
        Assert.True(e is JsonException or FormatException, $"{json}: {e?.GetType().Name ?? "no exception"}");
    }

    [Fact]
    public void NullIsNotAnObject() => Assert.Throws<FormatException>(() => MetricsJson.Read("null"));
}
