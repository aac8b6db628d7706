namespace FairCollective.Data.Synthetic;

/// <summary>
/// A sample from a <see cref="CausalModel"/> with everything the oracle and the counterfactual metrics need,
/// known exactly rather than estimated. Row i of every array is row i of <see cref="Data"/>.
/// </summary>
public sealed class SyntheticSample
{
    internal SyntheticSample(Dataset data, double[] features, double[] latent, double[] counterfactualFeatures,
        double[] p0PositiveAtCounterfactual, int[] counterfactualLabel, int[] counterfactualOutcome, CausalModel model)
    {
        Data = data;
        Features = features;
        Latent = latent;
        CounterfactualFeatures = counterfactualFeatures;
        P0PositiveAtCounterfactual = p0PositiveAtCounterfactual;
        CounterfactualLabel = counterfactualLabel;
        CounterfactualOutcome = counterfactualOutcome;
        Model = model;
    }

    /// <summary>Features x0..x{d-1} (plus "A" when asked), labels, sensitive attribute "A" (minority =
    /// "minority").</summary>
    public Dataset Data { get; }

    /// <summary>x, row-major n x d (the same values as Data's x columns).</summary>
    public double[] Features { get; }

    /// <summary>The latent U of every row, row-major n x d.</summary>
    public double[] Latent { get; }

    /// <summary>g(x), row-major n x d: x for majority rows, the majority-world features for minority rows.</summary>
    public double[] CounterfactualFeatures { get; }

    /// <summary>P0(y = 1 | g(x)) = sigmoid(w . U + b_0), exact.</summary>
    public double[] P0PositiveAtCounterfactual { get; }

    /// <summary>
    /// argmax_y P0(y | g(x)): 1 where P0 &gt;= 0.5. The tie (P0 exactly 0.5, probability zero for continuous U) goes
    /// to the favourable label. This is the ideal relabelling of Hardt et al. and what the Oracle strategy flips.
    /// </summary>
    public int[] CounterfactualLabel { get; }

    /// <summary>
    /// The label the row would have drawn as a majority member with the same label noise (same uniform draw):
    /// 1[V &lt; sigmoid(w . U + b_0)]. Since b_1 &lt;= b_0 it is never below the observed label.
    /// </summary>
    public int[] CounterfactualOutcome { get; }

    /// <summary>The causal model the sample was drawn from.</summary>
    public CausalModel Model { get; }

    /// <summary>d: number of x features (A excluded).</summary>
    public int Dimension => Model.Dimension;

    /// <summary>
    /// The same people moved into the majority world: x replaced by g(x) and the "A" feature (when present) set to 0,
    /// so a firm's model can be evaluated on g(x) with the same encoder. Labels are <see cref="CounterfactualLabel"/>;
    /// the sensitive attribute keeps each row's real group so results can still be broken down by it.
    /// </summary>
    public Dataset CounterfactualDataset()
    {
        int n = Data.RowCount, d = Dimension;
        var columns = new List<FeatureColumn>(Data.Features.Count);
        foreach (var f in Data.Features)
        {
            int j = f.Name == SyntheticGenerator.SensitiveName ? -1 : Array.IndexOf(SyntheticGenerator.FeatureNames(d),
                f.Name);
            var values = new double[n];
            if (j >= 0)
                for (int i = 0; i < n; i++) values[i] = CounterfactualFeatures[i * d + j];
            columns.Add(FeatureColumn.Numeric(f.Name, values));
        }
        return new Dataset(Data.Name + "-counterfactual", columns, (int[])CounterfactualLabel.Clone(), Data.Sensitive,
            Data.Ids,
            description: "features moved to the majority world by the true group counterfactual g");
    }
}
