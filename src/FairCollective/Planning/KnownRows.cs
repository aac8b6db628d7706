using FairCollective.Data;
using FairCollective.Learning;

namespace FairCollective.Planning;

/// <summary>
/// The rows a surrogate firm is asked to predict: every member row and every majority source row (the fallback's are
/// the members' own, so they are predicted once and reused). Test users are draws of these rows, so their predictions
/// are these.
/// </summary>
internal sealed class KnownRows
{
    private readonly DesignMatrix _members;
    private readonly DesignMatrix? _majority;

    private readonly int _fallbackRows;

    public KnownRows(PlannerInput input, World world)
    {
        _members = input.X.SelectRows(Enumerable.Range(0, input.MemberCount).ToArray());
        _majority = world.SampleRows == 0 ? null : input.X.SelectRows(Enumerable.Range(input.MemberCount,
            input.MajorityCount).ToArray());
        _fallbackRows = world.FallbackRows;
        MemberLabels = input.Y[..input.MemberCount];
    }

    /// <summary>The members' true labels (test users are not relabelled).</summary>
    public int[] MemberLabels { get; }

    /// <summary>The firm's predictions of the member rows and of the majority source rows (the sample's, then the
    /// fallback's, which are the members').</summary>
    public (int[] Members, int[] Majority) Predict(IClassifier firm)
    {
        var members = firm.Predict(_members);
        var sample = _majority is null ? [] : firm.Predict(_majority);
        return (members, _fallbackRows == 0 ? sample : [.. sample, .. members]);
    }
}
