namespace FairCollective.Mitigation.Defences;

/// <summary>What a defence does with a flagged row.</summary>
public enum DefenceAction
{
    /// <summary>Leave the row out of the firm's fit.</summary>
    Drop,

    /// <summary>Keep the row with the other label (binary labels: 0 becomes 1 and 1 becomes 0).</summary>
    Relabel,
}
