using System.Globalization;
using FairCollective.Common;
using FairCollective.Data.Csv;

namespace FairCollective.Data.Sources;

/// <summary>
/// Loads a user's CSV / gzip CSV described by a <see cref="DatasetSpec"/>. The file is read once into
/// per-column string arrays (kinds may need inferring before any value is converted), derived columns are
/// computed, then the spec is applied: missing policy, label mapping, sensitive groups, feature kinds. Every
/// rejection names file, line and column (or the spec and the key).
/// </summary>
public static class CsvDatasetLoader
{
    /// <summary>
    /// Loads with <paramref name="spec"/>; a relative spec path resolves against <paramref name="specSource"/>'s
    /// directory. The dataset carries its <see cref="Dataset.Identity"/>.
    /// </summary>
    /// <param name="spec">How to read the file.</param>
    /// <param name="specSource">Where the spec came from (messages name it; a relative path resolves beside
    /// it).</param>
    /// <param name="dataPath">The data file, overriding the spec's <c>path</c>.</param>
    /// <param name="partialFile">The file holds one part of a population
    /// (<see cref="LoadOptions.PartialFile"/>).</param>
    public static Dataset Load(DatasetSpec spec, string specSource, string? dataPath = null, bool partialFile = false)
    {
        string path = dataPath ?? ResolvePath(spec, specSource);
        var layout = ColumnLayout.Create(spec, specSource) with { PartialFile = partialFile };
        var table = layout.Derive(Table.Read(path, spec, layout), spec);
        var dataset = layout.Build(table, path, spec);
        // Name and path are the identity's name and content hash; the rest decides how the bytes become rows.
        var settings = spec with { Name = null, Path = null, Separator = layout.SeparatorName };
        return dataset.Identify(DatasetIdentity.OfFiles(dataset.Name, [path], "dataset spec", settings));
    }

