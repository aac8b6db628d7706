namespace FairCollective.Cli.Output;

/// <summary>
/// How wide the console's tables may be: <c>--width</c> when given; else the terminal's width when standard output is
/// one; else the <c>COLUMNS</c> environment variable; else <see cref="Default"/> (a file or a pipe has no width of its
/// own). Set once per command line by <see cref="CliApp"/>; held per call (not per process), so commands run side by
/// side in one process (the tests) keep their own.
/// </summary>
public static class ConsoleWidth
{
    /// <summary>Width of redirected output when nothing says otherwise.</summary>
    public const int Default = 160;

    /// <summary>The narrowest width accepted: below it no table is readable.</summary>
    public const int Minimum = 40;

    /// <summary>The widest width accepted (a table wider than this is printed in column parts).</summary>
    public const int Maximum = 100_000;

    /// <summary>The name of the environment variable read when standard output is not a terminal.</summary>
    public const string Variable = "COLUMNS";

    private static readonly AsyncLocal<int?> Chosen = new();

    /// <summary>The width in effect for the current command.</summary>
    public static int Current => Chosen.Value ?? Default;

    /// <summary>Fixes the width for the current command: <paramref name="option"/> when given, else detected for
    /// <paramref name="stdout"/>.</summary>
    internal static void Set(int? option, TextWriter stdout) => Chosen.Value = option ?? Detect(stdout);

    private static int Detect(TextWriter stdout)
    {
        if (ReferenceEquals(stdout, Console.Out) && !Console.IsOutputRedirected)
        {
            try
            {
                if (Console.WindowWidth >= Minimum) return Console.WindowWidth;
            }
            catch (IOException)
            {
                // No terminal after all: fall through to the variable.
            }
        }
        return int.TryParse(Environment.GetEnvironmentVariable(Variable), out int columns)
            && columns is >= Minimum and <= Maximum ? columns : Default;
    }
}
