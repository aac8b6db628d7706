using FairCollective.Data;
using FairCollective.Learning;

namespace FairCollective.Mitigation.Defences;

/// <summary>
/// The defended firm's fit: the defence screens the labels the firm received, and the firm's learner fits what is
/// left. One procedure for the library's front door and the experiment runner, so their defended cells agree to the
/// bit.
/// </summary>
public static class DefendedFit
{
    /// <summary>Screens <paramref name="labels"/> with <paramref name="defence"/> and fits <paramref name="trainer"/>
    /// on the rows and labels it leaves.</summary>
    /// <param name="defence">The firm's defence.</param>
    /// <param name="trainer">The firm's learner (the defence's own fits use it too).</param>
    /// <param name="x">The training rows.</param>
    /// <param name="labels">The labels the firm received.</param>
    /// <param name="seed">The defence's seed.</param>
    /// <param name="shared">Work on <paramref name="x"/> kept between fits, or null.</param>
    public static (IClassifier Model, DefenceOutcome Outcome) Fit(IDefence defence, ITrainer trainer, DesignMatrix x,
        int[] labels, int seed,
        TrainingRowsWork? shared = null)
    {
        var outcome = defence.Apply(new DefenceInput(x, labels, trainer, seed) { Shared = shared });
        var (kept, keptLabels) = outcome.TrainingSet(x, labels);
        return (trainer.Fit(kept, keptLabels), outcome);
    }
}
