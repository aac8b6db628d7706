using FairCollective.Common;
using FairCollective.Data;
using FairCollective.Learning;

namespace FairCollective.Mitigation.Defences;

/// <summary>Predicted P(y = 1) of every row from a model that never saw it: stratified k-fold, seeded.</summary>
public static class OutOfFoldProbabilities
{
    /// <summary>The fold of every row: each label's rows in a seeded order, dealt to folds in turn (so every fold holds
    /// both labels when each label has at least <paramref name="folds"/> rows).</summary>
    public static int[] Folds(ReadOnlySpan<int> labels, int folds, int seed)
    {
        var fold = new int[labels.Length];
        for (int label = 0; label <= 1; label++)
        {
            var rows = new List<int>();
            for (int i = 0; i < labels.Length; i++) if (labels[i] == label) rows.Add(i);
            var order = Seeds.Permutation(rows.Count, Seeds.Create(seed, "defence folds", label));
            for (int j = 0; j < order.Length; j++) fold[rows[order[j]]] = j % folds;
        }
        return fold;
    }

    /// <summary>P(y = 1) per row, each from <paramref name="trainer"/> fitted on the other folds.</summary>
    public static double[] Compute(DesignMatrix x, int[] labels, ITrainer trainer, int folds, int seed)
    {
        var fold = Folds(labels, folds, seed);
        var p = new double[labels.Length];
        for (int f = 0; f < folds; f++)
        {
            var train = new List<int>(labels.Length);
            var held = new List<int>(labels.Length / folds + 1);
            for (int i = 0; i < labels.Length; i++) (fold[i] == f ? held : train).Add(i);
            if (held.Count == 0) continue;
            var model = trainer.Fit(x.SelectRows(train), train.Select(i => labels[i]).ToArray());
            var predicted = model.PredictProba(x.SelectRows(held));
            for (int j = 0; j < held.Count; j++) p[held[j]] = predicted[j];
        }
        return p;
    }
}
