namespace FairCollective.Mitigation.Defences;

/// <summary>
/// A firm-side defence against label noise or poisoning, run on the training data the firm receives and knowing
/// nothing of any collective: it flags rows and says what to do with them (<see cref="DefenceOutcome"/>); the firm then
/// fits its learner on what is left. Every defence is deterministic for its input's seed and works with any learner.
/// </summary>
public interface IDefence
{
    /// <summary>Name in specs, tables and figures (the catalog's key).</summary>
    string Name { get; }

    /// <summary>The rows to drop or relabel in <paramref name="input"/>'s training data.</summary>
    DefenceOutcome Apply(DefenceInput input);
}
