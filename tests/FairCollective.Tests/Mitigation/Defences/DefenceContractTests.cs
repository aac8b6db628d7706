using System.Text.Json.Nodes;
using FairCollective.Common;
using FairCollective.Data;
using FairCollective.Learning.Catalog;
using FairCollective.Mitigation.Defences;

namespace FairCollective.Tests.Mitigation.Defences;

/// <summary>
/// The contract of every defence in <see cref="DefenceCatalog"/>, read from the catalog (no hand list): with every
/// learner it flags one flag per row, deterministically for a seed; bad options and bad inputs are refused with one
/// line naming the defence; options round-trip through a choice's recorded JSON.
/// </summary>
[Trait(TestKind.Name, TestKind.Integration)]
public class DefenceContractTests
{
    public static TheoryData<string> Defences() => new(DefenceCatalog.Names);

    public static TheoryData<string, string> DefencesAndLearners()
    {
        var data = new TheoryData<string, string>();
        foreach (var d in DefenceCatalog.Names)
            foreach (var l in LearnerCatalog.Names) data.Add(d, l);
        return data;
    }

    /// <summary>80 rows on two noisy features, about a tenth of labels against the feature's sign.</summary>
    private static (DesignMatrix X, int[] Y) Data()
    {
        var rng = new Random(4);
        var rows = Enumerable.Range(0, 80).Select(_ => new[] { rng.NextDouble() * 2 - 1, rng.NextDouble() }).ToArray();
        var y = rows.Select((r, i) => (r[0] > 0 ? 1 : 0) ^ (i % 10 == 3 ? 1 : 0)).ToArray();
        return (DesignMatrix.FromRows(rows), y);
    }

    // Small enough for a tree ensemble to screen 80 rows in a moment.
    private static DefenceChoice Small(string name) => DefenceCatalog.Choice(name, name == DefenceCatalog.Roni
        ? [("quiz_rows", JsonValue.Create(20)), ("calibration_rows", JsonValue.Create(16)), ("calibration_sets",
            JsonValue.Create(2))]
        : name == DefenceCatalog.ConfidentLearning ? [("folds", JsonValue.Create(3))] : null);

    [Theory]
    [MemberData(nameof(DefencesAndLearners))]
    public void EveryDefenceRunsWithEveryLearnerDeterministically(string defence, string learner)
    {
        var (x, y) = Data();
        var trainer = LearnerCatalog.Create(learner, new LearnerSettings(), seed: 2, innerParallelism: 1);
        var first = DefenceCatalog.Create(Small(defence)).Apply(new DefenceInput(x, y, trainer, 7));
        var second = DefenceCatalog.Create(Small(defence)).Apply(new DefenceInput(x, y, LearnerCatalog.Create(learner,
            new LearnerSettings(), seed: 2, innerParallelism: 1), 7));
        Assert.Equal(80, first.Flagged.Length);
        Assert.Equal(first.Flagged, second.Flagged);
        Assert.Equal(first.Action, second.Action);
        if (defence == DefenceCatalog.None) Assert.Equal(0, first.FlaggedCount);
        var (kept, labels) = first.TrainingSet(x, y);
        Assert.Equal(kept.Rows, labels.Length);
    }

    [Theory]
    [MemberData(nameof(Defences))]
    public void AChoiceRecordsEveryOptionAndRebuildsTheSameDefence(string defence)
    {
        var choice = DefenceCatalog.Choice(defence.ToUpperInvariant());
        Assert.Equal(defence, choice.Name);
        Assert.Equal(DefenceCatalog.SettableOptions(defence).Count,
            JsonNode.Parse(choice.OptionsJson)!.AsObject().Count);
        Assert.Equal(defence, DefenceCatalog.Label(choice));
        Assert.Equal(defence, DefenceCatalog.Create(choice).Name);
    }

