using System.Globalization;
using FairCollective.Common;

namespace FairCollective.Bench.Pipeline;

/// <summary>`--name value` options of a bench scenario; unknown or malformed options are user errors naming the
/// option.</summary>
internal sealed class ScenarioArgs
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    public ScenarioArgs(string scenario, string[] args, params string[] known)
    {
        for (int i = 0; i < args.Length; i++)
        {
            if (!known.Contains(args[i])) throw new
                UserInputException($"{scenario}: unknown option '{args[i]}' (known: {string.Join(", ", known)})");
            if (i + 1 >= args.Length) throw new UserInputException($"{scenario}: option {args[i]} needs a value");
            _values[args[i]] = args[++i];
        }
        Scenario = scenario;
    }

    public string Scenario { get; }

    public string? Text(string name) => _values.GetValueOrDefault(name);

    public string Required(string name) => Text(name)
        ?? throw new UserInputException($"{Scenario}: option {name} is required");

    public int Int(string name, int fallback) => Text(name) is { } s
        ? int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture,
            out int v) ? v : throw new UserInputException($"{Scenario}: {name} must be an integer; got '{s}'")
        : fallback;

    public double Double(string name, double fallback) => Text(name) is { } s
        ? double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture,
            out double v) ? v : throw new UserInputException($"{Scenario}: {name} must be a number; got '{s}'")
        : fallback;

    /// <summary>Seeds as "0-4" (inclusive range) or "0,2,3".</summary>
    public IReadOnlyList<int> Seeds(string name, IReadOnlyList<int> fallback)
    {
        if (Text(name) is not { } s) return fallback;
        var dash = s.Split('-');
        if (dash.Length == 2 && int.TryParse(dash[0], CultureInfo.InvariantCulture, out int from)
            && int.TryParse(dash[1], CultureInfo.InvariantCulture, out int to) && to >= from)
            return Enumerable.Range(from, to - from + 1).ToArray();
        var list = s.Split(',', StringSplitOptions.TrimEntries);
        if (list.All(x => int.TryParse(x, CultureInfo.InvariantCulture, out _))) return list.Select(x => int.Parse(x,
            CultureInfo.InvariantCulture)).ToArray();
        throw new UserInputException($"{Scenario}: {name} must be a range like 0-4 or a list like 0,1,2; got '{s}'");
    }
}
