using System.Globalization;
using FairCollective.Common;
using FairCollective.Data.Csv;

namespace FairCollective.Data.Sources;

/// <summary>
/// Loads a user's CSV / gzip CSV described by a <see cref="DatasetSpec"/>. The file is read once into
/// per-column string arrays (kinds may need inferring before any value is converted), then the spec is applied:
/// missing policy, label mapping, sensitive groups, feature kinds. Every rejection names file, line and column.
/// </summary>
public static class CsvDatasetLoader
{
    /// <summary>
    /// Loads with <paramref name="spec"/>; a relative spec path resolves against <paramref name="specSource"/>'s
    /// directory. The dataset carries its <see cref="Dataset.Identity"/>.
    /// </summary>
    public static Dataset Load(DatasetSpec spec, string specSource, string? dataPath = null)
    {
        string path = dataPath ?? ResolvePath(spec, specSource);
        var plan = Plan.Create(spec, specSource);
        var table = Table.Read(path, spec, plan);
        var dataset = plan.Build(table, path, spec);
        // Name and path are the identity's name and content hash; the rest decides how the bytes become rows.
        var settings = spec with { Name = null, Path = null, Separator = plan.Separator.ToString() };
        return dataset.Identify(DatasetIdentity.OfFiles(dataset.Name, [path], "dataset spec", settings));
    }

