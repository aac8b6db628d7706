namespace FairCollective.Cli;

/// <summary>The <c>faircollective</c> executable.</summary>
public static class Program
{
    /// <summary>Runs the command line on the console and returns its exit code (see
    /// <see cref="CliApp.Run"/>).</summary>
    public static int Main(string[] args) => CliApp.Run(args, Console.Out, Console.Error);
}
