using System.Text.Json;
using FairCollective.Reporting.Planning;
using FairCollective.Tests.Cli;

namespace FairCollective.Tests.Planning;

/// <summary>`plan` end to end, in process, on files cut from bundled COMPAS.</summary>
[Trait(TestKind.Name, TestKind.Integration)]
public class PlanCommandTests
{
    [Fact]
    public void PlanWritesItsPageJsonRankingAndFigureFromOnlyTheCollectivesFiles()
    {
        using var box = new CliSandbox();
        var (members, sample) = CompasCut.Write(box, members: 300, majority: 200);
        var outDir = box.PathOf("plan");
        var (exit, stdout, stderr) = CliSandbox.Run([
            "plan", members, "--majority", sample, .. CompasCut.PublicNumbers(), "--replicates", "20",
                "--target-reduction", "0.3",
            "--target-replicates", "10", "--sizes", "0.1,0.5", "--threads", "2", "-o", outDir]);
        Assert.True(exit == 0, stderr);
        Assert.Contains("Recommendation", stdout);
        Assert.Contains("Target: EqOd <=", stdout);
        foreach (var file in new[] { PlanReport.HtmlFileName, PlanReport.JsonFileName, PlanReport.RankingFileName,
            "figures/plan-forecast.png", "figures/plan-forecast.svg" })
            Assert.True(File.Exists(Path.Combine(outDir, file)), file);

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, PlanReport.JsonFileName)));
        var root = json.RootElement;
        Assert.Equal("faircollective-plan", root.GetProperty("format").GetString());
        Assert.Equal(300, root.GetProperty("members").GetInt32());
        Assert.Equal(200, root.GetProperty("majority_sample_rows").GetInt32());
        int pool = root.GetProperty("pool").GetInt32(), flips =
            root.GetProperty("recommendation").GetProperty("flips").GetInt32();
        Assert.Equal(3, root.GetProperty("strategies").GetArrayLength());
        Assert.Equal(flips, root.GetProperty("flip_order").GetArrayLength());
        Assert.True(root.GetProperty("target").GetProperty("reached_replicates").GetDouble() is >= 0 and <= 1);

        // The ranking lists the whole pool, flagging exactly the recommended flips first; ids are the file's ids.
        var rows = File.ReadAllLines(Path.Combine(outDir, PlanReport.RankingFileName));
        Assert.Equal("rank,member_id,strategy,score,flips,dropped", rows[0]);
        Assert.Equal(pool, rows.Length - 1);
        var flags = rows.Skip(1).Select(r => r.Split(',')[4]).ToArray();
        Assert.Equal(Enumerable.Repeat("1", flips).Concat(Enumerable.Repeat("0", pool - flips)), flags);
        Assert.Equal(root.GetProperty("flip_order").EnumerateArray().Select(e => e.GetString()),
            rows.Skip(1).Take(flips).Select(r => r.Split(',')[1]));
        var memberIds = File.ReadAllLines(members).Skip(1).Select(l => l[..l.IndexOf(',')]).ToHashSet();
        Assert.All(rows.Skip(1), r => Assert.Contains(r.Split(',')[1], memberIds));

        var html = File.ReadAllText(Path.Combine(outDir, PlanReport.HtmlFileName));
        Assert.Contains("data-figure=\"plan-forecast\"", html);
        Assert.Contains("<h2>Assumptions</h2>", html);
    }

    [Fact]
    public void MembersDroppedForAMissingValueAreListedAndAPlanWithoutASampleSaysHowLittleItsIntervalsHold()
    {
        // 40 members of a user's file, 6 of them missing x: "planning: 34 members" had been all the console said.
        using var box = new CliSandbox();
        var spec = box.UserData("people", specName: "people");
        var members = new System.Text.StringBuilder("x,g,y\n");
        for (int i = 0; i < 40; i++) members.Append(i % 7 == 3 ? "NA" : (i %
            11).ToString(System.Globalization.CultureInfo.InvariantCulture)).Append(",b,").Append(i % 3 == 0 ? 1 :
            0).Append('\n');
        var file = box.Write("members.csv", members.ToString());
        var outDir = box.PathOf("plan");
        var (exit, stdout, stderr) = CliSandbox.Run("plan", file, "--spec", spec, "--firm-users", "5000",
            "--minority-share", "0.4", "--majority-base-rate", "0.5",
            "--replicates", "10", "--threads", "2", "-o", outDir);
        Assert.True(exit == 0, stderr);
        Assert.Contains("planning: 34 members (6 of 40 rows of the members file dropped for a missing value), no " +
            "majority sample", stdout);
        var warnings = stdout.Split('\n').Where(l => l.StartsWith("warning: ", StringComparison.Ordinal)).ToArray();
        Assert.Equal(2, warnings.Length);
        Assert.StartsWith("warning: no majority sample: ", warnings[0]);
        Assert.Contains("24% of plans without a sample (11 of 45)", warnings[0]);
        Assert.StartsWith("warning: 6 of 40 members were dropped for a missing value (x: 6)", warnings[1]);
        // ranking.csv: the ranked members, then the six dropped ones with their line and missing column; none vanishes.
        var rows = File.ReadAllLines(Path.Combine(outDir, PlanReport.RankingFileName)).Skip(1).Select(r
            => r.Split(',')).ToArray();
        var dropped = rows.Where(r => r[0] == "").ToArray();
        Assert.Equal([3, 10, 17, 24, 31, 38], dropped.Select(r => int.Parse(r[1],
            System.Globalization.CultureInfo.InvariantCulture)));
        Assert.All(dropped, r => Assert.Equal(("0",
            $"line {int.Parse(r[1], System.Globalization.CultureInfo.InvariantCulture) + 2}: missing x"), (r[4],
            r[5])));
        Assert.All(rows.Where(r => r[0] != ""), r => Assert.Equal("", r[5]));
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, PlanReport.JsonFileName)));
        Assert.Equal(6, json.RootElement.GetProperty("dropped_members").GetArrayLength());
        Assert.Equal(warnings.Select(w => w["warning: ".Length..]),
            json.RootElement.GetProperty("warnings").EnumerateArray().Select(e => e.GetString()));
        var html = File.ReadAllText(Path.Combine(outDir, PlanReport.HtmlFileName));
        Assert.Contains("<h2>Warnings</h2>", html);
        Assert.Contains("Members dropped for a missing value", html);
    }

    [Fact]
    public void ATargetNoSizeReachesIsSaidInOneLineAndThePlanIsStillWritten()
    {
        using var box = new CliSandbox();
        var (members, sample) = CompasCut.Write(box, members: 200, majority: 150);
        var (exit, stdout, stderr) = CliSandbox.Run(["plan", members, "--majority", sample,
            .. CompasCut.PublicNumbers(), "--replicates", "12",
            "--target-eqod", "0", "--sizes", "0.2,0.5", "--target-replicates", "10", "-o", box.PathOf("p")]);
        Assert.True(exit == 0, stderr);
        Assert.Single(stdout.Split('\n'), l => l.StartsWith("target: EqOd <= 0 is not reachable with ",
            StringComparison.Ordinal)
            && l.Contains("at any collective size up to 0.5 of the minority"));
        Assert.True(File.Exists(Path.Combine(box.PathOf("p"), PlanReport.HtmlFileName)));
    }

    [Fact]
    public void TheReadmesPlanExampleRuns()
    {
        // The command as README.md shows it (its continuation lines joined), run from the repository root's files.
        string root = Directory.GetParent(Experiments.ExampleSpecTests.Folder())!.Parent!.FullName;
        var lines = File.ReadAllLines(Path.Combine(root, "README.md"));
        int first = Array.FindIndex(lines, l => l.StartsWith("faircollective plan docs/", StringComparison.Ordinal));
        Assert.True(first >= 0, "README.md shows no 'faircollective plan docs/...' example");
        var command = lines[first];
        for (int i = first; lines[i].EndsWith('\\'); i++) command = command.TrimEnd('\\') + " " + lines[i + 1].Trim();
        using var box = new CliSandbox();
        var args = command.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(a => a.StartsWith("docs/", StringComparison.Ordinal) ? Path.Combine(root, a) : a.StartsWith("out/",
                StringComparison.Ordinal) ? box.PathOf(a) : a).ToArray();
        var (exit, stdout, stderr) = CliSandbox.Run(args);
        Assert.True(exit == 0, stderr);
        Assert.Contains("Recommendation", stdout);
        Assert.True(File.Exists(Path.Combine(box.PathOf("out/plan"), PlanReport.HtmlFileName)));
    }

    [Fact]
    public void APlanIsTheSameBytesForTheSameSeed()
    {
        using var box = new CliSandbox();
        var (members, sample) = CompasCut.Write(box, members: 150, majority: 100);
        string Json(string dir, string threads)
        {
            var (exit, _, err) = CliSandbox.Run(["plan", members, "--majority", sample, .. CompasCut.PublicNumbers(),
                "--replicates", "12", "--threads", threads, "-o", box.PathOf(dir)]);
            Assert.True(exit == 0, err);
            // The time taken is the only field that may differ.
            return string.Join('\n', File.ReadAllLines(Path.Combine(box.PathOf(dir), PlanReport.JsonFileName)).Where(l
                => !l.Contains("\"seconds\"")));
        }
        Assert.Equal(Json("a", "1"), Json("b", "2"));
        Assert.Equal(File.ReadAllText(Path.Combine(box.PathOf("a"), PlanReport.RankingFileName)),
            File.ReadAllText(Path.Combine(box.PathOf("b"), PlanReport.RankingFileName)));
    }
}