    private static string ResolvePath(DatasetSpec spec, string specSource)
    {
        if (string.IsNullOrWhiteSpace(spec.Path)) throw new UserInputException($"{specSource}: the spec has no 'path' and no data file was given");
        if (System.IO.Path.IsPathRooted(spec.Path)) return spec.Path;
        string dir = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(specSource)) ?? ".";
        return System.IO.Path.Combine(dir, spec.Path);
    }

    /// <summary>The raw file: one string array per column, plus each row's line number.</summary>
    private sealed record Table(string Source, IReadOnlyList<string> Names, List<string>[] Columns, List<int> Lines)
    {
        public int RowCount => Lines.Count;

        public static Table Read(string path, DatasetSpec spec, Plan plan)
        {
            var options = new CsvReadOptions { Separator = plan.Separator, HasHeader = spec.Header, Trim = spec.Trim };
            using var reader = CsvRowReader.Open(path, options);
            List<string>[]? columns = null;
            var pools = new List<Dictionary<string, string>>();
            var lines = new List<int>();
            while (reader.MoveNext())
            {
                if (columns is null)
                {
                    columns = Enumerable.Range(0, reader.FieldCount).Select(_ => new List<string>()).ToArray();
                    for (int j = 0; j < columns.Length; j++) pools.Add(new Dictionary<string, string>(StringComparer.Ordinal));
                }
                for (int j = 0; j < columns.Length; j++)
                {
                    var lookup = pools[j].GetAlternateLookup<ReadOnlySpan<char>>();
                    var span = reader.Span(j);
                    if (!lookup.TryGetValue(span, out var s)) pools[j][s = span.ToString()] = s;
                    columns[j].Add(s);
                }
                lines.Add(reader.LineNumber);
            }
            var names = spec.Header
                ? reader.Header
                : Enumerable.Range(1, reader.FieldCount).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToArray();
            return new Table(path, names, columns ?? names.Select(_ => new List<string>()).ToArray(), lines);
        }

        public int Column(string name, string role, string specSource)
        {
            for (int j = 0; j < Names.Count; j++)
                if (Names[j] == name) return j;
            throw new UserInputException($"{specSource}: unknown column '{name}' in {role} ({Source} has columns: {string.Join(", ", Names)})");
        }
    }

    /// <summary>The checked spec, independent of the data.</summary>
    private sealed record Plan(string SpecSource, char Separator, LabelSpec Label, SensitiveSpec Sensitive, HashSet<string> MissingValues, string Policy)
    {
        public static Plan Create(DatasetSpec spec, string specSource)
        {
            string sep = spec.Separator == "tab" ? "\t" : spec.Separator;
            if (sep.Length != 1) throw new UserInputException($"{specSource}: separator '{spec.Separator}' must be one character (or \"tab\")");
            var label = spec.Label ?? throw new UserInputException($"{specSource}: the spec has no 'label' section");
            if (string.IsNullOrEmpty(label.Column)) throw new UserInputException($"{specSource}: label.column is not given");
            if (label.Favourable.Count == 0) throw new UserInputException($"{specSource}: label.favourable lists no values");
            if (label.Unfavourable is { } unf && unf.Intersect(label.Favourable).FirstOrDefault() is { } both)
                throw new UserInputException($"{specSource}: label value '{both}' is both favourable and unfavourable");
            var sensitive = spec.Sensitive ?? throw new UserInputException($"{specSource}: the spec has no 'sensitive' section");
            if (sensitive.Columns.Count == 0) throw new UserInputException($"{specSource}: sensitive.columns lists no columns");
            if (sensitive.Minority.Count == 0) throw new UserInputException($"{specSource}: sensitive.minority lists no groups");
            if (sensitive.Groups is { } declared && sensitive.Minority.FirstOrDefault(m => !declared.Contains(m)) is { } stray)
                throw new UserInputException($"{specSource}: minority '{stray}' is not among sensitive.groups ({string.Join(", ", declared)})");
            if (spec.Missing.Policy is not (MissingSpec.DropRow or MissingSpec.Error or MissingSpec.Keep))
                throw new UserInputException($"{specSource}: missing.policy '{spec.Missing.Policy}' is not {MissingSpec.DropRow}, {MissingSpec.Error} or {MissingSpec.Keep}");
            if (spec.MaxLevels is < 1) throw new UserInputException($"{specSource}: maxLevels must be at least 1; got {spec.MaxLevels}");
            foreach (var f in spec.Features ?? [])
            {
                if (string.IsNullOrEmpty(f.Name)) throw new UserInputException($"{specSource}: a feature has no name");
                if (f.Kind is not (null or "numeric" or "categorical"))
                    throw new UserInputException($"{specSource}: feature '{f.Name}' has kind '{f.Kind}'; expected numeric or categorical");
                if (f.MaxLevels is < 1) throw new UserInputException($"{specSource}: feature '{f.Name}' has maxLevels {f.MaxLevels}; it must be at least 1");
            }
            return new Plan(specSource, sep[0], label, sensitive, new HashSet<string>(spec.Missing.Values, StringComparer.Ordinal), spec.Missing.Policy);
        }

        public Dataset Build(Table t, string path, DatasetSpec spec)
        {
            int label = t.Column(Label.Column!, "label.column", SpecSource);
            int[] sens = Sensitive.Columns.Select(c => t.Column(c, "sensitive.columns", SpecSource)).ToArray();
            int id = spec.Id is null ? -1 : t.Column(spec.Id, "id", SpecSource);
            int[] required = [label, .. sens, .. (id >= 0 ? new[] { id } : [])];

            // Kinds come first, inferred from the rows whose label, sensitive and id are present: a numeric
            // column's NaN or infinity counts as missing, so the missing policy below needs to know the kind.
            var candidates = Enumerable.Range(0, t.RowCount).Where(i => !required.Any(j => IsMissing(t, j, i))).ToArray();
            var features = (spec.Features ?? DefaultFeatures(t, label, sens, id))
                .Select(f => Cells.Read(t, t.Column(f.Name!, "features", SpecSource), f, candidates, this))
                .ToArray();

            // Rows kept: required columns (label, sensitive, id) must be present; features per policy.
            var rows = new List<int>();
            for (int i = 0; i < t.RowCount; i++)
            {
                bool dropped = false;
                foreach (int j in required)
                {
                    if (!IsMissing(t, j, i)) continue;
                    if (Policy == MissingSpec.DropRow) { dropped = true; break; }
                    throw MissingError(t, j, i, required: true);
                }
                if (dropped) continue;
                foreach (var f in features)
                {
                    if (!f.IsMissing(i) || Policy == MissingSpec.Keep) continue;
                    if (Policy == MissingSpec.DropRow) { dropped = true; break; }
                    throw MissingError(t, f.Index, i, required: false);
                }
                if (!dropped) rows.Add(i);
            }

            var columns = features.Select(f => f.Build(rows, MaxLevels(spec, f.Spec))).ToArray();
            var labels = new int[rows.Count];
            var groups = new string[rows.Count];
            var ids = new string[rows.Count];
            var declared = Sensitive.Groups is null ? null : new HashSet<string>(Sensitive.Groups, StringComparer.Ordinal);
            var seenIds = new HashSet<string>(StringComparer.Ordinal);
            for (int r = 0; r < rows.Count; r++)
            {
                int i = rows[r];
                labels[r] = LabelOf(t, label, i);
                groups[r] = string.Join(SensitiveAttribute.IntersectionSeparator, sens.Select(j => t.Columns[j][i]));
                if (declared is not null && !declared.Contains(groups[r]))
                    throw new UserInputException($"{t.Source}, line {t.Lines[i]}: sensitive group '{groups[r]}' is not among the declared groups ({string.Join(", ", declared)})");
                ids[r] = id < 0 ? (i + 1).ToString(CultureInfo.InvariantCulture) : t.Columns[id][i];
                if (!seenIds.Add(ids[r]))
                    throw new UserInputException($"{t.Source}, line {t.Lines[i]}, column '{spec.Id}': id '{ids[r]}' appears twice");
            }
            string name = spec.Name ?? System.IO.Path.GetFileName(path).Split('.')[0];
            var dataset = new Dataset(name, columns, labels, new SensitiveAttribute(string.Join(SensitiveAttribute.IntersectionSeparator, Sensitive.Columns), groups, Sensitive.Minority),
                ids, description: $"{System.IO.Path.GetFileName(path)} per {System.IO.Path.GetFileName(SpecSource)}");
            return DatasetChecks.Validate(dataset, t.Source);
        }

        private static int MaxLevels(DatasetSpec spec, FeatureSpec feature) => feature.MaxLevels ?? spec.MaxLevels ?? DatasetLimits.MaxCategoricalLevels;

        private IEnumerable<FeatureSpec> DefaultFeatures(Table t, int label, int[] sens, int id) =>
            Enumerable.Range(0, t.Names.Count)
                .Where(j => j != label && j != id && (Sensitive.AsFeature || !sens.Contains(j)))
                .Select(j => new FeatureSpec { Name = t.Names[j] });

        /// <summary>Whether the field is one of the spec's missing tokens.</summary>
        public bool IsMissing(Table t, int column, int row) => MissingValues.Contains(t.Columns[column][row]);

        private UserInputException MissingError(Table t, int column, int row, bool required)
        {
            string value = t.Columns[column][row];
            string where = $"{t.Source}, line {t.Lines[row]}, column '{t.Names[column]}'";
            if (required) return new($"{where}: missing value '{value}' in a label, sensitive or id column");
            return MissingValues.Contains(value)
                ? new($"{where}: missing value '{value}' (missing.policy is {MissingSpec.Error})")
                : new($"{where}: '{value}' is not a finite number, so it counts as missing (missing.policy is {MissingSpec.Error})");
        }

        private int LabelOf(Table t, int column, int row)
        {
            string v = t.Columns[column][row];
            if (Label.Favourable.Contains(v)) return 1;
            if (Label.Unfavourable is null || Label.Unfavourable.Contains(v)) return 0;
            throw new UserInputException($"{t.Source}, line {t.Lines[row]}, column '{t.Names[column]}': label '{v}' is neither favourable ({string.Join(", ", Label.Favourable)}) nor unfavourable ({string.Join(", ", Label.Unfavourable)})");
        }
    }

    /// <summary>
    /// One feature column of the file with its kind settled. A numeric column's cells are parsed once, for every
    /// row of the file: NaN for a missing token or a non-finite number (NaN, Infinity, inf, 1e999), which the
    /// missing policy then treats alike; a cell that is no number at all is an error if its row is kept.
    /// </summary>
    private sealed class Cells(Table table, Plan plan, int index, FeatureSpec spec, double[]? numbers, bool[]? notANumber)
    {
        public int Index => index;
        public FeatureSpec Spec => spec;

        /// <summary>
        /// Reads column <paramref name="index"/> with the kind <paramref name="spec"/> declares or, when it declares
        /// none, numeric if every non-missing value on <paramref name="candidates"/> is a number (NaN and infinity
        /// tokens included) and at least one is finite; categorical otherwise.
        /// </summary>
        public static Cells Read(Table t, int index, FeatureSpec spec, int[] candidates, Plan plan)
        {
            var values = t.Columns[index];
            if (spec.Kind == "categorical") return new Cells(t, plan, index, spec, null, null);
            var numbers = new double[t.RowCount];
            var notANumber = new bool[t.RowCount];
            for (int i = 0; i < numbers.Length; i++)
            {
                if (plan.IsMissing(t, index, i)) numbers[i] = double.NaN;
                else if (!CsvRowReader.TryParseNumber(values[i], out numbers[i])) (numbers[i], notANumber[i]) = (double.NaN, true);
                else if (!double.IsFinite(numbers[i])) numbers[i] = double.NaN;
            }
            bool numeric = spec.Kind == "numeric"
                || (candidates.All(i => !notANumber[i]) && candidates.Any(i => !double.IsNaN(numbers[i])));
            return numeric ? new Cells(t, plan, index, spec, numbers, notANumber) : new Cells(t, plan, index, spec, null, null);
        }

        /// <summary>Whether row <paramref name="row"/> is missing here: a missing token, or a non-finite number in a numeric column.</summary>
        public bool IsMissing(int row) => numbers is null
            ? plan.IsMissing(table, index, row)
            : double.IsNaN(numbers[row]) && !notANumber![row];

        /// <summary>The column over <paramref name="rows"/>; a categorical one with more than <paramref name="maxLevels"/> levels is an error.</summary>
        public FeatureColumn Build(List<int> rows, int maxLevels)
        {
            var values = table.Columns[index];
            string name = table.Names[index];
            if (numbers is null)
            {
                var categories = rows.Select(i => IsMissing(i) ? null : values[i]).ToArray();
                // Counted before any one-hot encoding, which would make one dense column per level.
                int levels = categories.Where(c => c is not null).Distinct(StringComparer.Ordinal).Count();
                if (levels > maxLevels)
                    throw DatasetLimits.TooManyLevels(table.Source, name, levels, maxLevels, "; declare it 'kind: numeric', leave it out of 'features' or raise 'maxLevels'");
                return FeatureColumn.Categorical(name, categories);
            }
            var x = new double[rows.Count];
            for (int r = 0; r < x.Length; r++)
            {
                int i = rows[r];
                if (notANumber![i]) throw new UserInputException($"{table.Source}, line {table.Lines[i]}, column '{name}': '{values[i]}' is not a number");
                x[r] = numbers[i];
            }
            return FeatureColumn.Numeric(name, x);
        }
    }
}
