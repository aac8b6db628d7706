using System.Text.Json;
using System.Text.Json.Serialization;
using FairCollective.Experiments.Specs;

namespace FairCollective.Experiments.Running;

/// <summary>The spec as JSON, stored with each run so a result can always be traced to what produced it.</summary>
public static class SpecJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = false,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Compact JSON of <paramref name="spec"/> with snake_case keys, enums as names and nulls left out.</summary>
    public static string Write(ExperimentSpec spec) => JsonSerializer.Serialize(spec, Options);
}
