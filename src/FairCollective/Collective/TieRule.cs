namespace FairCollective.Collective;

/// <summary>How pool members with equal scores are ordered (method.md section 3: open; default a seeded random
/// order).</summary>
public enum TieRule
{
    /// <summary>Equal scores in a seeded random order (never input order): the default.</summary>
    SeededRandom,

    /// <summary>Equal scores by ascending training row number (reproducible by hand; biased towards early
    /// rows).</summary>
    RowIndex,
}
