using FairCollective.Data;
using FairCollective.Learning;

namespace FairCollective.Mitigation.Defences;

/// <summary>What a defence sees: the firm's training rows with the labels it received, its learner and a
/// seed.</summary>
/// <param name="X">The encoded training rows (n x d).</param>
/// <param name="Labels">The labels the firm received, in {0, 1} (a collective's flips included, unknown to the
/// defence).</param>
/// <param name="Trainer">The firm's learner; defences that fit models use it, so they work with any learner.</param>
/// <param name="Seed">Seeds every random choice of the defence (folds, held-out slices, calibration sets).</param>
public sealed record DefenceInput(DesignMatrix X, int[] Labels, ITrainer Trainer, int Seed)
{
    /// <summary>Work on <see cref="X"/> alone kept for every fit on the same rows (a defence's own kind under its own
    /// key, such as the k-NN defence's neighbours); null keeps none beyond this fit.</summary>
    public TrainingRowsWork? Shared { get; init; }

    /// <summary>Rows and labels agree, labels are 0/1, both labels occur: checked once for every defence.</summary>
    internal void Check(string defence)
    {
        if (Labels.Length != X.Rows)
            throw new Common.UserInputException($"{defence}: {Labels.Length} labels were given for {X.Rows} rows");
        int ones = 0;
        for (int i = 0; i < Labels.Length; i++)
        {
            if (Labels[i] is not (0 or 1)) throw new
                Common.UserInputException($"{defence}: row {i} has label {Labels[i]}; labels must be 0 or 1");
            ones += Labels[i];
        }
        if (ones == 0
            || ones == Labels.Length) throw new
            Common.UserInputException($"{defence}: the training rows carry only one label; a defence needs both");
    }
}
