using System.Globalization;
using FairCollective.Common;
using YamlDotNet.RepresentationModel;

namespace FairCollective.Experiments.Specs;

/// <summary>Typed access to YAML nodes with errors that name the source, line and column.</summary>
internal sealed class Reader(string source)
{
    /// <summary>Where the document came from (a file path, or a label for text).</summary>
    public string Source => source;

    public string At(YamlNode node) => $"{source}:{node.Start.Line}:{node.Start.Column}";

    public YamlNode Required(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key),
            out var v) ? v : throw new UserInputException($"{At(map)}: missing key '{key}'");

    public string Scalar(YamlNode node, string what) =>
        node is YamlScalarNode { Value: { } v } ? v : throw new
            UserInputException($"{At(node)}: '{what}' must be a single value");

    public IEnumerable<(YamlNode Key, YamlNode Value)> Mapping(YamlNode node, string what) =>
        node is YamlMappingNode m ? m.Children.Select(kv => (kv.Key,
            kv.Value)) : throw new UserInputException($"{At(node)}: '{what}' must be a mapping");

    public double Number(YamlNode node, string what)
    {
        string v = Scalar(node, what);
        return double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) && double.IsFinite(d)
            ? d
            : throw new UserInputException($"{At(node)}: '{what}' must be a number; got '{v}'");
    }

    /// <summary>A scalar that must be a whole number: text or a fraction is refused as "must be a whole number; got
    /// ...".</summary>
    public int Whole(YamlNode node, string what)
    {
        string v = Scalar(node, what);
        return double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) && double.IsFinite(d)
            ? WholeNumber((d, node), what)
            : throw new UserInputException($"{At(node)}: '{what}' must be a whole number; got '{v}'");
    }

    public int WholeNumber((double Value, YamlNode Node) n, string what) =>
        n.Value == Math.Floor(n.Value) && Math.Abs(n.Value) <= int.MaxValue
            ? (int)n.Value
            : throw new UserInputException($"{At(n.Node)}: '{what}' must be a whole number; got " +
                $"{n.Value.ToString(CultureInfo.InvariantCulture)}");

    public List<(string Value, YamlNode Node)> StringList(YamlNode node, string what)
    {
        var items = node is YamlSequenceNode seq ? seq.Children.ToList() : [node];
        if (items.Count == 0) throw new UserInputException($"{At(node)}: '{what}' must not be empty");
        return items.Select(n => (Scalar(n, what), n)).ToList();
    }

    /// <summary>A list of numbers, or a range {from, to, step} (inclusive of 'to' within rounding).</summary>
    public List<(double Value, YamlNode Node)> Numbers(YamlNode node, string what)
    {
        if (node is YamlMappingNode m)
        {
            double from = Number(Required(m, "from"), what + ".from"), to = Number(Required(m, "to"),
                what + ".to"), step = Number(Required(m, "step"), what + ".step");
            if (!(step > 0)
                || to < from) throw new UserInputException($"{At(node)}: '{what}' range needs step > 0 and to >= from");
            double steps = GridAxis.Count(from, to, step);
            if (!(steps <= SpecLimits.MaxAxisValues))
                throw new UserInputException($"{At(node)}: '{what}' range from " +
                    $"{from.ToString(CultureInfo.InvariantCulture)} to {to.ToString(CultureInfo.InvariantCulture)} " +
                    $"in steps of {step.ToString(CultureInfo.InvariantCulture)} has " +
                    $"{steps.ToString("G3", CultureInfo.InvariantCulture)} values, more than the limit of " +
                    $"{SpecLimits.MaxAxisValues} on one grid axis");
            return GridAxis.Range(from, to, step).Select(v => (v, (YamlNode)m)).ToList();
        }
        var items = node is YamlSequenceNode seq ? seq.Children.ToList() : [node];
        if (items.Count == 0) throw new UserInputException($"{At(node)}: '{what}' must not be empty");
        if (items.Count > SpecLimits.MaxAxisValues)
            throw new UserInputException($"{At(node)}: '{what}' lists {items.Count} values, more than the limit of " +
                $"{SpecLimits.MaxAxisValues} on one grid axis");
        return items.Select(n => (Number(n, what), n)).ToList();
    }
}
