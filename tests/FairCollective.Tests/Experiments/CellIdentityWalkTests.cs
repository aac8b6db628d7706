using System.Reflection;
using FairCollective.Collective;
using FairCollective.Collective.Strategies;
using FairCollective.Data;
using FairCollective.Experiments.Store;
using FairCollective.Learning;
using FairCollective.Learning.Catalog;
using FairCollective.Mitigation.Defences;

namespace FairCollective.Tests.Experiments;

/// <summary>
/// Every setting of a cell's configuration, found by reflection rather than listed by hand, is in its key: a property
/// added to <see cref="CellConfig"/>, <see cref="StrategySettings"/> or <see cref="DatasetIdentity"/> without being
/// written into the key fails here, so two configurations can never share one cell.
/// </summary>
[Trait(TestKind.Name, TestKind.Unit)]
public class CellIdentityWalkTests
{
    // A collective cell and a firm-side one: firm-side settings (the knob, how post-processing is fitted) apply to the
    // second only, a strategy, size and budget to the first only.
    private static readonly CellConfig Collective = CellConfigTests.Collective, FirmSide = CellConfigTests.FirmSide,
        Plausible = CellConfigTests.Collective with { Plausible = 0.5 };

    /// <summary>The records whose every property is a setting of the cell, walked into.</summary>
    private static readonly Type[] Walked = [typeof(CellConfig), typeof(StrategySettings), typeof(DatasetIdentity)];

    /// <summary>Each setting's path ("Strategy.TieRule"), for the theory's cases.</summary>
    public static TheoryData<string> Settings() => new(Paths(typeof(CellConfig), ""));

    private static IEnumerable<string> Paths(Type type, string prefix)
    {
        foreach (var p in Settable(type))
        {
            var inner = Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType;
            if (Walked.Contains(inner)) foreach (var path in Paths(inner, prefix + p.Name + ".")) yield return path;
            else yield return prefix + p.Name;
        }
    }

    private static IEnumerable<PropertyInfo> Settable(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod is { IsPublic: true }
            && p.GetIndexParameters().Length == 0);

    [Fact]
    public void TheWalkFindsTheSettings()
    {
        var paths = Paths(typeof(CellConfig), "").ToArray();
        Assert.Contains("Strategy.TieRule", paths);
        Assert.Contains("PlausibleModel", paths);
        Assert.Contains("Dataset.ContentHash", paths);
        Assert.Contains("PostProcessingFit", paths);
        Assert.True(paths.Length >= 25, string.Join(", ", paths));
    }

    [Theory]
    [MemberData(nameof(Settings))]
    public void ChangingTheSettingChangesTheKeyOfTheCellsItAppliesToAndRoundTrips(string path)
    {
        var changed = new List<string>();
        foreach (var config in new[] { Collective, FirmSide, Plausible })
        {
            if (With(config,
                path.Split('.')) is not CellConfig other) continue;  // a setting this kind of cell does not have
            var back = CellConfig.FromJson(other.ToJson());
            Assert.Equal(other.ToJson(), back.ToJson());
            if (other.Key() != config.Key()) changed.Add(config.Method);
        }
        Assert.True(changed.Count > 0,
            $"{path}: changing it leaves the key of collective and firm-side cells as it was");
    }

    /// <summary>A copy of <paramref name="record"/> with the setting at <paramref name="path"/> changed; null where the
    /// record has no such setting (a firm-side cell's strategy, size or budget).</summary>
    private static object? With(object record, string[] path)
    {
        var copy = record.GetType().GetMethod("<Clone>$")!.Invoke(record, null)!;
        var property = record.GetType().GetProperty(path[0])!;
        var value = property.GetValue(record);
        var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        if (value is null && type != typeof(int) && type != typeof(double) && type != typeof(string)) return null;
        var other = path.Length > 1 ? With(value!, path[1..]) : Other(property, value);
        if (other is null) return null;
        property.SetValue(copy, other);
        return copy;
    }

    /// <summary>A different valid value of the same type.</summary>
    private static object? Other(PropertyInfo property, object? value) => (property.Name, value) switch
    {
        ("LearnerOptionsJson", _) => LearnerCatalog.OptionsJson("logistic", new LearnerSettings { C = 0.01 }),
        ("Learner", _) => "mlp",
        ("PlausibleModel", _) => "mlp",
        ("FirmSideOptionsJson", _) => FairCollective.Mitigation.FirmSide.FirmSideCatalog.OptionsJson("FARE",
            [("max_leaves", System.Text.Json.Nodes.JsonValue.Create(8))]),
        (_, string s) => s + "x",
        (_, int i) => i + 1,
        (_, double d) => d + 0.0625,
        (_, bool b) => !b,
        (_, Enum e) => Enum.GetValues(e.GetType()).Cast<object>().First(v => !v.Equals(e)),
        (_, CollectiveSize) => CollectiveSize.Share(0.35),
        (_, FlipBudget) => FlipBudget.ShareOfPool(0.5),
        (_, DefenceChoice) => DefenceCatalog.Choice("roni"),
        ("StrategyOptionsJson", null) => """{"power":1}""",
        (_, null) when property.PropertyType == typeof(string) => "a plug-in 1.0 sha256:00",
        (_, null) when (Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType) == typeof(int)
            => 10,
        (_, null) when (Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType) == typeof(double)
            => 0.25,
        _ => throw new InvalidOperationException($"{property.DeclaringType!.Name}.{property.Name}: no other value " +
            $"known for {property.PropertyType.Name}; add one here"),
    };
}
