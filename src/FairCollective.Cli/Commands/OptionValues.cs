using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace FairCollective.Cli.Commands;

/// <summary>
/// Typed option values read with messages a user can act on: what the option takes and what was given
/// ("--threads must be a whole number from 1 to 1,024; got 'abc'"), never the .NET type name System.CommandLine's own
/// parser reports. Count options carry their limit (<see cref="Common.CountLimit"/>) in their parser, so a value
/// beyond it is refused while the command line is read, before any file is read or written.
/// </summary>
internal static class OptionValues
{
    /// <summary>A whole-number option from <paramref name="min"/> to <paramref name="limit"/>,
    /// <paramref name="defaultValue"/> when absent.</summary>
    public static Option<int> Count(string name, string description, int min, int limit, int defaultValue)
    {
        var option = new Option<int>(name)
        {
            Description =
            $"{description} (a whole number from {N(min)} to {N(limit)})", DefaultValueFactory = _ => defaultValue
        };
        option.CustomParser = r => Whole(r, name, min, limit, "") ?? defaultValue;
        return option;
    }

    /// <summary>A whole-number option from <paramref name="min"/> to <paramref name="limit"/>, null when absent;
    /// <paramref name="note"/> follows the range in messages.</summary>
    public static Option<int?> OptionalCount(string name, string description, int min, int limit, string note = "")
    {
        var option = new Option<int?>(name)
        {
            Description =
            $"{description} (a whole number from {N(min)} to {N(limit)}{note})"
        };
        option.CustomParser = r => Whole(r, name, min, limit, note);
        return option;
    }

    /// <summary>A text option that takes one of <paramref name="values"/>, <paramref name="defaultValue"/> when
    /// absent.</summary>
    public static Option<string> OneOf(string name, string description, string defaultValue, params string[] values)
    {
        var option = new Option<string>(name) { Description = description, DefaultValueFactory = _ => defaultValue };
        option.CompletionSources.Add(values);
        option.CustomParser = r =>
        {
            string text = Text(r);
            if (values.Contains(text, StringComparer.Ordinal)) return text;
            r.AddError($"{name} must be one of {string.Join(", ", values)}; got '{text}'");
            return defaultValue;
        };
        return option;
    }

    /// <summary>
    /// Gives every whole-number and number option below <paramref name="command"/> that has no parser of its own one
    /// whose message names the option, what it takes and what was given.
    /// </summary>
    public static void ExplainTypes(Command command)
    {
        foreach (var option in command.Options)
            switch (option)
            {
                case Option<int> { CustomParser: null } o:
                    o.CustomParser = r => Whole(r, o.Name, int.MinValue, int.MaxValue, "") ?? 0;
                    break;
                case Option<int?> { CustomParser: null } o:
                    o.CustomParser = r => Whole(r, o.Name, int.MinValue, int.MaxValue, "");
                    break;
                case Option<double> { CustomParser: null } o:
                    o.CustomParser = r => Number(r, o.Name) ?? 0;
                    break;
                case Option<double?> { CustomParser: null } o:
                    o.CustomParser = r => Number(r, o.Name);
                    break;
            }
        foreach (var sub in command.Subcommands) ExplainTypes(sub);
    }

    private static int? Whole(ArgumentResult r, string name, int min, int limit, string note)
    {
        string text = Text(r);
        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value)
            && value >= min && value <= limit) return value;
        string range = min == int.MinValue && limit == int.MaxValue ? "" : $" from {N(min)} to {N(limit)}";
        r.AddError($"{name} must be a whole number{range}{note}; got '{text}'");
        return null;
    }

    private static double? Number(ArgumentResult r, string name)
    {
        string text = Text(r);
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value)) return value;
        r.AddError($"{name} must be a number (such as 0.25 or 1e-3); got '{text}'");
        return null;
    }

    private static string Text(ArgumentResult r) => r.Tokens.Count > 0 ? r.Tokens[0].Value : "";

    private static string N(int value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
