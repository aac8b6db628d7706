namespace FairCollective.Mitigation.Defences;

/// <summary>The firm without a defence: nothing flagged.</summary>
public sealed class NoDefence : IDefence
{
    /// <inheritdoc />
    public string Name => DefenceCatalog.None;

    /// <inheritdoc />
    public DefenceOutcome Apply(DefenceInput input) => DefenceOutcome.Nothing(input.Labels.Length);
}
