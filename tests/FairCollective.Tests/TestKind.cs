namespace FairCollective.Tests;

/// <summary>
/// The kinds of test, one per test class as <c>[Trait(TestKind.Name, TestKind.Unit)]</c> (the kind test checks every
/// class has exactly one), so that a run can take or leave a kind: <c>bash test.sh --fast</c> runs the units only,
/// <c>dotnet test --filter Kind=Browser</c> the browser tests. The README's test command runs every kind.
/// </summary>
public static class TestKind
{
    /// <summary>The trait's name.</summary>
    public const string Name = "Kind";

    /// <summary>One part, in process, on small fixtures: the fast subset.</summary>
    public const string Unit = "Unit";

    /// <summary>A whole run: the CLI end to end, an experiment, or every combination of parts on bundled
    /// data.</summary>
    public const string Integration = "Integration";

    /// <summary>A statistical property over many simulated repetitions (interval coverage), or accuracy on real data
    /// against another library's.</summary>
    public const string Statistical = "Statistical";

    /// <summary>The report opened in a real browser (needs Chromium).</summary>
    public const string Browser = "Browser";

    /// <summary>A sweep on a Slurm cluster (needs slurm-wlm and munge, and root to start their daemons).</summary>
    public const string Cluster = "Cluster";

    /// <summary>Processes killed from outside at chosen moments, then what they left checked.</summary>
    public const string Crash = "Crash";

    /// <summary>Every kind, in the order above.</summary>
    public static readonly string[] All = [Unit, Integration, Statistical, Browser, Cluster, Crash];
}
