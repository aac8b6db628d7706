using FairCollective.Data;
using FairCollective.Learning.Catalog;
using FairCollective.Mitigation.Defences;

namespace FairCollective.Tests.Mitigation.Defences;

/// <summary>Each defence on a small data set where the rows it must flag are known by hand.</summary>
[Trait(TestKind.Name, TestKind.Unit)]
public class DefenceHandCheckTests
{
    private static readonly FairCollective.Learning.ITrainer Logistic = LearnerCatalog.Create(LearnerCatalog.Logistic,
        new LearnerSettings(), seed: 0);

    /// <summary>One feature: rows 0-9 at 0.0-0.9, rows 10-19 at 10.0-10.9; labels 0 then 1, with
    /// <paramref name="flipped"/> rows given the other label.</summary>
    private static (DesignMatrix X, int[] Y) TwoClusters(params int[] flipped)
    {
        var rows = Enumerable.Range(0, 20).Select(i => new[] { i < 10 ? i / 10.0 : 10 + (i - 10) / 10.0 }).ToArray();
        var y = Enumerable.Range(0, 20).Select(i => i < 10 ? 0 : 1).ToArray();
        foreach (int i in flipped) y[i] = 1 - y[i];
        return (DesignMatrix.FromRows(rows), y);
    }

    [Fact]
    public void KnnSanitisationFlagsTheRowWhoseNeighboursAllDisagree()
    {
        // Row 4 (x = 0.4) carries 1 among 0s: its 3 nearest (0.3, 0.5, then 0.2 by the lower-index tie rule... all
        // label 0) disagree with it. Its neighbours each see it as 1 of 3 others: below eta = 0.7 of 3 (needs 3).
        var (x, y) = TwoClusters(4);
        var outcome = new KnnSanitisation(new KnnSanitisationOptions { K = 3, Eta = 0.7 }).Apply(new DefenceInput(x, y,
            Logistic, 0));
        Assert.Equal([4], Enumerable.Range(0, 20).Where(i => outcome.Flagged[i]));
        Assert.Equal(DefenceAction.Relabel, outcome.Action);
        var (sameX, relabelled) = outcome.TrainingSet(x, y);
        Assert.Same(x, sameX);
        Assert.Equal(0, relabelled[4]);
        Assert.Equal(y.Where((_, i) => i != 4), relabelled.Where((_, i) => i != 4));
    }

    [Fact]
    public void KnnSanitisationWithALowerEtaAlsoFlagsTheNeighbours()
    {
        // eta = 1/3 of k = 3: one disagreeing neighbour is enough, so rows 3 and 5 (whose nearest include row 4) flag
        // too.
        var (x, y) = TwoClusters(4);
        var outcome = new KnnSanitisation(new KnnSanitisationOptions
        {
            K = 3, Eta = 1 / 3.0,
            Action = DefenceAction.Drop
        }).Apply(new DefenceInput(x, y, Logistic, 0));
        var flagged = Enumerable.Range(0, 20).Where(i => outcome.Flagged[i]).ToArray();
        Assert.Contains(4, flagged);
        Assert.Contains(3, flagged);
        Assert.Contains(5, flagged);
        Assert.DoesNotContain(9, flagged); // 0.9's neighbours 0.8, 0.7, 0.6 all agree
        var (kept, labels) = outcome.TrainingSet(x, y);
        Assert.Equal(20 - flagged.Length, kept.Rows);
        Assert.Equal(y.Where((_, i) => !outcome.Flagged[i]), labels);
    }

    [Fact]
    public void ConfidentLearningFlagsTheConfidentJointsOffDiagonal()
    {
        // t1 = mean(0.9, 0.8, 0.2) = 0.6333; t0 = mean(0.9, 0.7, 0.15) = 0.5833.
        // Row 2 (label 1, P(0) = 0.8 >= t0, P(1) = 0.2 < t1): counted as 0, flagged. Row 5 (label 0, P(1) = 0.85 >= t1,
        // P(0) = 0.15 < t0): counted as 1, flagged. Row 4 (label 0, P(0) = 0.7 >= t0): kept. Row 1 (label 1, P(1) = 0.8
        // >= t1): kept.
        int[] labels = [1, 1, 1, 0, 0, 0];
        double[] p1 = [0.9, 0.8, 0.2, 0.1, 0.3, 0.85];
        Assert.Equal([false, false, true, false, false, true], ConfidentLearning.Flags(labels, p1));
    }

    [Fact]
    public void ConfidentLearningKeepsRowsNoClassIsConfidentAbout()
    {
        // t1 = mean(0.9, 0.5) = 0.7, t0 = mean(0.9, 0.5) = 0.7; row 1 (label 1, P = 0.5 / 0.5) reaches neither
        // threshold: kept.
        Assert.Equal([false, false, false, false], ConfidentLearning.Flags([1, 1, 0, 0], [0.9, 0.5, 0.1, 0.5]));
        // Both thresholds reached and probabilities equal: the given label wins.
        Assert.Equal([false, false, false, false], ConfidentLearning.Flags([1, 1, 0, 0], [0.5, 0.5, 0.5, 0.5]));
    }

