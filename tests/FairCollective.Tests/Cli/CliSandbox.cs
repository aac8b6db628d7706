using System.Text;
using FairCollective.Cli;

namespace FairCollective.Tests.Cli;

/// <summary>A temporary folder to run the CLI in (in process), with small inputs written on demand.</summary>
public sealed class CliSandbox : IDisposable
{
    public string Dir { get; } = Directory.CreateTempSubdirectory("fc-cli-").FullName;

    public string PathOf(string name) => Path.Combine(Dir, name);

    public string Write(string name, string text)
    {
        var path = PathOf(name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>A small experiment on the 200-row toy data: one base cell and one collective cell per seed.</summary>
    public string ToySpec(string name = "tiny", string extra = "", string file = "tiny.yaml") => Write(file,
        $"name: {name}\ndatasets: [toy]\nstrategies: [RB-prob]\nalphas: [0.5]\nbudgets: {{fractions: [0.5]}}\nseeds: " +
            $"[0]\n{extra}\n");

    /// <summary>A user CSV of <paramref name="rows"/> rows (x numeric, g in a/b, y in 0/1) with its dataset spec;
    /// returns the spec path.</summary>
    public string UserData(string name = "people", int rows = 240, string? specName = null, string extraSpec = "")
    {
        var csv = new StringBuilder("x,g,y\n");
        for (int i = 0; i < rows; i++) csv.Append(i % 17).Append(i % 3 == 0 ? ",b," : ",a,").Append((i * 7 + i / 5) %
            2).Append('\n');
        Write(name + ".csv", csv.ToString());
        return Write(name + ".yaml", (specName is null ? "" : $"name: {specName}\n") + $"path: {name}.csv\n"
            + "label: { column: y, favourable: [\"1\"], unfavourable: [\"0\"] }\nsensitive: { columns: [g], " +
                "minority: [b] }\n" + extraSpec + "\n");
    }

    /// <summary>Every file below the folder (relative paths), to see what a command left behind.</summary>
    public SortedSet<string> Files() =>
        new(Directory.EnumerateFiles(Dir, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(Dir, f)),
            StringComparer.Ordinal);

    /// <summary>Every file and folder below the folder (relative paths, folders ending in '/'): an empty folder a
    /// command left behind shows too.</summary>
    public SortedSet<string> Entries() =>
        new(Directory.EnumerateFileSystemEntries(Dir, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Dir, f) + (Directory.Exists(f) ? "/" : "")), StringComparer.Ordinal);

    /// <summary>Runs the CLI in this process; arguments are used as given.</summary>
    public static (int Exit, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int exit = CliApp.Run(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Runs the CLI in this process; the command must succeed (exit 0, else its standard error fails the
    /// test). Returns its output.</summary>
    public static string RunOk(params string[] args)
    {
        var (exit, output, err) = Run(args);
        Assert.True(exit == 0, err);
        return output;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
