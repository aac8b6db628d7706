using System.Runtime.CompilerServices;
using FairCollective.Common;
using FairCollective.Data;

namespace FairCollective.Learning;

/// <summary>
/// The checks every trainer applies before fitting (and every model before predicting), so the contract
/// "refuse bad shapes with a one-line <see cref="UserInputException"/>" is enforced in one place.
/// </summary>
internal static class TrainingInput
{
    // The loops below run once per fit over every value: optimise at first call (a one-off loop never tiers up).
    /// <summary>Validates a training set and returns the per-row weights (all ones when none were given).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double[] Validate(string trainer, DesignMatrix x, ReadOnlySpan<int> y,
        ReadOnlySpan<double> sampleWeights)
    {
        if (x.Rows == 0) throw new UserInputException($"{trainer}: the training set has no rows.");
        if (x.Cols == 0) throw new UserInputException($"{trainer}: the training set has no feature columns.");
        if (y.Length != x.Rows)
            throw new UserInputException($"{trainer}: {y.Length} labels were given for {x.Rows} rows.");
        if (!sampleWeights.IsEmpty && sampleWeights.Length != x.Rows)
            throw new
                UserInputException($"{trainer}: {sampleWeights.Length} sample weights were given for {x.Rows} rows.");
        RequireFinite(trainer, x);

        var weights = new double[x.Rows];
        if (sampleWeights.IsEmpty) Array.Fill(weights, 1.0);
        else sampleWeights.CopyTo(weights);

        bool seenPositive = false, seenNegative = false;
        double total = 0;
        for (int i = 0; i < y.Length; i++)
        {
            if (y[i] is not (0 or 1))
                throw new UserInputException($"{trainer}: row {i} has label {y[i]}; labels must be 0 or 1.");
            double w = weights[i];
            if (!double.IsFinite(w) || w < 0)
                throw new UserInputException($"{trainer}: row {i} has sample weight {w}; weights must be finite and " +
                    "non-negative.");
            total += w;
            if (w > 0)
            {
                if (y[i] == 1) seenPositive = true;
                else seenNegative = true;
            }
        }
        if (total <= 0) throw new UserInputException($"{trainer}: the sample weights sum to zero.");
        if (!(seenPositive && seenNegative))
            throw new UserInputException(
                $"{trainer}: only one class (label {(seenPositive ? 1 : 0)}) is present among rows with positive " +
                    "weight; a classifier needs both.");
        return weights;
    }

    /// <summary>Checks a matrix given to a fitted model: right width, finite values.</summary>
    public static void ValidateForPrediction(string model, DesignMatrix x, int featureCount)
    {
        if (x.Cols != featureCount)
            throw new UserInputException($"{model}: the matrix has {x.Cols} columns; the model was fitted on " +
                $"{featureCount}.");
        RequireFinite(model, x);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void RequireFinite(string who, DesignMatrix x)
    {
        var data = x.Data;
        for (int k = 0; k < data.Length; k++)
        {
            if (!double.IsFinite(data[k]))
                throw new UserInputException(
                    $"{who}: feature '{x.ColumnNames[k % x.Cols]}' (column {k % x.Cols}) of row {k / x.Cols} is " +
                        $"{data[k]}; features must be finite.");
        }
    }
}