    [Theory]
    [MemberData(nameof(Defences))]
    public void EveryOptionRefusesAValueOfTheWrongType(string defence)
    {
        foreach (var (option, _) in DefenceCatalog.SettableOptions(defence))
        {
            var e = Assert.Throws<UserInputException>(() => DefenceCatalog.Choice(defence, [(option,
                JsonValue.Create("not a value"))]));
            Assert.DoesNotContain('\n', e.Message);
            Assert.StartsWith(defence, e.Message, StringComparison.Ordinal);
        }
        var unknown = Assert.Throws<UserInputException>(() => DefenceCatalog.Choice(defence, [("no_such_option",
            JsonValue.Create(1))]));
        Assert.Contains("unknown option 'no_such_option'", unknown.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string, string, double, string> OutOfRange() => new()
    {
        { DefenceCatalog.KnnSanitisation, "k", 0, "option 'k' must be at least 1" },
        { DefenceCatalog.KnnSanitisation, "eta", 0, "option 'eta' must lie in (0, 1]" },
        { DefenceCatalog.KnnSanitisation, "eta", 1.5, "option 'eta' must lie in (0, 1]" },
        { DefenceCatalog.ConfidentLearning, "folds", 1, "option 'folds' must be at least 2" },
        { DefenceCatalog.LossFiltering, "share", 1, "option 'share' must lie in [0, 1)" },
        { DefenceCatalog.LossFiltering, "share", -0.1, "option 'share' must lie in [0, 1)" },
        { DefenceCatalog.Roni, "quiz_rows", 5, "option 'quiz_rows' must be at least 10" },
        { DefenceCatalog.Roni, "calibration_rows", 3, "option 'calibration_rows' must be at least 4" },
        { DefenceCatalog.Roni, "calibration_sets", 0, "option 'calibration_sets' must be at least 1" },
        { DefenceCatalog.Roni, "z", -1, "option 'z' must be a finite number >= 0" },
    };

    [Theory]
    [MemberData(nameof(OutOfRange))]
    public void OptionsOutOfRangeAreRefusedInOneLine(string defence, string option, double value, string message)
    {
        var e = Assert.Throws<UserInputException>(() => DefenceCatalog.Choice(defence, [(option,
            JsonValue.Create(value))]));
        Assert.Equal($"{defence}: {message}; got {value.ToString(System.Globalization.CultureInfo.InvariantCulture)}",
            e.Message);
    }

    [Theory]
    [MemberData(nameof(Defences))]
    public void BadInputsAreRefusedNamingTheDefence(string defence)
    {
        if (defence == DefenceCatalog.None) return; // nothing to check: it reads no label
        var (x, y) = Data();
        var trainer = LearnerCatalog.Create(LearnerCatalog.Logistic, new LearnerSettings(), seed: 0);
        var d = DefenceCatalog.Create(Small(defence));
        var oneLabel = Assert.Throws<UserInputException>(() => d.Apply(new DefenceInput(x, new int[80], trainer, 0)));
        Assert.Equal($"{defence}: the training rows carry only one label; a defence needs both", oneLabel.Message);
        var mismatch = Assert.Throws<UserInputException>(() => d.Apply(new DefenceInput(x, y.Take(79).ToArray(),
            trainer, 0)));
        Assert.Equal($"{defence}: 79 labels were given for 80 rows", mismatch.Message);
        var bad = (int[])y.Clone();
        bad[5] = 2;
        Assert.Contains("row 5 has label 2", Assert.Throws<UserInputException>(() => d.Apply(new DefenceInput(x, bad,
            trainer, 0))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AChoiceWithOptionsIsLabelledByWhatDiffersFromTheDefaults()
    {
        var choice = DefenceCatalog.Choice(DefenceCatalog.KnnSanitisation, [("eta", JsonValue.Create(0.5)), ("action",
            JsonValue.Create("drop")), ("k", JsonValue.Create(10))]);
        Assert.Equal("knn-sanitisation(action=drop,eta=0.5)", DefenceCatalog.Label(choice));
        var knn = Assert.IsType<KnnSanitisation>(DefenceCatalog.Create(choice));
        Assert.Equal(DefenceAction.Drop, knn.Options.Action);
        Assert.Equal(0.5, knn.Options.Eta);
        Assert.Contains("unknown defence 'magic'", Assert.Throws<UserInputException>(()
            => DefenceCatalog.Choice("magic")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SharedNeighboursAreTheSameAsPrivateOnes()
    {
        var (x, y) = Data();
        var trainer = LearnerCatalog.Create(LearnerCatalog.Logistic, new LearnerSettings(), seed: 0);
        var knn = new KnnSanitisation(new KnnSanitisationOptions { K = 5, Eta = 0.6 });
        var shared = new TrainingRowsWork(x, threads: 2);
        Assert.Equal(knn.Apply(new DefenceInput(x, y, trainer, 0)).Flagged, knn.Apply(new DefenceInput(x, y, trainer,
            0)
        { Shared = shared }).Flagged);
        // The defence kept its neighbours in the shared work: a second fit on the same rows finds them there.
        var kept = shared.GetOrAdd<TrainingNeighbours>("knn-sanitisation neighbours", _
            => throw new InvalidOperationException("not kept"));
        Assert.Equal(knn.Apply(new DefenceInput(x, y, trainer, 0)).Flagged, knn.Apply(new DefenceInput(x, y, trainer,
            0)
        { Shared = shared }).Flagged);
        // Work of other rows is not used for these.
        Assert.Equal(knn.Apply(new DefenceInput(x, y, trainer, 0)).Flagged,
            knn.Apply(new DefenceInput(x, y, trainer, 0) { Shared = new TrainingRowsWork(Data().X) }).Flagged);
        var neighbours = kept.Of(5);
        for (int i = 0; i < 80; i++) Assert.DoesNotContain(i, neighbours.AsSpan(i * 5,
            5).ToArray()); // never a row's own
    }
}
