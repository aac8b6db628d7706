using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using FairCollective.Cli.Commands;
using FairCollective.Cli.Output;
using FairCollective.Common;

namespace FairCollective.Cli;

/// <summary>Builds the command tree and turns user mistakes into one-line errors with a non-zero exit code.</summary>
public static class CliApp
{
    /// <summary>Exit code of a mistake in the input: command line, spec, data file or store (one line on stderr, no
    /// stack trace).</summary>
    public const int ExitUserError = 2;

    /// <summary>A defect in FairCollective itself (sysexits' EX_SOFTWARE), never a user mistake.</summary>
    public const int ExitInternalError = 70;

    /// <summary>Set to 1 to see the stack trace of an internal error.</summary>
    public const string TraceVariable = "FAIRCOLLECTIVE_TRACE";

    /// <summary>
    /// <c>--width N</c>, on every command: how wide the console's tables may be (default: the terminal's width, else
    /// <c>COLUMNS</c>, else <see cref="ConsoleWidth.Default"/>); a wider table is printed in column parts.
    /// </summary>
    public static readonly Option<int?> Width = new("--width")
    {
        Description = $"Console width for tables, {ConsoleWidth.Minimum} to {ConsoleWidth.Maximum} characters " +
            $"(default: the terminal's, else ${ConsoleWidth.Variable}, else {ConsoleWidth.Default}); wider tables " +
            "are printed in column parts.",
        Recursive = true,
        CustomParser = ParseWidth,
    };

    private static int? ParseWidth(ArgumentResult result)
    {
        string text = result.Tokens.Count == 0 ? "" : result.Tokens[0].Value;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int width)
            && width is >= ConsoleWidth.Minimum and <= ConsoleWidth.Maximum) return width;
        result.AddError($"--width must be a whole number from {ConsoleWidth.Minimum} to {ConsoleWidth.Maximum}; got " +
            $"'{text}'");
        return null;
    }

    /// <summary>The root command with every subcommand: datasets, run, reproduce, results, report, metrics,
    /// docs.</summary>
    public static RootCommand BuildRoot()
    {
        var root = new RootCommand("FairCollective: user-side fairness through minority collective action (Ben-Dov " +
            "et al., arXiv 2508.15374). "
            + "Documentation: docs/ beside the installed tool; 'faircollective docs' lists it.");
        root.Add(DatasetsCommand.Create());
        root.Add(RunCommand.Create());
        root.Add(ReproduceCommand.Create());
        root.Add(ResultsCommand.Create());
        root.Add(ReportCommand.Create());
        root.Add(MetricsCommand.Create());
        root.Add(ScoresCommand.Create());
        root.Add(PlanCommand.Create());
        root.Add(DocsCommand.Create());
        root.Add(Width);
        OptionValues.ExplainTypes(root);
        return root;
    }

    /// <summary>Parses and runs <paramref name="args"/>, returning the exit code: 0 on success,
    /// <see cref="ExitUserError"/> for user mistakes and I/O failures, <see cref="ExitInternalError"/> for
    /// defects.</summary>
    /// <param name="args">The command line without the program name.</param>
    /// <param name="stdout">Where tables, help and progress go.</param>
    /// <param name="stderr">Where the one-line errors go.</param>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        try
        {
            var parse = BuildRoot().Parse(args);
            // A mistyped command line is a user mistake like any other: one line and exit code 2, not the usage page.
            if (parse.Errors.Count > 0 && !args.Any(a => a is "-h" or "--help" or "-?"))
            {
                var message = string.Join(' ', parse.Errors[0].Message.Split('\n',
                    StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
                stderr.WriteLine($"error: {message} (see --help)");
                return ExitUserError;
            }
            ConsoleWidth.Set(parse.GetValue(Width), stdout);
            return parse.Invoke(new InvocationConfiguration
            {
                Output = stdout, Error = stderr,
                EnableDefaultExceptionHandler = false
            });
        }
        catch (UserInputException e)
        {
            stderr.WriteLine($"error: {e.Message}");
            return ExitUserError;
        }
        catch (AggregateException e) when (e.Flatten().InnerExceptions.All(x => x is UserInputException))
        {
            // Parallel workers can hit the same user mistake at once: report it once.
            stderr.WriteLine($"error: {e.Flatten().InnerExceptions[0].Message}");
            return ExitUserError;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Writers name their path themselves; this catches any I/O failure that slipped past them.
            stderr.WriteLine($"error: {e.Message.Split('\n')[0]}");
            return ExitUserError;
        }
        catch (Exception e) when (Environment.GetEnvironmentVariable(TraceVariable) != "1")
        {
            stderr.WriteLine($"internal error: {e.GetType().Name}: {e.Message.Split('\n')[0]} (a defect in " +
                $"FairCollective; set {TraceVariable}=1 for the stack trace and report it)");
            return ExitInternalError;
        }
    }
}
