using FairCollective.Cli.Commands;

namespace FairCollective.Tests.Cli;

/// <summary>`docs` finds the documentation the help text names: beside the installed tool, or above a checkout's
/// bin/.</summary>
[Trait(TestKind.Name, TestKind.Integration)]
public sealed class DocsCommandTests
{
    [Fact]
    public void From_a_checkout_it_lists_the_repository_docs_and_the_data_notes()
    {
        var (exit, output, error) = CliSandbox.Run("docs");
        Assert.Equal(0, exit);
        Assert.Equal("", error);
        var docs = DocsCommand.Locate(AppContext.BaseDirectory)!;
        Assert.Contains($"Documentation: {docs}", output);
        // Every page of the repository's docs/ is listed with what it covers (a new page needs its line).
        foreach (var page in Directory.EnumerateFiles(docs, "*.md").Select(Path.GetFileName))
        {
            Assert.Contains(page!, DocsCommand.Described);
            Assert.Matches($@"\n  {System.Text.RegularExpressions.Regex.Escape(page!)} +\S", output);
        }
        Assert.Contains("experiments/", output);
        Assert.Contains(Path.Combine(Path.GetDirectoryName(docs)!, "data", "SOURCE.md"), output);
    }

    [Fact]
    public void An_installed_layout_finds_docs_beside_the_executable_and_names_unknown_pages_plainly()
    {
        using var sandbox = new CliSandbox();
        sandbox.Write("tool/docs/experiment-spec.md", "# spec");
        sandbox.Write("tool/docs/zz-new-page.md", "# new");
        sandbox.Write("tool/data/SOURCE.md", "# data");
        var output = new StringWriter();
        DocsCommand.Print(output, sandbox.PathOf("tool"));
        var lines = output.ToString().Split('\n',
            StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(
            [
                $"Documentation: {sandbox.PathOf("tool/docs")}",
                "experiment-spec.md   experiment specs for `run`; checks made before the first cell",
                "zz-new-page.md",
                $"Bundled data (origin, checksums, licences): {sandbox.PathOf("tool/data/SOURCE.md")}",
            ],
            lines);
    }

    [Fact]
    public void Without_docs_anywhere_above_it_says_where_they_are()
    {
        using var sandbox = new CliSandbox();
        var output = new StringWriter();
        DocsCommand.Print(output, sandbox.Dir);
        Assert.Contains("docs/ folder of the FairCollective source repository", output.ToString());
    }

    [Fact]
    public void The_help_texts_point_to_the_docs_command()
    {
        Assert.Contains("'faircollective docs' lists it", Help("--help"));
        Assert.Contains("docs/experiment-spec.md ('faircollective docs' shows where)", Help("run", "--help"));
    }

    /// <summary>A help page with its line wrapping undone (it depends on the terminal's width).</summary>
    private static string Help(params string[] args) =>
        string.Join(' ', CliSandbox.Run(args).Out.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
