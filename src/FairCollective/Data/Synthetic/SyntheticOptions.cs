namespace FairCollective.Data.Synthetic;

/// <summary>
/// Parameters of <see cref="CausalModel"/> and of the sample drawn from it by <see cref="SyntheticGenerator"/>.
/// Defaults give a moderately unfair world: the minority is 30% of rows, its features sit half a standard
/// deviation lower on every axis, and its labels carry a historical bias of 1.5 on the logit scale.
/// </summary>
public sealed record SyntheticOptions
{
    /// <summary>Default n: 2,000 rows.</summary>
    public const int DefaultRowCount = 2000;
    /// <summary>Default d: 4 features.</summary>
    public const int DefaultDimension = 4;
    /// <summary>Default P(A = 1): 0.3.</summary>
    public const double DefaultMinorityShare = 0.3;
    /// <summary>Default shift of the minority's mean on every coordinate: half a standard deviation lower.</summary>
    public const double DefaultMinorityShift = -0.5;
    /// <summary>Default minority spread relative to the majority's: the same.</summary>
    public const double DefaultMinorityScale = 1.0;
    /// <summary>Default correlation between any two features within a group.</summary>
    public const double DefaultCorrelation = 0.3;
    /// <summary>Default |w| of the label's weights on the latent factors.</summary>
    public const double DefaultWeightNorm = 2.0;
    /// <summary>Default b_0: 0 (logit scale).</summary>
    public const double DefaultMajorityIntercept = 0.0;
    /// <summary>Default b_0 - b_1: historical bias of 1.5 on the logit scale.</summary>
    public const double DefaultBiasGap = 1.5;
    /// <summary>Default: A is a feature, so the firm can react to minority-only flips.</summary>
    public const bool DefaultSensitiveAsFeature = true;
    /// <summary>Default dataset name.</summary>
    public const string DefaultName = "synthetic";

    /// <summary>n: rows drawn.</summary>
    public int RowCount { get; init; } = DefaultRowCount;

    /// <summary>d: features x0..x{d-1}, one latent factor each.</summary>
    public int Dimension { get; init; } = DefaultDimension;

    /// <summary>Seed of the sample's random streams (groups, latents, label noise).</summary>
    public int Seed { get; init; }

    /// <summary>P(A = 1): each row is minority with this probability.</summary>
    public double MinorityShare { get; init; } = DefaultMinorityShare;

    /// <summary>mu_0 (length d); null = the origin.</summary>
    public double[]? MajorityMean { get; init; }

    /// <summary>mu_1 (length d); null = mu_0 + <see cref="MinorityShift"/> on every coordinate.</summary>
    public double[]? MinorityMean { get; init; }

    /// <summary>Added to every coordinate of mu_0 to give mu_1 when <see cref="MinorityMean"/> is null.</summary>
    public double MinorityShift { get; init; } = DefaultMinorityShift;

    /// <summary>s_1 &gt; 0: the minority's spread relative to the majority's.</summary>
    public double MinorityScale { get; init; } = DefaultMinorityScale;

    /// <summary>Correlation rho between any two features within a group (L = Cholesky of the equicorrelation
    /// matrix).</summary>
    public double Correlation { get; init; } = DefaultCorrelation;

    /// <summary>w (length d); null = equal weights with Euclidean norm <see cref="WeightNorm"/>.</summary>
    public double[]? Weights { get; init; }

    /// <summary>|w| when <see cref="Weights"/> is null: how strongly the latent factors decide the label.</summary>
    public double WeightNorm { get; init; } = DefaultWeightNorm;

    /// <summary>b_0.</summary>
    public double MajorityIntercept { get; init; } = DefaultMajorityIntercept;

    /// <summary>b_0 - b_1 &gt;= 0: the historical bias against the minority on the logit scale.</summary>
    public double BiasGap { get; init; } = DefaultBiasGap;

    /// <summary>Add A (0/1, column "A") as a feature: the firm must see it for minority-only flips to move it
    /// (method.md 5).</summary>
    public bool SensitiveAsFeature { get; init; } = DefaultSensitiveAsFeature;

    /// <summary>Name of the generated dataset.</summary>
    public string Name { get; init; } = DefaultName;
}
