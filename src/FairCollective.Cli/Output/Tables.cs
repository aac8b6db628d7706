using Spectre.Console;
using Spectre.Console.Rendering;

namespace FairCollective.Cli.Output;

/// <summary>Renders tables with Spectre.Console onto the command's writer (plain ASCII borders when redirected).</summary>
public static class Tables
{
    /// <summary>Renders onto the writer without colours or ANSI codes, 160 columns wide.</summary>
    public static void Write(TextWriter writer, IRenderable renderable)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = 160;
        console.Write(renderable);
    }

    /// <summary>A table whose title and column names are shown as typed (Spectre markup in them is escaped).</summary>
    public static Table Create(string? title, params string[] columns)
    {
        var t = new Table { Border = TableBorder.Ascii2 };
        if (title is not null) t.Title = new TableTitle(Markup.Escape(title));
        foreach (var c in columns) t.AddColumn(new TableColumn(Markup.Escape(c)));
        return t;
    }

    /// <summary>
    /// A row of plain text cells. Cells hold data (dataset, group and method names), so they are <see cref="Text"/>, never
    /// parsed as markup: Spectre's own AddRow(string[]) would read "[red]" as a colour and throw on "[/]".
    /// </summary>
    public static void AddRow(this Table t, params string[] cells) => t.AddRow(cells.Select(c => (IRenderable)new Text(c)).ToArray());
}
