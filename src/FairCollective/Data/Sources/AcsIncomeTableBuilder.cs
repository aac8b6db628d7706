using FairCollective.Common;
using FairCollective.Data.Csv;

namespace FairCollective.Data.Sources;

/// <summary>
/// Collects ACSIncome rows (the ten features in folktables' order) from any of the three ACS layouts and
/// encodes them the same way, so a state file, the national subset and a PUMS build give identical datasets.
/// </summary>
internal sealed class AcsIncomeTableBuilder
{
    private readonly AcsIncomeOptions _options;
    private readonly FeatureColumnBuilder?[] _columns;
    private readonly int _sex;
    private readonly List<int> _labels = [];
    private readonly List<string> _groups = [];
    private readonly List<string> _ids = [];
    private readonly List<string?> _split = [];

    public AcsIncomeTableBuilder(AcsIncomeOptions options)
    {
        if (options.MinorityGroup is not (AcsIncomeOptions.Female or AcsIncomeOptions.Male))
            throw new UserInputException($"ACS Income minority '{options.MinorityGroup}' is not " +
                $"'{AcsIncomeOptions.Female}' or '{AcsIncomeOptions.Male}'");
        _options = options;
        _sex = FolktablesAcsIncome.Features.IndexOf(FolktablesAcsIncome.SexColumn);
        _columns = FolktablesAcsIncome.Features
            .Select(f => f == FolktablesAcsIncome.SexColumn && !options.SexAsFeature
                ? null
                : new FeatureColumnBuilder(f,
                    FolktablesAcsIncome.CategoricalFeatures.Contains(f) ? FeatureKind.Categorical :
                    FeatureKind.Numeric))
            .ToArray();
    }

    /// <summary>Indices in <paramref name="reader"/> of the ten features, in folktables' order.</summary>
    public static int[] FeatureFields(CsvRowReader reader)
        => FolktablesAcsIncome.Features.Select(reader.Column).ToArray();

    /// <summary>Adds one row; <paramref name="values"/> are the ten features in folktables' order.</summary>
    public void Add(CsvRowReader reader, ReadOnlySpan<double> values, int label, string id, string? split)
    {
        for (int j = 0; j < _columns.Length; j++)
        {
            var c = _columns[j];
            if (c is null) continue;
            if (c.Kind == FeatureKind.Numeric) c.AddNumber(values[j]);
            else c.AddCode(values[j]);
        }
        double sex = values[_sex];
        _groups.Add(sex == FolktablesAcsIncome.SexFemaleCode ? AcsIncomeOptions.Female
            : sex == FolktablesAcsIncome.SexMaleCode ? AcsIncomeOptions.Male
            : throw new UserInputException($"{reader.Source}, line {reader.LineNumber}, column 'SEX': {sex} is not 1 " +
                "(male) or 2 (female)"));
        _labels.Add(label);
        _ids.Add(id);
        _split.Add(split);
    }

    public Dataset Build(string name, string source, string description, bool hasSplit)
    {
        var dataset = new Dataset(name, _columns.Where(c => c is not null).Select(c => c!.Build(source)).ToArray(),
            _labels.ToArray(),
            new SensitiveAttribute("sex", _groups.ToArray(),
                [_options.MinorityGroup]), _ids.ToArray(), hasSplit ? _split.ToArray() : null,
            $"{description}; y = 1: PINCP > 50000; minority {_options.MinorityGroup}");
        return DatasetChecks.Validate(dataset, source, _options.PartialFile);
    }
}