    [Fact]
    public void ConfidentLearningFindsMislabelledRowsOfSeparableClusters()
    {
        var (x, y) = TwoClusters(2, 15);
        var outcome = new ConfidentLearning(new ConfidentLearningOptions { Folds = 5 }).Apply(new DefenceInput(x, y,
            Logistic, 3));
        Assert.True(outcome.Flagged[2] && outcome.Flagged[15], "both mislabelled rows flagged");
        Assert.Equal(DefenceAction.Drop, outcome.Action);
        var (kept, _) = outcome.TrainingSet(x, y);
        Assert.Equal(20 - outcome.FlaggedCount, kept.Rows);
    }

    [Fact]
    public void OutOfFoldFoldsAreStratifiedAndBalanced()
    {
        int[] labels = [.. Enumerable.Repeat(1, 7), .. Enumerable.Repeat(0, 13)];
        var folds = OutOfFoldProbabilities.Folds(labels, 5, seed: 9);
        for (int f = 0; f < 5; f++)
        {
            int ones = Enumerable.Range(0, 20).Count(i => folds[i] == f && labels[i] == 1);
            int zeros = Enumerable.Range(0, 20).Count(i => folds[i] == f && labels[i] == 0);
            Assert.InRange(ones, 1, 2);   // 7 ones dealt to 5 folds
            Assert.InRange(zeros, 2, 3);  // 13 zeros dealt to 5 folds
        }
    }

    [Fact]
    public void LossFilteringDropsTheRowsTheFitFindsWorst()
    {
        // Two rows labelled against their cluster, deep inside it: the fit gives them the highest loss; q = 2/20.
        var (x, y) = TwoClusters(1, 18);
        var outcome = new LossFiltering(new LossFilteringOptions { Share = 0.1 }).Apply(new DefenceInput(x, y, Logistic,
            0));
        Assert.Equal([1, 18], Enumerable.Range(0, 20).Where(i => outcome.Flagged[i]));
        Assert.Equal(DefenceAction.Drop, outcome.Action);
        Assert.Equal(0, new LossFiltering(new LossFilteringOptions { Share = 0 }).Apply(new DefenceInput(x, y, Logistic,
            0)).FlaggedCount);
    }

    [Fact]
    public void RoniRejectsTheRowsThatHarmTheHeldOutSlice()
    {
        // 200 rows of two clean clusters on one feature, 4 of them labelled against their cluster: adding any of those
        // to a calibration set raises the held-out loss far more than adding an honest row, so exactly they are
        // rejected.
        var rows = Enumerable.Range(0, 200).Select(i
            => new[] { (i % 2 == 0 ? -2.0 : 2.0) + (i % 20) / 20.0 }).ToArray();
        var y = Enumerable.Range(0, 200).Select(i => i % 2).ToArray();
        int[] flipped = [10, 51, 102, 153];
        foreach (int i in flipped) y[i] = 1 - y[i];
        var input = new DefenceInput(DesignMatrix.FromRows(rows), y, Logistic, 5);
        var roni = new Roni(new RoniOptions { QuizRows = 60, CalibrationRows = 20, CalibrationSets = 3 });
        var impacts = roni.Impacts(input, out var screened);
        var outcome = roni.Apply(input);
        var screenedFlips = flipped.Where(screened.Contains).ToArray();
        Assert.NotEmpty(screenedFlips);
        Assert.Equal(screenedFlips, screened.Where(i => outcome.Flagged[i]).ToArray());
        Assert.All(Enumerable.Range(0, 200).Where(i => !screened.Contains(i)), i
            => Assert.False(outcome.Flagged[i])); // the quiz is trusted
        double worstHonest = screened.Where(i => !flipped.Contains(i)).Max(i => impacts[i]);
        Assert.All(screenedFlips, i => Assert.True(impacts[i] > worstHonest,
            $"flip {i} impact {impacts[i]} vs honest max {worstHonest}"));
    }

    [Fact]
    public void DetectionCountsFlagsAgainstFlipsAndGroups()
    {
        // rows: 0-3 flipped minority, 4-7 honest minority, 8-11 majority. Flagged: 0, 1 (flips), 4 (honest minority),
        // 8, 9, 10 (majority).
        bool[] flipped = [true, true, true, true, false, false, false, false, false, false, false, false];
        bool[] minority = [.. Enumerable.Repeat(true, 8), .. Enumerable.Repeat(false, 4)];
        bool[] flagged = [true, true, false, false, true, false, false, false, true, true, true, false];
        var d = DefenceDetection.Of(flagged, flipped, minority);
        Assert.Equal(6, d.Flagged);
        Assert.Equal(2 / 6.0, d.Precision, 15);
        Assert.Equal(2 / 4.0, d.Recall, 15);
        Assert.Equal(1 / 4.0, d.FalseFlagsMinority, 15);
        Assert.Equal(3 / 4.0, d.FalseFlagsMajority, 15);
        var none = DefenceDetection.Of(new bool[12], new bool[12], minority);
        Assert.True(double.IsNaN(none.Precision) && double.IsNaN(none.Recall), "undefined, not 0");
        Assert.Equal(0, none.FalseFlagsMinority);
    }
}
