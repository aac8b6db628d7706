namespace FairCollective.Experiments.Store;

/// <summary>
/// One finished grid cell: its configuration and what was measured on the untouched test split. Method is a
/// collective strategy ("RB-prob", ...), "Base" for the unchanged firm, or a firm-side method; Knob is that
/// method's trade-off setting where it has one. Cells written to or read from a store are built by
/// <see cref="Of"/>, which derives every display field from <see cref="Config"/>; the store keys them by
/// <see cref="Key"/>. Records built by hand without a configuration (figure tests, previews) cannot be stored.
/// </summary>
public sealed record CellRecord
{
    /// <summary>The experiment's name.</summary>
    public required string Experiment { get; init; }

    /// <summary>The dataset's display name.</summary>
    public required string Dataset { get; init; }

    /// <summary>
    /// The firm: its learner by catalog name ("logistic", "mlp", "gbt"), followed by its defence where it runs one
    /// ("logistic+knn-sanitisation"): a defended firm is another firm, so no table, figure or seed mean mixes the two.
    /// </summary>
    public required string Learner { get; init; }

    /// <summary>
    /// "Base", a strategy name, or a firm-side method name; a strategy restricted to plausible flips carries its
    /// threshold ("RB-prob (plausible 0.5)"), so it is never averaged with the unrestricted strategy.
    /// </summary>
    public required string Method { get; init; }

    /// <summary>The firm's defence as tables name it (<c>DefenceCatalog.Label</c>); "none" without one.</summary>
    public string Defence { get; init; } = Mitigation.Defences.DefenceCatalog.None;

    /// <summary>Collective cells: the plausible-flips threshold (0 = the whole pool).</summary>
    public double Plausible { get; init; }

    /// <summary>The learner alone, without the defence (<see cref="Learner"/> names both).</summary>
    public string BaseLearner => Config?.Learner ?? Learner;

    /// <summary>The strategy or method alone, without the plausible-flips threshold.</summary>
    public string BaseMethod => Config?.Method ?? Method;

    /// <summary>The cell's seed.</summary>
    public required int Seed { get; init; }

    /// <summary>alpha as a share of the minority's training rows.</summary>
    public double Alpha { get; init; }

    /// <summary>Collective members.</summary>
    public int Members { get; init; }

    /// <summary>m, the known majority rows; null = all.</summary>
    public int? MajorityRows { get; init; }

    /// <summary>The budget exactly as the spec gave it ("0.25 of pool", "40 flips"), "none" outside collective
    /// cells.</summary>
    public string Budget { get; init; } = "";

    /// <summary>M, the number of relabelled pool members.</summary>
    public int Flips { get; init; }

    /// <summary>The pool's size: collective members with y = 0 (0 outside collective cells).</summary>
    public int PoolSize { get; init; }

    /// <summary>Firm-side cells only: the method's knob value; null otherwise.</summary>
    public double? Knob { get; init; }

    /// <summary>Named metrics (see FairCollective.Experiments.MetricKeys).</summary>
    public required IReadOnlyDictionary<string, double> Metrics { get; init; }

    /// <summary>Wall-clock seconds the cell took (firm fit and evaluation).</summary>
    public double Seconds { get; init; }

    /// <summary>How the strategy scored the pool: "as specified", or the documented fallback that applied (limited
    /// information).</summary>
    public string ScoringRule { get; init; } = "";

    /// <summary>Everything that determined the result; null only for records built by hand for display.</summary>
    public CellConfig? Config { get; init; }

    /// <summary>The identity of the cell: a run that finds this key in the store does not compute the cell
    /// again.</summary>
    public string Key => (Config
        ?? throw new InvalidOperationException("a cell record without a configuration has no key")).Key();

    /// <summary>The configuration as canonical JSON ("{}" for hand-built records).</summary>
    public string ConfigJson => Config?.ToJson() ?? "{}";

    /// <summary>A cell whose display fields are all derived from <paramref name="config"/>.</summary>
    /// <param name="config">The cell's configuration.</param>
    /// <param name="alpha">alpha resolved on the data (exact for shares; members / minority rows for counts).</param>
    /// <param name="members">Collective members resolved on the data.</param>
    /// <param name="flips">M, the labels relabelled 0 -> 1.</param>
    /// <param name="poolSize">Collective members with y = 0.</param>
    /// <param name="metrics">The test split's metrics, keyed by <see cref="Fairness.MetricKeys"/>.</param>
    /// <param name="seconds">Wall-clock seconds the cell took.</param>
    /// <param name="scoringRule">How the strategy scored the pool ("as specified" or the fallback that applied); empty
    /// outside collective cells.</param>
    public static CellRecord Of(CellConfig config, double alpha, int members, int flips, int poolSize,
        IReadOnlyDictionary<string, double> metrics, double seconds, string scoringRule)
    {
        // The label parses the options against the defaults: once per record (every stored cell is read through here).
        string defence = Mitigation.Defences.DefenceCatalog.Label(config.Defence);
        return new()
        {
            Config = config, Experiment = config.Experiment, Dataset = config.Dataset.Name,
            Learner = config.Defence.IsNone ? config.Learner : $"{config.Learner}+{defence}",
            Method = config.Plausible > 0 ? $"{config.Method} (plausible " +
                $"{config.Plausible.ToString("R", System.Globalization.CultureInfo.InvariantCulture)})" : config.Method,
            Defence = defence, Plausible = config.Plausible,
            Seed = config.Seed, Alpha = alpha, Members = members, MajorityRows = config.MajorityRows, Budget =
                config.BudgetText,
            Flips = flips, PoolSize = poolSize, Knob = config.Knob, Metrics = metrics, Seconds = seconds, ScoringRule =
                scoringRule,
        };
    }
}
