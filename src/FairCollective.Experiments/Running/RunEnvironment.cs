using System.Reflection;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace FairCollective.Experiments.Running;

/// <summary>Versions and machine facts recorded with every run (the report prints them).</summary>
public static class RunEnvironment
{
    /// <summary>FairCollective's informational version as built (the package version, possibly with a +commit suffix);
    /// "unknown" if the assembly has none.</summary>
    public static string Version { get; } =
        typeof(RunEnvironment)
            .Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    /// <summary>
    /// A flat JSON object: FairCollective and .NET versions, OS, architecture and processor count, and where a run
    /// imported randomness, which parts it imported and which it drew from the seed (<paramref name="randomness"/>,
    /// <see cref="RunGrid.RandomnessSources"/>, one entry "randomness" with the lines joined by "; ").
    /// </summary>
    public static string Json(IReadOnlyList<string>? randomness = null)
    {
        var facts = new Dictionary<string, string>
        {
            ["faircollective"] = Version,
            ["dotnet"] = RuntimeInformation.FrameworkDescription,
            ["os"] = RuntimeInformation.OSDescription,
            ["architecture"] = RuntimeInformation.ProcessArchitecture.ToString(),
            ["processors"] = Environment.ProcessorCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        if (randomness is { Count: > 0 }) facts["randomness"] = string.Join("; ", randomness);
        return JsonSerializer.Serialize(facts);
    }
}
