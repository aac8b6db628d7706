namespace FairCollective.Mitigation.Defences;

/// <summary>
/// k-NN label sanitisation (Paudice, Muñoz-González and Lupu, 2018): a row is flagged when at least a share eta of its
/// k nearest other training rows (Euclidean, on the encoded features the firm trains on) carry the other label; flagged
/// rows are relabelled (or dropped). Every row is judged against the labels as received, all at once.
/// </summary>
/// <param name="options">k, eta and the action.</param>
public sealed class KnnSanitisation(KnnSanitisationOptions options) : IDefence
{
    /// <summary>The options in use.</summary>
    public KnnSanitisationOptions Options { get; } = Validated(options);

    /// <inheritdoc />
    public string Name => DefenceCatalog.KnnSanitisation;

    /// <inheritdoc />
    public DefenceOutcome Apply(DefenceInput input)
    {
        input.Check(Name);
        int n = input.X.Rows, k = Options.K;
        var neighbours = TrainingRowsWork.For(input.X, input.Shared)
            .GetOrAdd("knn-sanitisation neighbours", work => new TrainingNeighbours(work.X, work.Threads)).Of(k);
        // At least eta * k neighbours of the other label, counted exactly (eta * k may not be a whole number).
        int needed = (int)Math.Ceiling(Options.Eta * k - 1e-9);
        var flagged = new bool[n];
        var y = input.Labels;
        for (int i = 0; i < n; i++)
        {
            int other = 0;
            for (int j = 0; j < k; j++) if (y[neighbours[i * k + j]] != y[i]) other++;
            flagged[i] = other >= needed;
        }
        return new DefenceOutcome(flagged, Options.Action);
    }

    private static KnnSanitisationOptions Validated(KnnSanitisationOptions o)
    {
        ArgumentNullException.ThrowIfNull(o);
        o.Validate();
        return o;
    }
}
