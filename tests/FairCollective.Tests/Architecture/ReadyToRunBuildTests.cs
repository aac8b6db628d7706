using System.Reflection.PortableExecutable;
using System.Text.Json;

namespace FairCollective.Tests.Architecture;

/// <summary>
/// The faircollective command's build output is precompiled (src/ReadyToRunOnBuild.targets) and runs with tiered
/// compilation off. The two belong together: tiered compilation off over IL alone would compile every method fully
/// optimised at its first call, slower than the default; precompiled code with tiering on is compiled again once hot.
/// </summary>
public class ReadyToRunBuildTests
{
    /// <summary>The command's own output folder, beside this test project's (same configuration and framework).</summary>
    private static string CliOutput()
    {
        string here = AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar);
        string tests = Path.Combine("tests", "FairCollective.Tests") + Path.DirectorySeparatorChar;
        int at = here.LastIndexOf(tests, StringComparison.Ordinal);
        Assert.True(at >= 0, $"the tests do not run from tests/FairCollective.Tests ({here})");
        return here[..at] + Path.Combine("src", "FairCollective.Cli") + Path.DirectorySeparatorChar + here[(at + tests.Length)..];
    }

    private static bool IsPrecompiled(string assembly)
    {
        using var pe = new PEReader(File.OpenRead(assembly));
        return pe.PEHeaders.CorHeader is { ManagedNativeHeaderDirectory.Size: > 0 };
    }

    [Fact]
    public void TheCommandsAssembliesArePrecompiledAndRunWithoutTiering()
    {
        string dir = CliOutput();
        Assert.True(File.Exists(Path.Combine(dir, "FairCollective.Cli.dll")), $"the command is not built at {dir}");
        foreach (var name in new[] { "FairCollective.Cli", "FairCollective", "FairCollective.Experiments", "FairCollective.Reporting", "MathNet.Numerics", "Microsoft.Data.Sqlite" })
            Assert.True(IsPrecompiled(Path.Combine(dir, name + ".dll")), $"{name}.dll in {dir} has no ReadyToRun code");
        using var config = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "FairCollective.Cli.runtimeconfig.json")));
        Assert.False(config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties").GetProperty("System.Runtime.TieredCompilation").GetBoolean());
        // The IL assemblies this test project itself references are not precompiled: the check can tell the two apart.
        Assert.False(IsPrecompiled(typeof(ReadyToRunBuildTests).Assembly.Location));
    }
}
