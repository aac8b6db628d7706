using FairCollective.Experiments.Store;
using FairCollective.Experiments.Summaries;
using FairCollective.Fairness;

namespace FairCollective.Tests.Experiments;

/// <summary>The firm-side comparison read at low error: each method's fairest setting there against the collective's,
/// by their intervals.</summary>
[Trait(TestKind.Name, TestKind.Unit)]
public class FirmSideReadingTests
{
    private static CellRecord Cell(string method, double? knob, double eqod, double error, double halfWidth,
        string budget = "b") => new()
        {
            Experiment = "fs", Dataset = "d", Learner = "logistic", Method = method, Seed = 0, Alpha = knob is null
            && method != "Base" ? 0.2 : 0, Budget = budget, Knob = knob,
            Metrics = new Dictionary<string, double>
            {
                [MetricKeys.EqOd] = eqod, [MetricKeys.Error] = error, [MetricKeys.EqOdLow] = eqod - halfWidth,
                [MetricKeys.EqOdHigh] = eqod + halfWidth,
            },
        };

    [Fact]
    public void EachMethodIsPlacedByItsFairestLowErrorSettingAgainstTheCollectives()
    {
        // Base error 0.30: the region is error <= 0.32. The collective's fairest there is 0.05 (± 0.01); its 0.01 at
        // error 0.40 is outside.
        CellRecord[] cells =
        [
            Cell("Base", null, 0.20, 0.30, 0.02, "none"),
            Cell("RB-prob", null, 0.05, 0.31, 0.01, "a"), Cell("RB-prob", null, 0.01, 0.40, 0.01, "c"),
            Cell("Good", 0.5, 0.02, 0.315, 0.005), Cell("Good", 1.0, 0.00, 0.50, 0.005),
            Cell("Bad", 0.5, 0.15, 0.30, 0.02),
            Cell("Close", 0.5, 0.055, 0.305, 0.01),
            Cell("Costly", 0.5, 0.0, 0.45, 0.01),
        ];
        var rows = FirmSideReading.Of(cells).ToDictionary(r => r.Method);
        Assert.Equal(0.32, rows["Good"].ErrorLimit, 12);
        Assert.Equal("RB-prob alpha=0.2 a", rows["Good"].Collective.Label);
        Assert.Equal(FirmSidePosition.FairerThanCollective, rows["Good"].Position);
        Assert.Equal("knob=0.5", rows["Good"].Best!.Label);
        Assert.Equal(FirmSidePosition.LessFairThanCollective, rows["Bad"].Position);
        Assert.Equal(FirmSidePosition.Overlapping, rows["Close"].Position);
        Assert.Equal(FirmSidePosition.NoSettingInRegion, rows["Costly"].Position);
        Assert.Null(rows["Costly"].Best);
    }

    [Fact]
    public void BothSidesChooseOnValidationWhenEveryCellWasMeasuredThere()
    {
        // On test the collective's setting "a" (0.05) looks fairest; on validation "c" (0.03 there) is chosen, and it
        // is read on test (0.08): neither side's choice sees the test rows. The method chooses its knob the same way.
        static CellRecord OnValidation(CellRecord c, double eqod, double error) => c with
        {
            Metrics = new Dictionary<string, double>(c.Metrics)
            {
                [MetricKeys.OnValidation(MetricKeys.EqOd)] = eqod,
                [MetricKeys.OnValidation(MetricKeys.Error)] = error
            },
        };
        CellRecord[] cells =
        [
            OnValidation(Cell("Base", null, 0.20, 0.30, 0.02, "none"), 0.21, 0.30),
            OnValidation(Cell("RB-prob", null, 0.05, 0.31, 0.01, "a"), 0.09, 0.31), OnValidation(Cell("RB-prob", null,
                0.08, 0.31, 0.01, "c"), 0.03, 0.31),
            OnValidation(Cell("Good", 0.5, 0.02, 0.315, 0.005), 0.06, 0.315), OnValidation(Cell("Good", 1.0, 0.10, 0.31,
                0.005), 0.01, 0.31),
        ];
        var row = Assert.Single(FirmSideReading.Of(cells));
        Assert.Equal(SelectionSplit.Validation, row.ChosenOn);
        Assert.Equal("RB-prob alpha=0.2 c", row.Collective.Label);
        Assert.Equal(0.08, row.Collective.Value, 12);
        Assert.Equal("knob=1", row.Best!.Label);
        Assert.Equal(0.10, row.Best.Value, 12);
        Assert.Equal((2, 2), (row.MethodSettings, row.CollectiveSettings));
        // Chosen on test instead (asked for, or cells without a validation split): the optimistic reading.
        var onTest = Assert.Single(FirmSideReading.Of(cells, split: SelectionSplit.Test));
        Assert.Equal(("RB-prob alpha=0.2 a", "knob=0.5"), (onTest.Collective.Label, onTest.Best!.Label));
        Assert.Equal(SelectionSplit.Test, FirmSideReading.ChoosingSplit(cells.Skip(1).Append(Cell("Base", null, 0.2,
            0.3, 0.02, "none"))));
    }
}
