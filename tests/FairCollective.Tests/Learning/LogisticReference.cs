using System.Text.Json;
using System.Text.Json.Nodes;
using FairCollective.Data;

namespace FairCollective.Tests.Learning;

/// <summary>One case of the reference file logistic_regression.json (scikit-learn 1.2.1 and a Newton
/// cross-check).</summary>
public sealed record LogisticReferenceCase(
    string Name, DesignMatrix X, int[] Y, double[]? SampleWeight, double C,
    double[] SklearnCoef, double SklearnIntercept, double[][] ProbaFirst20, double[] DecisionFirst20,
    double[] NewtonCoef, double NewtonIntercept, double NewtonObjective, bool[]? RaceCaucasian)
{
    public override string ToString() => Name;
}

public static class LogisticReference
{
    public static readonly string FilePath = ReferenceData.PathOf("logistic_regression.json");

    private static readonly Lazy<IReadOnlyList<LogisticReferenceCase>> Loaded = new(Load);

    public static IReadOnlyList<LogisticReferenceCase> Cases => Loaded.Value;

    public static LogisticReferenceCase Case(string name) => Cases.Single(c => c.Name == name);

    public static IEnumerable<object[]> CaseNames() => Cases.Select(c => new object[] { c.Name });

    private static IReadOnlyList<LogisticReferenceCase> Load()
    {
        var root = JsonNode.Parse(File.ReadAllText(FilePath))!;
        var list = new List<LogisticReferenceCase>();
        foreach (var c in root["cases"]!.AsArray())
        {
            var inputs = c!["inputs"]!;
            var outputs = c["outputs"]!;
            var newton = c["cross_check_newton"]!;
            var rows = inputs["X"]!.AsArray().Select(r => Doubles(r!)).ToArray();
            var sw = inputs["sample_weight"];
            var race = c["compas"]?["race_caucasian"]?.AsArray().Select(v => v!.GetValueKind() == JsonValueKind.True
                || (v.GetValueKind() == JsonValueKind.Number && v.GetValue<double>() != 0)).ToArray();
            list.Add(new LogisticReferenceCase(
                c["name"]!.GetValue<string>(),
                DesignMatrix.FromRows(rows),
                inputs["y"]!.AsArray().Select(v => (int)v!.GetValue<double>()).ToArray(),
                sw is null ? null : Doubles(sw),
                c["params"]!["C"]!.GetValue<double>(),
                Doubles(outputs["coef"]!),
                outputs["intercept"]!.GetValue<double>(),
                outputs["predict_proba_first_20_rows"]!.AsArray().Select(r => Doubles(r!)).ToArray(),
                Doubles(outputs["decision_function_first_20_rows"]!),
                Doubles(newton["coef"]!),
                newton["intercept"]!.GetValue<double>(),
                newton["objective"]!.GetValue<double>(),
                race));
        }
        return list;
    }

    private static double[] Doubles(JsonNode node)
    {
        var arr = node.AsArray();
        // sklearn's coef_ is 1 x d; flatten a nested single row.
        if (arr.Count == 1 && arr[0] is JsonArray inner) arr = inner;
        return arr.Select(v => v!.GetValue<double>()).ToArray();
    }
}
