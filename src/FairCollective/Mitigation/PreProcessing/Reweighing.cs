using FairCollective.Common;
using FairCollective.Data;

namespace FairCollective.Mitigation.PreProcessing;

/// <summary>
/// Reweighing (Kamiran &amp; Calders 2012; AIF360 <c>Reweighing</c>): each (group, label) cell gets the weight
/// W(a)·W(y) / (N·W(a,y)), the mass the cell would have if group and label were independent divided by the mass
/// it has, where W sums the input instance weights. Under the output weights the weighted P(y = 1 | a) is the
/// same in both groups. The minority plays AIF360's unprivileged group; the weights only depend on the cells, so
/// no translation of the group orientation is needed.
/// </summary>
public static class Reweighing
{
    private const string Name = "reweighing";

    /// <summary>Learns the cell weights. A cell with no rows (or zero input mass) cannot be reweighed and is
    /// refused.</summary>
    public static ReweighingModel Fit(ReadOnlySpan<int> y, GroupMembership groups,
        ReadOnlySpan<double> instanceWeights = default, ReweighingOptions? options = null)
    {
        options ??= new ReweighingOptions();
        MitigationInput.UnitInterval(Name, options.Strength, nameof(ReweighingOptions.Strength));
        Check(y, groups, instanceWeights);
        MitigationInput.NonEmpty(Name, y.Length);

        // Compensated sums keep weighted masses within an ulp or two of the exact value whatever the row order.
        var mass = new NeumaierSum[4];
        var count = new int[4];
        for (int i = 0; i < y.Length; i++)
        {
            int c = ReweighingModel.Cell(groups[i], y[i]);
            count[c]++;
            mass[c].Add(instanceWeights.IsEmpty ? 1.0 : instanceWeights[i]);
        }
        var cellMass = new double[4];
        for (int c = 0; c < 4; c++) cellMass[c] = mass[c].Value;

        double n = cellMass[0] + cellMass[1] + cellMass[2] + cellMass[3];
        var weights = new double[4];
        for (int c = 0; c < 4; c++)
        {
            bool minority = c < 2;
            int label = c & 1;
            if (count[c] == 0 || cellMass[c] <= 0)
                throw new UserInputException(
                    $"{Name}: the cell ({(minority ? "minority" : "majority")}, y={label}) has no rows (or zero " +
                        "weight), so it cannot be reweighed.");
            double groupMass = cellMass[2 * (c >> 1)] + cellMass[2 * (c >> 1) + 1];
            double labelMass = cellMass[label] + cellMass[2 + label];
            weights[c] = labelMass * groupMass / (n * cellMass[c]);
        }
        return new ReweighingModel(cellMass, count, weights, options.Strength);
    }

    /// <summary>Fits on the rows and returns each row's output weight.</summary>
    public static double[] FitTransform(ReadOnlySpan<int> y, GroupMembership groups,
        ReadOnlySpan<double> instanceWeights = default, ReweighingOptions? options = null) =>
        Fit(y, groups, instanceWeights, options).Transform(y, groups, instanceWeights);

    internal static void Check(ReadOnlySpan<int> y, GroupMembership groups, ReadOnlySpan<double> instanceWeights)
    {
        MitigationInput.SameLength(Name, y.Length, groups.Count, "groups");
        MitigationInput.Binary(Name, y, "y");
        if (instanceWeights.IsEmpty) return;
        MitigationInput.SameLength(Name, y.Length, instanceWeights.Length, "instanceWeights");
        for (int i = 0; i < instanceWeights.Length; i++)
            if (!(instanceWeights[i] >= 0) || double.IsPositiveInfinity(instanceWeights[i]))
                throw new UserInputException($"{Name}: 'instanceWeights' must be finite and non-negative, row {i} " +
                    $"has {instanceWeights[i]}.");
    }
}
