namespace FairCollective.Mitigation.Defences;

/// <summary>
/// Confident learning (Northcutt, Jiang and Chuang, 2021), implemented from the paper: out-of-fold predicted
/// probabilities; per class j its threshold t_j, the average probability of j among rows labelled j (the class's
/// self-confidence); a row labelled i is counted in the confident joint under the class j* with the highest
/// probability among the classes whose probability reaches their threshold, and is flagged when j* differs from i
/// (the off-diagonal of the confident joint). In two classes: a row is flagged when the other class's probability
/// reaches that class's average self-confidence and beats its own label's probability or its own label's falls
/// below its class's average. Rows no class is confident about are kept.
/// </summary>
/// <param name="options">Folds and the action.</param>
public sealed class ConfidentLearning(ConfidentLearningOptions options) : IDefence
{
    /// <summary>The options in use.</summary>
    public ConfidentLearningOptions Options { get; } = Validated(options);

    /// <inheritdoc />
    public string Name => DefenceCatalog.ConfidentLearning;

    /// <inheritdoc />
    public DefenceOutcome Apply(DefenceInput input)
    {
        input.Check(Name);
        var p1 = OutOfFoldProbabilities.Compute(input.X, input.Labels, input.Trainer, Options.Folds, input.Seed);
        return new DefenceOutcome(Flags(input.Labels, p1), Options.Action);
    }

    /// <summary>The confident joint's off-diagonal rows, from labels and out-of-fold P(y = 1).</summary>
    public static bool[] Flags(ReadOnlySpan<int> labels, ReadOnlySpan<double> p1)
    {
        double sum1 = 0, sum0 = 0;
        int n1 = 0, n0 = 0;
        for (int i = 0; i < labels.Length; i++)
        {
            if (labels[i] == 1) { sum1 += p1[i]; n1++; }
            else { sum0 += 1 - p1[i]; n0++; }
        }
        double t1 = sum1 / n1, t0 = sum0 / n0;
        var flagged = new bool[labels.Length];
        for (int i = 0; i < labels.Length; i++)
        {
            double q1 = p1[i], q0 = 1 - q1;
            bool confident1 = q1 >= t1, confident0 = q0 >= t0;
            int? counted = (confident1, confident0) switch
            {
                (true, true) => q1 > q0 ? 1 : q0 > q1 ? 0 : labels[i], // equal: the given label
                (true, false) => 1,
                (false, true) => 0,
                _ => null,
            };
            flagged[i] = counted is { } j && j != labels[i];
        }
        return flagged;
    }

    private static ConfidentLearningOptions Validated(ConfidentLearningOptions o)
    {
        ArgumentNullException.ThrowIfNull(o);
        o.Validate();
        return o;
    }
}
