using FairCollective.Reporting.Tables;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace FairCollective.Cli.Output;

/// <summary>A console table: a title, an optional note, column headers and rows of plain text (data, never
/// markup).</summary>
public sealed class ConsoleTable
{
    /// <summary>A table titled <paramref name="title"/> with <paramref name="headers"/> as its columns.</summary>
    public ConsoleTable(string? title, IReadOnlyList<string> headers, string note = "")
    {
        Title = title;
        Headers = headers;
        Note = note;
    }

    /// <summary>The heading printed above the table; null for none.</summary>
    public string? Title { get; }

    /// <summary>Conventions of the numbers, printed under the title; empty for none.</summary>
    public string Note { get; }

    /// <summary>Column headers.</summary>
    public IReadOnlyList<string> Headers { get; }

    /// <summary>The rows, each as many cells as headers.</summary>
    public List<IReadOnlyList<string>> Rows { get; } = [];

    /// <summary>Adds a row of plain text cells.</summary>
    public void AddRow(params string[] cells) => Rows.Add(cells);
}

/// <summary>
/// Renders tables onto the command's writer with Spectre.Console (plain ASCII, no colours or ANSI codes) at the width
/// <see cref="ConsoleWidth.Current"/>. A table wider than that is not squeezed into wrapped cells: its columns are
/// printed in parts that fit, each part repeating the leading columns that name a row (dataset, learner, strategy, α,
/// ...), as R prints a wide data frame. Cells are always <see cref="Text"/>: data such as "[red]" is shown as typed.
/// </summary>
public static class Tables
{
    /// <summary>Headers of columns that name a row; a table's leading run of them is repeated in every part.</summary>
    private static readonly HashSet<string> NamingColumns = new(["dataset", "learner", "m", "method", "strategy", "α",
        "alpha", "budget", "setting", "group", "defence",
        "series", "point", "name", "column", "part", "metric", "knob", "experiment"], StringComparer.OrdinalIgnoreCase);

    /// <summary>A table whose title and column names are shown as typed.</summary>
    public static ConsoleTable Create(string? title, params string[] columns) => new(title, columns);

    /// <summary>A report table (<see cref="ReportTable"/>: the same rows the report shows), titled
    /// "<paramref name="prefix"/>: title".</summary>
    public static ConsoleTable Of(ReportTable table, string? prefix = null)
    {
        var t = new ConsoleTable(prefix is null ? table.Title : $"{prefix}: {table.Title}", table.Headers, table.Note);
        t.Rows.AddRange(table.Rows);
        return t;
    }

    /// <summary>Writes the title, the note and the table, in column parts where it is wider than the console.</summary>
    public static void Write(TextWriter writer, ConsoleTable table)
    {
        int width = ConsoleWidth.Current;
        if (table.Title is { } title) writer.WriteLine(title);
        if (table.Note.Length > 0)
            foreach (var line in Wrap(table.Note, width - 2)) writer.WriteLine("  " + line);
        var parts = Parts(table, width);
        for (int p = 0; p < parts.Count; p++)
        {
            if (parts.Count > 1) writer.WriteLine($"  (columns, part {p + 1} of {parts.Count})");
            var t = new Table { Border = TableBorder.Ascii2 };
            foreach (int c in parts[p]) t.AddColumn(new TableColumn(Markup.Escape(table.Headers[c])));
            foreach (var row in table.Rows) t.AddRow(parts[p].Select(c => (IRenderable)new Text(row[c])).ToArray());
            Render(writer, t, width);
        }
    }

    /// <summary>
    /// The columns of each part: all of them when the table fits in <paramref name="width"/>; else the leading naming
    /// columns (at most half the width) followed by as many of the others as fit, part after part.
    /// </summary>
    internal static IReadOnlyList<int[]> Parts(ConsoleTable table, int width)
    {
        int n = table.Headers.Count;
        var widths = Enumerable.Range(0, n).Select(c => table.Rows.Select(r
            => r[c].Length).Append(table.Headers[c].Length).Max()).ToArray();
        // Spectre's ASCII table: a border before every column and after the last, one space of padding either side.
        static int Width(IEnumerable<int> columns, int[] w) => columns.Sum(c => w[c] + 3) + 1;
        var all = Enumerable.Range(0, n).ToArray();
        if (Width(all, widths) <= width) return [all];
        var keys = all.TakeWhile(c => NamingColumns.Contains(table.Headers[c])).ToList();
        while (keys.Count > 0 && Width(keys, widths) > width / 2) keys.RemoveAt(keys.Count - 1);
        var parts = new List<int[]>();
        var current = new List<int>();
        foreach (int c in all.Skip(keys.Count))
        {
            if (current.Count > 0 && Width(keys.Concat(current).Append(c), widths) > width)
            {
                parts.Add([.. keys, .. current]);
                current.Clear();
            }
            current.Add(c);
        }
        if (current.Count > 0 || parts.Count == 0) parts.Add([.. keys, .. current]);
        return parts;
    }

    private static void Render(TextWriter writer, IRenderable renderable, int width)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = width;
        console.Write(renderable);
    }

    /// <summary>Words of <paramref name="text"/> in lines of at most <paramref name="width"/> characters (a longer word
    /// gets a line of its own).</summary>
    internal static IEnumerable<string> Wrap(string text, int width)
    {
        var line = new System.Text.StringBuilder();
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > width)
            {
                yield return line.ToString();
                line.Clear();
            }
            if (line.Length > 0) line.Append(' ');
            line.Append(word);
        }
        if (line.Length > 0) yield return line.ToString();
    }
}