    private static string ResolvePath(DatasetSpec spec, string specSource)
    {
        if (string.IsNullOrWhiteSpace(spec.Path)) throw new
            UserInputException($"{specSource}: the spec has no 'path' and no data file was given");
        if (System.IO.Path.IsPathRooted(spec.Path)) return spec.Path;
        string dir = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(specSource)) ?? ".";
        return System.IO.Path.Combine(dir, spec.Path);
    }

    /// <summary>The raw file: one string array per column (null: a missing derived value), plus each row's line
    /// number.</summary>
    private sealed record Table(string Source, IReadOnlyList<string> Names, List<string?>[] Columns, List<int> Lines)
    {
        public int RowCount => Lines.Count;

        public static Table Read(string path, DatasetSpec spec, ColumnLayout layout)
        {
            var options = new CsvReadOptions
            {
                Separator = layout.Separator, Whitespace = layout.Whitespace,
                HasHeader = spec.Header, Trim = spec.Trim
            };
            using var reader = CsvRowReader.Open(path, options);
            if (spec.Header) layout.CheckColumnCount(reader.FieldCount, path, header: true);
            List<string?>[]? columns = null;
            // One pool of distinct strings per column (a file of 40,000 rows holds few distinct values), looked up by
            // span.
            Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>>[] pools = [];
            var lines = new List<int>();
            while (reader.MoveNext())
            {
                if (columns is null)
                {
                    if (!spec.Header) layout.CheckColumnCount(reader.FieldCount, path, header: false,
                        reader.LineNumber);
                    columns = Enumerable.Range(0, reader.FieldCount).Select(_ => new List<string?>()).ToArray();
                    pools = columns.Select(_ => new Dictionary<string,
                        string>(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>()).ToArray();
                }
                for (int j = 0; j < columns.Length; j++)
                {
                    var span = reader.Span(j);
                    if (!pools[j].TryGetValue(span, out var s)) pools[j].Dictionary[s = span.ToString()] = s;
                    columns[j].Add(s);
                }
                lines.Add(reader.LineNumber);
            }
            var names = spec.Columns is { } given ? given
                : spec.Header ? reader.Header
                : Enumerable.Range(1, reader.FieldCount).Select(i
                    => i.ToString(CultureInfo.InvariantCulture)).ToArray();
            // A blank header (R's write.csv writes its row names so) would become a feature named "": refused unless
            // 'features' lists the features, which leaves it out. Refused, not warned: a row number as a feature
            // changes every result, and naming or leaving it out is one line of the spec.
            int blank = spec.Features is null ? Enumerable.Range(0, names.Count).FirstOrDefault(j
                => string.IsNullOrWhiteSpace(names[j]), -1) : -1;
            if (blank >= 0)
                throw new UserInputException(string.Create(CultureInfo.InvariantCulture,
                    $"{path}: column {blank + 1} has an empty header (R's write.csv writes row names so); name it " +
                        $"with 'columns' in the dataset spec (then leave it out of 'features' or make it the 'id'), " +
                        $"or list the features under 'features' to leave it out"));
            return new Table(path, names, columns ?? names.Select(_ => new List<string?>()).ToArray(), lines);
        }

        /// <summary>This table with one more column.</summary>
        public Table With(string name, List<string?> values) => this with
        {
            Names = [.. Names, name],
            Columns = [.. Columns, values]
        };

        public int Column(string name, string role, string specSource)
        {
            int j = TryColumn(name);
            if (j >= 0) return j;
            throw new UserInputException($"{specSource}: unknown column '{name}' in {role} ({Source} has columns: " +
                $"{string.Join(", ", Names)})");
        }

        public int TryColumn(string name)
        {
            for (int j = 0; j < Names.Count; j++)
                if (Names[j] == name) return j;
            return -1;
        }
    }

    /// <summary>The checked spec, independent of the data.</summary>
    private sealed record ColumnLayout(string SpecSource, char Separator, bool Whitespace, LabelSpec Label,
        SensitiveSpec Sensitive, HashSet<string> MissingValues, string Policy,
        IReadOnlyList<string>? ColumnNames, IReadOnlyList<DerivedColumn> Derived)
    {
        /// <summary>The file holds one part of a population (<see cref="LoadOptions.PartialFile"/>).</summary>
        public bool PartialFile { get; init; }

        /// <summary>The separator as the identity records it: the character, or "whitespace".</summary>
        public string SeparatorName => Whitespace ? DatasetSpec.WhitespaceSeparator : Separator.ToString();

        public static ColumnLayout Create(DatasetSpec spec, string specSource)
        {
            // A dataset's name becomes a folder name (--export-randomness), so it must be a file name.
            if (spec.Name is { } name) FileNameRule.Check(name, $"{specSource}: name");
            bool whitespace = spec.Separator == DatasetSpec.WhitespaceSeparator;
            string sep = whitespace ? " " : spec.Separator == "tab" ? "\t" : spec.Separator;
            if (sep.Length != 1) throw new UserInputException($"{specSource}: separator '{spec.Separator}' must be " +
                $"one character, \"tab\" or \"{DatasetSpec.WhitespaceSeparator}\"");
            if (spec.Columns is { } names)
            {
                if (names.Count == 0) throw new UserInputException($"{specSource}: columns lists no names");
                if (names.FirstOrDefault(string.IsNullOrWhiteSpace) is not null) throw new
                    UserInputException($"{specSource}: columns has an empty name");
                if (names.GroupBy(n => n, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
                    throw new UserInputException($"{specSource}: columns names '{twice.Key}' twice");
            }
            var label = spec.Label ?? throw new UserInputException($"{specSource}: the spec has no 'label' section");
            if (string.IsNullOrEmpty(label.Column)) throw new
                UserInputException($"{specSource}: label.column is not given");
            if (label.Favourable.Count == 0) throw new
                UserInputException($"{specSource}: label.favourable lists no values");
            if (label.Unfavourable is { } unf && unf.FirstOrDefault(u => DeclaredValues.Contains(label.Favourable,
                u)) is { } both)
                throw new UserInputException($"{specSource}: label value '{both}' is both favourable and unfavourable");
            var sensitive = spec.Sensitive
                ?? throw new UserInputException($"{specSource}: the spec has no 'sensitive' section");
            if (sensitive.Columns.Count == 0) throw new
                UserInputException($"{specSource}: sensitive.columns lists no columns");
            if (sensitive.Minority.Count == 0) throw new
                UserInputException($"{specSource}: sensitive.minority lists no groups");
            if (sensitive.Groups is { } declared && sensitive.Minority.FirstOrDefault(m => !declared.Any(g
                => DeclaredValues.SameGroup(g, m, sensitive.Columns.Count))) is { } stray)
                throw new UserInputException($"{specSource}: minority '{stray}' is not among sensitive.groups " +
                    $"({string.Join(", ", declared)})");
            if (spec.Missing.Policy is not (MissingSpec.DropRow or MissingSpec.Error or MissingSpec.Keep))
                throw new UserInputException($"{specSource}: missing.policy '{spec.Missing.Policy}' is not " +
                    $"{MissingSpec.DropRow}, {MissingSpec.Error} or {MissingSpec.Keep}");
            if (spec.MaxLevels is < 1) throw new
                UserInputException($"{specSource}: max_levels must be at least 1; got {spec.MaxLevels}");
            foreach (var f in spec.Features ?? [])
            {
                if (string.IsNullOrEmpty(f.Name)) throw new UserInputException($"{specSource}: a feature has no name");
                if (f.Kind is not (null or "numeric" or "categorical"))
                    throw new UserInputException($"{specSource}: feature '{f.Name}' has kind '{f.Kind}'; expected " +
                        "numeric or categorical");
                if (f.MaxLevels is < 1) throw new UserInputException($"{specSource}: feature '{f.Name}' has " +
                    $"max_levels {f.MaxLevels}; it must be at least 1");
            }
            var derived = (spec.Derived ?? []).Select(d => DerivedColumn.Parse(d, specSource)).ToArray();
            if (derived.GroupBy(d => d.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } again)
                throw new UserInputException($"{specSource}: derived column '{again.Key}' is defined twice");
            return new ColumnLayout(specSource, sep[0], whitespace, label, sensitive,
                new HashSet<string>(spec.Missing.Values, StringComparer.Ordinal), spec.Missing.Policy,
                spec.Columns, derived);
        }

        /// <summary>The file's columns (its header's, or the fields of its first row, line <paramref name="line"/>)
        /// must be as many as <c>columns</c> names.</summary>
        public void CheckColumnCount(int fields, string path, bool header, int line = 0)
        {
            if (ColumnNames is { } names && names.Count != fields)
                throw new
                    UserInputException($"{SpecSource}: columns names {names.Count} columns but {path} has {fields} " +
                    (header ? "in its header" : $"fields per row (line {line})"));
        }

        /// <summary>
        /// <paramref name="t"/> with the derived columns appended, in order. An input column is a number when the
        /// spec declares it numeric, or, undeclared, when each of its values that is not a missing token is a
        /// number; otherwise text. A row with any input missing (or a non-finite number) gets a missing value.
        /// </summary>
        public Table Derive(Table t, DatasetSpec spec)
        {
            foreach (var d in Derived)
            {
                if (t.TryColumn(d.Name) >= 0)
                    throw new UserInputException($"{SpecSource}: derived column '{d.Name}' has the name of a column " +
                        $"of {t.Source}; give it another name");
                var inputs = d.Inputs.Select(name => t.TryColumn(name) is int j and >= 0 ? j
                    : throw new UserInputException($"{SpecSource}: derived column '{d.Name}': expression " +
                        $"\"{d.Text}\" names unknown column '{name}' (columns: {string.Join(", ", t.Names)})"))
                        .ToArray();
                var numbers = inputs.Select(j => NumbersOf(t, j, spec)).ToArray();
                var table = t;
                d.UseColumns(name => NumbersOf(table, table.Column(name, $"derived column '{d.Name}'", SpecSource),
                    spec));
                var values = new List<string?>(t.RowCount);
                var args = new object?[inputs.Length];
                int inputMissing = 0, noValue = 0;
                for (int i = 0; i < t.RowCount; i++)
                {
                    for (int k = 0; k < inputs.Length; k++)
                    {
                        args[k] = IsMissing(t, inputs[k], i) ? null
                            : numbers[k] is { } x ? (double.IsFinite(x[i]) ? x[i] : null)
                            : t.Columns[inputs[k]][i];
                    }
                    try
                    {
                        var value = d.Evaluate(args);
                        values.Add(value);
                        if (args.Contains(null)) inputMissing++;
                        else if (value is null) noValue++;
                    }
                    catch (Exception e) when (DerivedColumn.IsEvaluationError(e))
                    {
                        string shown = d.Inputs.Count == 0 ? "" :
                            $" ({string.Join(", ", d.Inputs.Select((name, k) => $"{name} = {Shown(args[k])}"))})";
                        throw new UserInputException($"{SpecSource}: derived column '{d.Name}': {t.Source}, line " +
                            $"{t.Lines[i]}{shown}: {DerivedColumn.Innermost(e)}", e);
                    }
                }
                // A column missing on every row would drop every row under drop-row (and be no feature under keep).
                if (t.RowCount > 0 && inputMissing + noValue == t.RowCount)
                    throw new UserInputException(string.Create(CultureInfo.InvariantCulture,
                        $"{SpecSource}: derived column '{d.Name}': expression \"{d.Text}\" has no value on any of " +
                            $"the {t.RowCount:N0} rows of {t.Source} (NaN or infinite on {noValue:N0}, an input " +
                            $"missing on {inputMissing:N0}); a NaN or infinite result is missing, and a column " +
                            $"missing on every row would leave no row"));
                t = t.With(d.Name, values);
            }
            return t;
        }

        private static string Shown(object? value) => value switch
        {
            double x => x.ToString("R", CultureInfo.InvariantCulture),
            string s => $"'{s}'",
            _ => "missing",
        };

        /// <summary>The column as numbers (NaN where missing or non-finite) when it is numeric for expressions, else
        /// null.</summary>
        private double[]? NumbersOf(Table t, int column, DatasetSpec spec)
        {
            string? kind = spec.Features?.FirstOrDefault(f => f.Name == t.Names[column])?.Kind;
            if (kind == "categorical") return null;
            var x = new double[t.RowCount];
            for (int i = 0; i < x.Length; i++)
            {
                if (IsMissing(t, column, i)) x[i] = double.NaN;
                else if (!CsvRowReader.TryParseNumber(t.Columns[column][i], out x[i]))
                {
                    if (kind != "numeric") return null;
                    throw new UserInputException($"{t.Source}, line {t.Lines[i]}, column '{t.Names[column]}': " +
                        $"'{t.Columns[column][i]}' is not a number");
                }
            }
            return x;
        }

        public Dataset Build(Table t, string path, DatasetSpec spec)
        {
            int label = t.Column(Label.Column!, "label.column", SpecSource);
            int[] sens = Sensitive.Columns.Select(c => t.Column(c, "sensitive.columns", SpecSource)).ToArray();
            int id = spec.Id is null ? -1 : t.Column(spec.Id, "id", SpecSource);
            int[] required = [label, .. sens, .. (id >= 0 ? new[] { id } : [])];

            // Kinds come first, inferred from the rows whose label, sensitive and id are present: a numeric
            // column's NaN or infinity counts as missing, so the missing policy below needs to know the kind.
            var candidates = Enumerable.Range(0, t.RowCount).Where(i => !required.Any(j => IsMissing(t, j,
                i))).ToArray();
            var features = (spec.Features ?? DefaultFeatures(t, label, sens, id))
                .Select(f => Cells.Read(t, t.Column(f.Name!, "features", SpecSource), f, candidates, this))
                .ToArray();

            // Rows kept: required columns (label, sensitive, id) must be present; features per policy. A dropped row
            // is counted under every column missing on it (once each, though a column may be both required and a
            // feature).
            var rows = new List<int>();
            var drops = new int[t.Names.Count];
            var countedOnRow = Enumerable.Repeat(-1, t.Names.Count).ToArray();
            var droppedRows = new List<DroppedRow>();
            var missingOnRow = new List<int>();
            void Drop(int column, int row)
            {
                if (countedOnRow[column] == row) return;
                countedOnRow[column] = row;
                drops[column]++;
                missingOnRow.Add(column);
            }
            for (int i = 0; i < t.RowCount; i++)
            {
                bool dropped = false;
                missingOnRow.Clear();
                foreach (int j in required)
                {
                    if (!IsMissing(t, j, i)) continue;
                    if (Policy != MissingSpec.DropRow) throw MissingError(t, j, i, required: true);
                    Drop(j, i);
                    dropped = true;
                }
                foreach (var f in features)
                {
                    if (!f.IsMissing(i) || Policy == MissingSpec.Keep) continue;
                    if (Policy != MissingSpec.DropRow) throw MissingError(t, f.Index, i, required: false);
                    Drop(f.Index, i);
                    dropped = true;
                }
                if (!dropped) rows.Add(i);
                else droppedRows.Add(new DroppedRow(t.Lines[i],
                    id < 0 ? i.ToString(CultureInfo.InvariantCulture) : t.Columns[id][i] ?? "",
                    missingOnRow.Order().Select(j => t.Names[j]).ToArray()));
            }
            var account = new RowAccount(t.RowCount, t.RowCount - rows.Count, Enumerable.Range(0, t.Names.Count).Where(j
                => drops[j] > 0)
                .OrderByDescending(j => drops[j]).ThenBy(j => j).Select(j => new ColumnDrops(t.Names[j],
                    drops[j])).ToArray())
            { Rows = droppedRows };
            if (rows.Count == 0 && t.RowCount > 0)
                throw new UserInputException($"{t.Source}: no row is left: {account.Describe()}; check " +
                    "missing.values and the columns used, or keep rows with missing feature values with " +
                    "missing.policy: keep");

            var columns = features.Select(f => f.Build(rows, MaxLevels(spec, f.Spec))).ToArray();
            var labels = new int[rows.Count];
            var groups = new string[rows.Count];
            var ids = new string[rows.Count];
            for (int r = 0; r < rows.Count; r++)
                groups[r] = string.Join(SensitiveAttribute.IntersectionSeparator, sens.Select(j
                    => t.Columns[j][rows[r]]));
            var labelOf = LabelValues(t, label, rows);
            var minority = MinorityGroups(t, groups, sens, rows);
            var seenIds = new HashSet<string>(StringComparer.Ordinal);
            for (int r = 0; r < rows.Count; r++)
            {
                int i = rows[r];
                labels[r] = labelOf[t.Columns[label][i]!];
                ids[r] = id < 0 ? i.ToString(CultureInfo.InvariantCulture) : t.Columns[id][i]!;
                if (!seenIds.Add(ids[r]))
                    throw new UserInputException($"{t.Source}, line {t.Lines[i]}, column '{spec.Id}': id '{ids[r]}' " +
                        "appears twice");
            }
            string name = DatasetName(spec, path);
            var dataset = new Dataset(name, columns, labels,
                new SensitiveAttribute(string.Join(SensitiveAttribute.IntersectionSeparator, Sensitive.Columns), groups,
                minority),
                ids, description: $"{System.IO.Path.GetFileName(path)} per {System.IO.Path.GetFileName(SpecSource)}",
                    rowAccount: account);
            return DatasetChecks.Validate(dataset, t.Source, PartialFile);
        }

        /// <summary>
        /// The spec's <c>name</c>, else the data file's name up to its first dot (the whole file name when that is
        /// empty, as for <c>.hidden.csv</c>). The spec's name was checked as a file name in <see cref="Create"/>.
        /// </summary>
        private static string DatasetName(DatasetSpec spec, string path)
        {
            if (spec.Name is { } given) return given;
            string file = System.IO.Path.GetFileName(path);
            return file.Split('.')[0] is { Length: > 0 } stem ? stem : file;
        }

        private static int MaxLevels(DatasetSpec spec, FeatureSpec feature) => feature.MaxLevels ?? spec.MaxLevels
            ?? DatasetLimits.MaxCategoricalLevels;

        private IEnumerable<FeatureSpec> DefaultFeatures(Table t, int label, int[] sens, int id)
        {
            // A derived label's inputs would give the label away; a sensitive attribute that is no feature should
            // not come back through the columns it is computed from.
            var hidden = InputsOf(t.Names[label]);
            if (!Sensitive.AsFeature) hidden.UnionWith(sens.SelectMany(j => InputsOf(t.Names[j])));
            return Enumerable.Range(0, t.Names.Count)
                .Where(j => j != label && j != id && (Sensitive.AsFeature || !sens.Contains(j))
                    && !hidden.Contains(t.Names[j]))
                .Select(j => new FeatureSpec { Name = t.Names[j] });
        }

        /// <summary>The columns a derived column is computed from, directly or through other derived columns; empty for
        /// a file column.</summary>
        private HashSet<string> InputsOf(string column)
        {
            var found = new HashSet<string>(StringComparer.Ordinal);
            var pending = new Stack<string>([column]);
            while (pending.TryPop(out var name))
                foreach (var input in Derived.FirstOrDefault(d => d.Name == name)?.Inputs ?? [])
                    if (found.Add(input)) pending.Push(input);
            return found;
        }

        /// <summary>Whether the field is one of the spec's missing tokens, or a missing derived value.</summary>
        public bool IsMissing(Table t, int column, int row) => t.Columns[column][row] is not { } v
            || MissingValues.Contains(v);

        /// <summary>Counts of each distinct value of <paramref name="values"/>, in first-seen order.</summary>
        private static Dictionary<string, int> Counts(IEnumerable<string> values)
        {
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var v in values) counts[v] = counts.GetValueOrDefault(v) + 1;
            return counts;
        }

        /// <summary>
        /// y of each distinct label value on the kept rows: 1 for a favourable one, 0 for an unfavourable one (or
        /// any other when none are declared). A value outside both, and a declared value matching none, are errors.
        /// </summary>
        private Dictionary<string, int> LabelValues(Table t, int column, List<int> rows)
        {
            var counts = Counts(rows.Select(i => t.Columns[column][i]!));
            var y = counts.Keys.ToDictionary(v => v, v =>
                DeclaredValues.Contains(Label.Favourable, v) ? 1
                : Label.Unfavourable is null || DeclaredValues.Contains(Label.Unfavourable, v) ? 0
                : -1, StringComparer.Ordinal);
            foreach (int i in rows)
                if (y[t.Columns[column][i]!] < 0)
                    throw new UserInputException($"{t.Source}, line {t.Lines[i]}, column '{t.Names[column]}': label " +
                        $"'{t.Columns[column][i]}' is neither favourable ({string.Join(", ", Label.Favourable)}) nor " +
                        $"unfavourable ({string.Join(", ", Label.Unfavourable ?? [])})");
            // A partial file (a collective's members, a majority sample) may hold one label only: its user says so in
            // its own words.
            foreach (var (key, declared) in PartialFile ? [] : new[] { ("favourable", Label.Favourable),
                ("unfavourable", Label.Unfavourable ?? []) })
                foreach (var v in declared)
                    if (!counts.Keys.Any(seen => DeclaredValues.Same(v, seen)))
                        throw new UserInputException($"{SpecSource}: label.{key} value '{v}' matches no row of " +
                            $"column '{t.Names[column]}' (values seen: {DeclaredValues.Seen(counts)})");
            return y;
        }

        /// <summary>
        /// The observed group labels the declared minority matches. Each declared minority and group must match an
        /// observed group, and with declared groups every observed group must be one of them.
        /// </summary>
        private List<string> MinorityGroups(Table t, string[] groups, int[] sens, List<int> rows)
        {
            var counts = Counts(groups);
            string of = sens.Length == 1 ? $"column '{t.Names[sens[0]]}'" :
                $"columns {string.Join(", ", sens.Select(j => $"'{t.Names[j]}'"))}";
            bool Matches(string declared, string seen) => DeclaredValues.SameGroup(declared, seen, sens.Length);
            if (Sensitive.Groups is { } all)
            {
                var undeclared = counts.Keys.Where(seen => !all.Any(g => Matches(g,
                    seen))).ToHashSet(StringComparer.Ordinal);
                for (int r = 0; r < groups.Length && undeclared.Count > 0; r++)
                    if (undeclared.Contains(groups[r]))
                        throw new UserInputException($"{t.Source}, line {t.Lines[rows[r]]}: sensitive group " +
                            $"'{groups[r]}' is not among the declared groups ({string.Join(", ", all)})");
            }
            // A partial file (one group of a population) need not hold every declared group.
            foreach (var (key, declared) in PartialFile ? [] : new[] { ("minority", Sensitive.Minority), ("groups",
                Sensitive.Groups ?? []) })
                foreach (var v in declared)
                    if (!counts.Keys.Any(seen => Matches(v, seen)))
                        throw new UserInputException($"{SpecSource}: sensitive.{key} value '{v}' matches no row of " +
                            $"{of} (values seen: {DeclaredValues.Seen(counts)})");
            return counts.Keys.Where(seen => Sensitive.Minority.Any(m => Matches(m, seen))).ToList();
        }

        private UserInputException MissingError(Table t, int column, int row, bool required)
        {
            string where = $"{t.Source}, line {t.Lines[row]}, column '{t.Names[column]}'";
            if (t.Columns[column][row] is not { } value)
            {
                // A derived value is missing because an input is, or because the expression gave NaN or an infinity.
                bool inputMissing = Derived.First(d => d.Name == t.Names[column]).Inputs.Any(input => IsMissing(t,
                    t.TryColumn(input), row));
                string why = inputMissing ? "an input of the derived column is missing" :
                    "the expression's result is NaN or infinite";
                return new($"{where}: missing value ({why})" + (required
                    ? " in a label, sensitive or id column"
                    : $" (missing.policy is {MissingSpec.Error})"));
            }
            if (required) return new($"{where}: missing value '{value}' in a label, sensitive or id column");
            return MissingValues.Contains(value)
                ? new($"{where}: missing value '{value}' (missing.policy is {MissingSpec.Error})")
                : new($"{where}: '{value}' is not a finite number, so it counts as missing (missing.policy is " +
                    $"{MissingSpec.Error})");
        }
    }

    /// <summary>
    /// One feature column of the file with its kind settled. A numeric column's cells are parsed once, for every
    /// row of the file: NaN for a missing token or a non-finite number (NaN, Infinity, inf, 1e999), which the
    /// missing policy then treats alike; a cell that is no number at all is an error if its row is kept.
    /// </summary>
    private sealed class Cells(Table table, ColumnLayout layout, int index, FeatureSpec spec, double[]? numbers,
        bool[]? notANumber)
    {
        public int Index => index;
        public FeatureSpec Spec => spec;

        /// <summary>
        /// Reads column <paramref name="index"/> with the kind <paramref name="spec"/> declares or, when it declares
        /// none, numeric if every non-missing value on <paramref name="candidates"/> is a number (NaN and infinity
        /// tokens included) and at least one is finite; categorical otherwise.
        /// </summary>
        public static Cells Read(Table t, int index, FeatureSpec spec, int[] candidates, ColumnLayout layout)
        {
            var values = t.Columns[index];
            if (spec.Kind == "categorical") return new Cells(t, layout, index, spec, null, null);
            var numbers = new double[t.RowCount];
            var notANumber = new bool[t.RowCount];
            for (int i = 0; i < numbers.Length; i++)
            {
                if (layout.IsMissing(t, index, i)) numbers[i] = double.NaN;
                else if (!CsvRowReader.TryParseNumber(values[i], out numbers[i])) (numbers[i],
                    notANumber[i]) = (double.NaN, true);
                else if (!double.IsFinite(numbers[i])) numbers[i] = double.NaN;
            }
            bool numeric = spec.Kind == "numeric"
                || (candidates.All(i => !notANumber[i]) && candidates.Any(i => !double.IsNaN(numbers[i])));
            return numeric ? new Cells(t, layout, index, spec, numbers, notANumber) : new Cells(t, layout, index, spec,
                null, null);
        }

        /// <summary>Whether row <paramref name="row"/> is missing here: a missing token, or a non-finite number in a
        /// numeric column.</summary>
        public bool IsMissing(int row) => numbers is null
            ? layout.IsMissing(table, index, row)
            : double.IsNaN(numbers[row]) && !notANumber![row];

        /// <summary>The column over <paramref name="rows"/>; a categorical one with more than
        /// <paramref name="maxLevels"/> levels is an error.</summary>
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
                    throw DatasetLimits.TooManyLevels(table.Source, name, levels, maxLevels,
                        "; declare it 'kind: numeric', leave it out of 'features' or raise 'max_levels'");
                return FeatureColumn.Categorical(name, categories);
            }
            var x = new double[rows.Count];
            for (int r = 0; r < x.Length; r++)
            {
                int i = rows[r];
                if (notANumber![i]) throw new UserInputException($"{table.Source}, line {table.Lines[i]}, column " +
                    $"'{name}': '{values[i]}' is not a number");
                x[r] = numbers[i];
            }
            return FeatureColumn.Numeric(name, x);
        }
    }
}
