using System.Diagnostics;
using System.Globalization;

namespace FairCollective.Bench.Pipeline;

/// <summary>
/// `startup --cli PATH/FairCollective.Cli.dll [--dataset compas] [--repeat 9]`: the command's time to its first
/// computed cell. Each repeat starts `dotnet CLI run SPEC --no-report` on a fresh store for a one-cell spec, and takes
/// the first cell's finishing time (stored with every cell) minus the process's start time, as the operating system
/// reports it.
/// </summary>
internal static class StartupTiming
{
    public const string Name = "startup";
    private const int DefaultRepeats = 9;

    public static int Run(string[] args)
    {
        var a = new ScenarioArgs(Name, args, "--cli", "--dataset", "--repeat");
        string cli = Path.GetFullPath(a.Required("--cli"));
        if (!File.Exists(cli)) throw new Common.UserInputException($"{Name}: --cli {cli} does not exist");
        string dataset = a.Text("--dataset") ?? "compas";
        int repeats = a.Int("--repeat", DefaultRepeats);
        if (repeats < 1) throw new Common.UserInputException($"{Name}: --repeat must be at least 1; got {repeats}");
        string dir = Path.Combine(Path.GetTempPath(), $"fc-startup-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        try
        {
            string spec = Path.Combine(dir, "one.yaml");
            File.WriteAllText(spec,
                $"name: one\ndatasets: [{dataset}]\nstrategies: [RB-prob]\nalphas: [0.2]\nbudgets: {{fractions: " +
                $"[1]}}\nseeds: [0]\n");
            var first = new double[repeats];
            var whole = new double[repeats];
            for (int r = 0; r < repeats; r++)
            {
                string store = Path.Combine(dir, $"run{r}.sqlite");
                var info = new ProcessStartInfo("dotnet", [cli, "run", spec, "--no-report", "--store",
                    store])
                { RedirectStandardOutput = true, RedirectStandardError = true };
                using var process = Process.Start(info)!;
                var started = process.StartTime.ToUniversalTime();
                process.StandardOutput.ReadToEnd();
                process.StandardError.ReadToEnd();
                process.WaitForExit();
                if (process.ExitCode != 0) throw new
                    Common.UserInputException($"{Name}: the command exited with {process.ExitCode}");
                whole[r] = (process.ExitTime.ToUniversalTime() - started).TotalSeconds;
                using var connection = new
                    Microsoft.Data.Sqlite.SqliteConnection($"Data Source={store};Mode=ReadOnly;Pooling=False");
                connection.Open();
                using var query = connection.CreateCommand();
                query.CommandText = "SELECT min(finished_utc) FROM cells";
                var finished = DateTime.Parse((string)query.ExecuteScalar()!, CultureInfo.InvariantCulture,
                    DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
                first[r] = (finished - started).TotalSeconds;
            }
            Array.Sort(first);
            Array.Sort(whole);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"time to the first computed cell on {dataset}: median {first[repeats / 2]:F3} s (min {first[0]:F3}, " +
                    $"max {first[^1]:F3}) over {repeats} runs; whole one-cell run median {whole[repeats / 2]:F3} s"));
            return 0;
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
