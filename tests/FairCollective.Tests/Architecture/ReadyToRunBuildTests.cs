using System.Reflection.PortableExecutable;
using System.Text.Json;

namespace FairCollective.Tests.Architecture;

/// <summary>
/// The faircollective command's build output is precompiled (src/ReadyToRunOnBuild.targets) and runs with tiered
/// compilation off. The two belong together: tiered compilation off over IL alone would compile every method fully
/// optimised at its first call, slower than the default; precompiled code with tiering on is compiled again once hot.
/// </summary>
[Trait(TestKind.Name, TestKind.Unit)]
public class ReadyToRunBuildTests
{
    /// <summary>The command's own output folder, beside this test project's (same configuration and
    /// framework).</summary>
    private static string CliOutput()
    {
        string here = AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar);
        string tests = Path.Combine("tests", "FairCollective.Tests") + Path.DirectorySeparatorChar;
        int at = here.LastIndexOf(tests, StringComparison.Ordinal);
        Assert.True(at >= 0, $"the tests do not run from tests/FairCollective.Tests ({here})");
        return here[..at] + Path.Combine("src",
            "FairCollective.Cli") + Path.DirectorySeparatorChar + here[(at + tests.Length)..];
    }

    private static bool IsPrecompiled(string assembly)
    {
        using var pe = new PEReader(File.OpenRead(assembly));
        return pe.PEHeaders.CorHeader is { ManagedNativeHeaderDirectory.Size: > 0 };
    }

    /// <summary>Platforms whose precompiler ships as a package: there the default build precompiles (the targets'
    /// list).</summary>
    private static readonly string[] Precompiled = ["linux-x64", "linux-arm64", "linux-musl-x64", "linux-musl-arm64",
        "osx-x64", "osx-arm64", "win-x64", "win-arm64"];

    [Fact]
    public void TheCommandsAssembliesArePrecompiledAndRunWithoutTiering()
    {
        string dir = CliOutput();
        Assert.True(File.Exists(Path.Combine(dir, "FairCollective.Cli.dll")), $"the command is not built at {dir}");
        using var config = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir,
            "FairCollective.Cli.runtimeconfig.json")));
        bool tiered = !config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties")
            .TryGetProperty("System.Runtime.TieredCompilation", out var setting)
                      || setting.GetBoolean();
        string platform = System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier;
        if (!Precompiled.Contains(platform))
        {
            // No precompiler package here: the build keeps IL, so tiering must stay on.
            Assert.True(tiered, $"tiered compilation is off on {platform}, where the build cannot precompile");
            return;
        }
        foreach (var name in new[] { "FairCollective.Cli", "FairCollective", "FairCollective.Experiments",
            "FairCollective.Reporting", "MathNet.Numerics", "Microsoft.Data.Sqlite" })
            Assert.True(IsPrecompiled(Path.Combine(dir, name + ".dll")), $"{name}.dll in {dir} has no ReadyToRun code");
        Assert.False(tiered, "tiered compilation is on over precompiled code");
        // The IL assemblies this test project itself references are not precompiled: the check can tell the two apart.
        Assert.False(IsPrecompiled(typeof(ReadyToRunBuildTests).Assembly.Location));
    }
}
