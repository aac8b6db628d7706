using FairCollective.Common;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;

namespace FairCollective.Data.Synthetic;

/// <summary>
/// Builds the <see cref="CausalModel"/> an options object describes and draws a <see cref="SyntheticSample"/> from
/// it. Groups, latents and label noise come from three separate seeded streams, so changing d or the label
/// model does not reshuffle who is in the minority.
/// </summary>
public static class SyntheticGenerator
{
    /// <summary>Name of the sensitive attribute (and of the optional 0/1 feature column).</summary>
    public const string SensitiveName = "A";
    /// <summary>Group label of rows with A = 0.</summary>
    public const string MajorityGroup = "majority";
    /// <summary>Group label of rows with A = 1 (the minority).</summary>
    public const string MinorityGroup = "minority";

    /// <summary>"x0".."x{d-1}".</summary>
    public static string[] FeatureNames(int dimension) => Enumerable.Range(0, dimension).Select(j => $"x{j}").ToArray();

    /// <summary>Draws a sample from the causal model the options describe (default options when null), with its exact
    /// g(x) and P0.</summary>
    public static SyntheticSample Generate(SyntheticOptions? options = null)
    {
        options ??= new SyntheticOptions();
        var model = BuildModel(options);
        int n = options.RowCount, d = model.Dimension;

        var groupRng = Seeds.Create(options.Seed, "synthetic-group");
        var latentRng = Seeds.Create(options.Seed, "synthetic-latent");
        var labelRng = Seeds.Create(options.Seed, "synthetic-label");

        var x = new double[n * d];
        var u = new double[n * d];
        var g = new double[n * d];
        var p0 = new double[n];
        var labels = new int[n];
        var cfLabel = new int[n];
        var cfOutcome = new int[n];
        var groups = new string[n];
        var aFeature = new double[n];
        var ids = new string[n];
        for (int i = 0; i < n; i++)
        {
            bool minority = groupRng.NextDouble() < options.MinorityShare;
            var ui = u.AsSpan(i * d, d);
            for (int j = 0; j < d; j++) ui[j] = Normal.Sample(latentRng, 0, 1);
            var xi = x.AsSpan(i * d, d);
            model.Features(ui, minority, xi);
            model.Counterfactual(xi, minority, g.AsSpan(i * d, d));

            // One uniform per row drives both the observed and the counterfactual label (shared exogenous noise).
            double v = labelRng.NextDouble();
            labels[i] = v < model.PositiveProbability(ui, minority) ? 1 : 0;
            p0[i] = model.PositiveProbability(ui, minority: false);
            cfOutcome[i] = v < p0[i] ? 1 : 0;
            cfLabel[i] = p0[i] >= 0.5 ? 1 : 0;

            groups[i] = minority ? MinorityGroup : MajorityGroup;
            aFeature[i] = minority ? 1 : 0;
            ids[i] = $"{options.Name}-{i}";
        }

        var names = FeatureNames(d);
        var columns = new List<FeatureColumn>(d + 1);
        for (int j = 0; j < d; j++)
        {
            var col = new double[n];
            for (int i = 0; i < n; i++) col[i] = x[i * d + j];
            columns.Add(FeatureColumn.Numeric(names[j], col));
        }
        if (options.SensitiveAsFeature) columns.Add(FeatureColumn.Numeric(SensitiveName, aFeature));
        var data = new Dataset(options.Name, columns, labels, new SensitiveAttribute(SensitiveName, groups,
            [MinorityGroup]), ids,
            description: $"synthetic causal model (d = {d}, seed {options.Seed}): A and latent U cause X and Y; g(x) " +
                "and P0(y | g(x)) are exact");
        data.Identify(DatasetIdentity.OfGenerated(options.Name, "synthetic causal model", options));
        return new SyntheticSample(data, x, u, g, p0, cfLabel, cfOutcome, model);
    }

    /// <summary>The causal model of <paramref name="options"/>, after checking every parameter.</summary>
    public static CausalModel BuildModel(SyntheticOptions options)
    {
        int d = options.Dimension;
        if (options.RowCount < 1) throw Bad(nameof(options.RowCount), "must be at least 1", options.RowCount);
        if (d < 1) throw Bad(nameof(options.Dimension), "must be at least 1", d);
        if (!(options.MinorityShare is > 0 and < 1)) throw Bad(nameof(options.MinorityShare), "must be in (0, 1)",
            options.MinorityShare);
        if (!(options.MinorityScale > 0)
            || !double.IsFinite(options.MinorityScale)) throw Bad(nameof(options.MinorityScale), "must be positive",
            options.MinorityScale);
        if (!(options.BiasGap >= 0) || !double.IsFinite(options.BiasGap)) throw Bad(nameof(options.BiasGap),
            "must be >= 0 (b_1 <= b_0)", options.BiasGap);
        if (!double.IsFinite(options.MajorityIntercept)) throw Bad(nameof(options.MajorityIntercept), "must be finite",
            options.MajorityIntercept);
        // The equicorrelation matrix is positive definite exactly for -1/(d-1) < rho < 1.
        double rhoLow = d == 1 ? -1 : -1.0 / (d - 1);
        if (!(options.Correlation > rhoLow && options.Correlation < 1))
            throw Bad(nameof(options.Correlation), $"must be in ({rhoLow:G4}, 1) for d = {d}", options.Correlation);

        var mu0 = Vector(options.MajorityMean, d, nameof(options.MajorityMean)) ?? new double[d];
        var mu1 = Vector(options.MinorityMean, d, nameof(options.MinorityMean)) ?? mu0.Select(m
            => m + options.MinorityShift).ToArray();
        if (mu1.Any(m => !double.IsFinite(m))) throw Bad(nameof(options.MinorityShift), "must be finite",
            options.MinorityShift);
        var w = Vector(options.Weights, d, nameof(options.Weights))
                ?? Enumerable.Repeat(options.WeightNorm / Math.Sqrt(d), d).ToArray();
        if (options.Weights is null && !(options.WeightNorm >= 0 && double.IsFinite(options.WeightNorm)))
            throw Bad(nameof(options.WeightNorm), "must be >= 0", options.WeightNorm);

        double rho = options.Correlation;
        var sigma = Matrix<double>.Build.Dense(d, d, (i, j) => i == j ? 1 : rho);
        var factor = sigma.Cholesky().Factor;
        var l = new double[d * d];
        for (int i = 0; i < d; i++)
            for (int j = 0; j <= i; j++) l[i * d + j] = factor[i, j];

        return new CausalModel(mu0, mu1, options.MinorityScale, l, w, options.MajorityIntercept,
            options.MajorityIntercept - options.BiasGap);
    }

    private static double[]? Vector(double[]? v, int d, string option)
    {
        if (v is null) return null;
        if (v.Length != d) throw new
            UserInputException($"synthetic option {option} has {v.Length} values; Dimension is {d}");
        if (v.Any(x
            => !double.IsFinite(x))) throw new UserInputException($"synthetic option {option} must hold finite values");
        return (double[])v.Clone();
    }

    private static UserInputException Bad(string option, string rule, double value) =>
        new($"synthetic option {option} {rule}, got {value}");
}
