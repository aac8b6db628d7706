using System.Text.RegularExpressions;
using FairCollective.Common;
using FairCollective.Data;
using FairCollective.Data.Sources;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace FairCollective.Experiments.Specs;

/// <summary>
/// Reads a <see cref="DatasetSpec"/> from YAML or JSON (docs/dataset-spec.md; keys in snake_case, as in experiment
/// specs; a camelCase key is refused with its snake_case spelling), bounded in size
/// and depth (<see cref="SpecDocument"/>), and loads data the way the command line names it: a catalog name, a
/// recognised file, a data file with <c>--spec</c>, or a spec file alone (its data is the spec's <c>path</c>).
/// </summary>
public static class DatasetSpecFile
{
    private static readonly string[] Extensions = [".yaml", ".yml", ".json"];

    /// <summary>Reads the spec file at <paramref name="path"/>.</summary>
    public static DatasetSpec Read(string path)
    {
        InputFile.Require(path, "spec file");
        return Parse(SpecDocument.ReadFile(path), path);
    }

    /// <summary>Parses spec text; <paramref name="source"/> names it in messages.</summary>
    public static DatasetSpec Parse(string yaml, string source)
    {
        SpecDocument.Check(yaml, source);
        var root = CheckShape(yaml, source);
        var deserializer = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build();
        DatasetSpec? spec;
        try
        {
            spec = deserializer.Deserialize<DatasetSpec?>(yaml);
        }
        catch (YamlException e)
        {
            // A value that does not convert (max_levels: abc) is named by its key, as a value of the wrong shape is.
            if (root is not null && SpecShape.Unconverted(root, typeof(DatasetSpec), e.Start) is { } value)
                throw new UserInputException($"{source}:{e.Start.Line}:{e.Start.Column}: {value}", e);
            throw new UserInputException($"{source}, line {e.Start.Line}: {Explain(e)}", e);
        }
        return spec ?? throw new UserInputException($"{source}: the spec is empty");
    }

    // A list or mapping where a single value belongs (or the reverse) is named with its key, line and column; returns
    // the document's root for naming values that do not convert (null for malformed YAML, which the deserialiser
    // reports).
    private static YamlNode? CheckShape(string yaml, string source)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (Exception e) when (e is YamlException or InvalidOperationException)
        {
            return null;
        }
        if (stream.Documents.Count == 0) return null;
        SpecShape.Check(stream.Documents[0].RootNode, typeof(DatasetSpec), source);
        return stream.Documents[0].RootNode;
    }

    /// <summary>True when <paramref name="path"/> names a spec file by its extension (.yaml, .yml, .json).</summary>
    public static bool IsSpecFile(string path) => Extensions.Any(e => path.EndsWith(e,
        StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Loads <paramref name="nameOrPath"/> (a catalog name, a recognised file, a spec file, or the data file of
    /// <paramref name="specPath"/>), with <paramref name="options"/> applied.
    /// </summary>
    public static Dataset Load(string? nameOrPath, string? specPath = null, LoadOptions? options = null)
    {
        options ??= LoadOptions.Default;
        if (specPath is not null) return DatasetCatalog.Load(nameOrPath, options with
        {
            Spec = Read(specPath),
            SpecSource = specPath
        });
        if (nameOrPath is not null && IsSpecFile(nameOrPath) && File.Exists(nameOrPath))
            return DatasetCatalog.Load(null, options with { Spec = Read(nameOrPath), SpecSource = nameOrPath });
        return DatasetCatalog.Load(nameOrPath, options);
    }

    /// <summary>The dataset the spec file at <paramref name="specPath"/> describes; <paramref name="dataPath"/>
    /// overrides its <c>path</c>.</summary>
    public static Dataset LoadData(string specPath, string? dataPath = null) => Load(dataPath, specPath);

    // YamlDotNet's messages name CLR types; users need the key they wrote.
    private static string Explain(YamlException e)
    {
        var inner = e.InnerException ?? e;
        var m = Regex.Match(e.Message + " " + inner.Message, @"Property '([^']+)' not found on type '[^']*?(\w+)'");
        if (m.Success)
        {
            string key = m.Groups[1].Value;
            var (section, known) = Section(m.Groups[2].Value);
            string snake = UnderscoredNamingConvention.Instance.Apply(key);
            return known.Contains(snake) && snake != key
                ? $"unknown key '{key}' in {section}; did you mean '{snake}'?"
                : $"unknown key '{key}' in {section} (known: {string.Join(", ", known)})";
        }
        string message = inner.Message;
        int close = message.IndexOf("): ", StringComparison.Ordinal);
        return close >= 0 ? message[(close + 3)..] : message;
    }

    // The keys of each section, in the order docs/dataset-spec.md lists them.
    private static (string Section, string[] Known) Section(string type) => type switch
    {
        nameof(DatasetSpec) => ("the spec", ["name", "path", "separator", "header", "columns", "trim", "id", "derived",
            "label", "sensitive", "features", "missing", "max_levels"]),
        nameof(LabelSpec) => ("label", ["column", "favourable", "unfavourable"]),
        nameof(SensitiveSpec) => ("sensitive", ["columns", "minority", "groups", "as_feature"]),
        nameof(FeatureSpec) => ("a feature", ["name", "kind", "max_levels"]),
        nameof(MissingSpec) => ("missing", ["values", "policy"]),
        nameof(DerivedColumnSpec) => ("a derived column", ["name", "expression"]),
        _ => (type, []),
    };
}
