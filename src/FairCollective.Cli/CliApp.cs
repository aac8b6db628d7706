using System.CommandLine;
using FairCollective.Cli.Commands;
using FairCollective.Common;

namespace FairCollective.Cli;

/// <summary>Builds the command tree and turns user mistakes into one-line errors with a non-zero exit code.</summary>
public static class CliApp
{
    /// <summary>Exit code of a mistake in the input: command line, spec, data file or store (one line on stderr, no stack trace).</summary>
    public const int ExitUserError = 2;

    /// <summary>A defect in FairCollective itself (sysexits' EX_SOFTWARE), never a user mistake.</summary>
    public const int ExitInternalError = 70;

    /// <summary>Set to 1 to see the stack trace of an internal error.</summary>
    public const string TraceVariable = "FAIRCOLLECTIVE_TRACE";

    /// <summary>The root command with every subcommand: datasets, run, reproduce, results, report, metrics, docs.</summary>
    public static RootCommand BuildRoot()
    {
        var root = new RootCommand("FairCollective: user-side fairness through minority collective action (Ben-Dov et al., arXiv 2508.15374). "
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
        OptionValues.ExplainTypes(root);
        return root;
    }

    /// <summary>Parses and runs <paramref name="args"/>, returning the exit code: 0 on success, <see cref="ExitUserError"/> for user mistakes and I/O failures, <see cref="ExitInternalError"/> for defects.</summary>
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
                var message = string.Join(' ', parse.Errors[0].Message.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
                stderr.WriteLine($"error: {message} (see --help)");
                return ExitUserError;
            }
            return parse.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
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
            stderr.WriteLine($"internal error: {e.GetType().Name}: {e.Message.Split('\n')[0]} (a defect in FairCollective; set {TraceVariable}=1 for the stack trace and report it)");
            return ExitInternalError;
        }
    }
}
