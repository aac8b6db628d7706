using System.Globalization;
using FairCollective.Common;

namespace FairCollective.Data.Synthetic;

/// <summary>
/// A generated dataset named by its generator settings, so a spec can sweep the causal model without code:
/// <c>synthetic(weight_norm=0.5, bias_gap=2)</c> is the synthetic generator with those <see cref="SyntheticOptions"/>
/// and every other setting at its default (seed 0, as the plain <c>synthetic</c>). The name as written is the
/// dataset's display name; its identity hashes the resolved settings.
/// </summary>
public static class SyntheticName
{
    /// <summary>What a parameterised name starts with.</summary>
    public const string Prefix = "synthetic(";

    // Each key a spec can set, with how it sets the option; documented in docs/datasets.md.
    private static readonly Dictionary<string, Func<SyntheticOptions, double, SyntheticOptions>> Keys =
        new(StringComparer.Ordinal)
        {
            ["weight_norm"] = (o, v) => o with { WeightNorm = v },
            ["bias_gap"] = (o, v) => o with { BiasGap = v },
            ["minority_shift"] = (o, v) => o with { MinorityShift = v },
            ["minority_scale"] = (o, v) => o with { MinorityScale = v },
            ["minority_share"] = (o, v) => o with { MinorityShare = v },
            ["majority_intercept"] = (o, v) => o with { MajorityIntercept = v },
            ["correlation"] = (o, v) => o with { Correlation = v },
            ["rows"] = (o, v) => o with { RowCount = Whole(v, "rows") },
            ["dimension"] = (o, v) => o with { Dimension = Whole(v, "dimension") },
            ["seed"] = (o, v) => o with { Seed = Whole(v, "seed") },
        };

    /// <summary>The keys a parameterised name may set.</summary>
    public static IReadOnlyCollection<string> Settable => Keys.Keys;

    /// <summary>Whether <paramref name="name"/> is a parameterised synthetic name ("synthetic(...)").</summary>
    public static bool Is(string name) => name.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase)
        && name.EndsWith(')');

    /// <summary>The generator settings of a parameterised name.</summary>
    /// <exception cref="UserInputException">A key that is not settable, a value that is not a number, or a key given
    /// twice; the message names it.</exception>
    public static SyntheticOptions Parse(string name)
    {
        var options = new SyntheticOptions { Seed = 0, Name = name.Trim() };
        string body = name.Trim()[Prefix.Length..^1];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var part in body.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            int eq = part.IndexOf('=');
            if (eq <= 0) throw new UserInputException($"dataset '{name}': '{part}' is not key=value (settable: " +
                $"{string.Join(", ", Keys.Keys)})");
            string key = part[..eq].Trim();
            string text = part[(eq + 1)..].Trim();
            if (!Keys.TryGetValue(key,
                out var set)) throw new UserInputException($"dataset '{name}': unknown setting '{key}' (settable: " +
                $"{string.Join(", ", Keys.Keys)})");
            if (!seen.Add(key)) throw new UserInputException($"dataset '{name}': '{key}' is given twice");
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value)
                || !double.IsFinite(value))
                throw new UserInputException($"dataset '{name}': '{key}' must be a finite number; got '{text}'");
            options = set(options, value);
        }
        return options;
    }

    private static int Whole(double v, string key) =>
        v == Math.Floor(v)
            && v is >= int.MinValue and <= int.MaxValue ? (int)v : throw new UserInputException($"synthetic setting " +
            $"'{key}' must be a whole number; got {v.ToString(CultureInfo.InvariantCulture)}");
}
