namespace FairCollective.Mitigation.Defences;

/// <summary>
/// Loss-based filtering: fit the learner on every row, drop the share q of rows with the highest log loss
/// -log P(given label) under that fit (ties to the lower row), and let the firm refit on the rest.
/// </summary>
/// <param name="options">The share q.</param>
public sealed class LossFiltering(LossFilteringOptions options) : IDefence
{
    /// <summary>The options in use.</summary>
    public LossFilteringOptions Options { get; } = Validated(options);

    /// <inheritdoc />
    public string Name => DefenceCatalog.LossFiltering;

    /// <inheritdoc />
    public DefenceOutcome Apply(DefenceInput input)
    {
        input.Check(Name);
        int n = input.Labels.Length;
        int drop = (int)Math.Round(Options.Share * n, MidpointRounding.AwayFromZero);
        var flagged = new bool[n];
        if (drop == 0) return new DefenceOutcome(flagged, DefenceAction.Drop);
        var p1 = input.Trainer.Fit(input.X, input.Labels).PredictProba(input.X);
        var loss = new double[n];
        for (int i = 0; i < n; i++) loss[i] = -Math.Log(Math.Max(input.Labels[i] == 1 ? p1[i] : 1 - p1[i], 1e-300));
        var order = Enumerable.Range(0, n).OrderByDescending(i => loss[i]).ThenBy(i => i).Take(drop);
        foreach (int i in order) flagged[i] = true;
        return new DefenceOutcome(flagged, DefenceAction.Drop);
    }

    private static LossFilteringOptions Validated(LossFilteringOptions o)
    {
        ArgumentNullException.ThrowIfNull(o);
        o.Validate();
        return o;
    }
}
