using FairCollective.Common;
using FairCollective.Data;
using FairCollective.Data.Encoding;

namespace FairCollective.Planning;

/// <summary>
/// Everything the collective knows, encoded: its members' rows first (all in the minority), then the rows of its
/// majority sample (possibly none). The encoding is fitted on these rows only: the firm's own data never enters a plan.
/// </summary>
public sealed class PlannerInput
{
    /// <summary>Encoded known rows with their labels.</summary>
    /// <param name="x">Members' rows first, then the majority sample's.</param>
    /// <param name="y">Labels in {0, 1}, 1 = favourable.</param>
    /// <param name="memberCount">How many of the first rows are members.</param>
    /// <param name="memberIds">An id per member (what the ranked list names); null = the row numbers 1, 2, ...</param>
    /// <param name="sensitiveColumns">Columns of <paramref name="x"/> encoding the sensitive attribute (left out of the
    /// strategies' default scoring space).</param>
    public PlannerInput(DesignMatrix x, int[] y, int memberCount, string[]? memberIds = null,
        IReadOnlyList<int>? sensitiveColumns = null)
    {
        if (y.Length != x.Rows) throw new
            UserInputException($"planner input: {x.Rows} feature rows but {y.Length} labels");
        if (memberCount < 1
            || memberCount > x.Rows) throw new
            UserInputException($"planner input: {memberCount} members of {x.Rows} rows");
        if (y.Any(v
            => v is not (0 or 1))) throw new
            UserInputException("planner input: labels must be 0 or 1 (1 = favourable)");
        if (memberIds is not null
            && memberIds.Length != memberCount) throw new
            UserInputException($"planner input: {memberIds.Length} member ids for {memberCount} members");
        X = x;
        Y = y;
        MemberCount = memberCount;
        MemberIds = memberIds ?? Enumerable.Range(1, memberCount).Select(i
            => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        SensitiveColumns = sensitiveColumns ?? [];
    }

    /// <summary>Members' rows, then the majority sample's.</summary>
    public DesignMatrix X { get; }

    /// <summary>Labels of <see cref="X"/>'s rows.</summary>
    public int[] Y { get; }

    /// <summary>How many of the first rows are the collective's members.</summary>
    public int MemberCount { get; }

    /// <summary>Rows of the majority sample (after the members).</summary>
    public int MajorityCount => X.Rows - MemberCount;

    /// <summary>An id per member, in row order.</summary>
    public string[] MemberIds { get; }

    /// <summary>Columns encoding the sensitive attribute.</summary>
    public IReadOnlyList<int> SensitiveColumns { get; }

    /// <summary>Rows of the members file its missing policy dropped (they cannot be ranked): listed in the plan, never
    /// silently lost.</summary>
    public IReadOnlyList<DroppedRow> DroppedMembers { get; init; } = [];

    /// <summary>Rows of the majority sample its missing policy dropped.</summary>
    public int DroppedMajorityRows { get; init; }

    /// <summary>
    /// Encodes the <paramref name="members"/> file and the optional <paramref name="majority"/> sample (same columns)
    /// with one encoder fitted on their rows. Refuses members outside the minority and sample rows inside it, naming
    /// the file (<paramref name="membersFile"/>, <paramref name="majorityFile"/>; the dataset's name where not given).
    /// </summary>
    public static PlannerInput From(Dataset members, Dataset? majority, EncoderOptions? encoder = null,
        string? membersFile = null, string? majorityFile = null)
    {
        string membersName = membersFile ?? members.Name, majorityName = majorityFile ?? majority?.Name ?? "";
        if (members.RowCount == 0) throw new UserInputException($"members file '{membersName}': no rows");
        for (int i = 0; i < members.RowCount; i++)
            if (!members.Sensitive.Membership[i])
                throw new UserInputException($"members file '{membersName}': row {i + 1} (id {members.Ids[i]}) is in " +
                    $"group '{members.Sensitive.GroupOfRow[i]}', not in the minority " +
                    $"({string.Join(", ", members.Sensitive.MinorityGroups)}); a collective's members all belong to " +
                    "the minority");
        var known = members;
        if (majority is not null)
        {
            if (majority.RowCount == 0) throw new UserInputException($"majority sample '{majorityName}': no rows " +
                "(leave the option out to plan without one)");
            for (int i = 0; i < majority.RowCount; i++)
                if (members.Sensitive.MinorityGroups.Contains(majority.Sensitive.GroupOfRow[i]))
                    throw new UserInputException($"majority sample '{majorityName}': row {i + 1} (id " +
                        $"{majority.Ids[i]}) is in the minority group '{majority.Sensitive.GroupOfRow[i]}', not in " +
                        "the majority; a majority sample holds majority rows only");
            known = Concat(members, majority, membersName, majorityName);
        }
        var fitted = TabularEncoder.Fit(known, Enumerable.Range(0, known.RowCount).ToArray(), encoder);
        var sensitive = fitted.Columns.Where(c => known.Sensitive.ColumnNames.Contains(c.Name))
            .SelectMany(c => Enumerable.Range(c.Offset, c.Width)).ToArray();
        return new PlannerInput(fitted.Transform(known), known.Labels, members.RowCount, members.Ids, sensitive)
        {
            DroppedMembers = members.RowAccount?.Rows ?? [], DroppedMajorityRows = majority?.RowAccount?.Dropped ?? 0,
        };
    }

    /// <summary>The two files' rows in one dataset; their feature columns must agree by name and kind.</summary>
    private static Dataset Concat(Dataset a, Dataset b, string aName, string bName)
    {
        if (a.Features.Count != b.Features.Count || a.Features.Zip(b.Features).Any(p => p.First.Name != p.Second.Name
            || p.First.Kind != p.Second.Kind))
            throw new UserInputException($"majority sample '{bName}' has other feature columns than the members file " +
                $"'{aName}' ({Describe(b)} against {Describe(a)}); both must be read with the same dataset spec");
        if (a.Sensitive.Name != b.Sensitive.Name)
            throw new UserInputException($"majority sample '{bName}' groups rows by '{b.Sensitive.Name}', the " +
                $"members file '{aName}' by '{a.Sensitive.Name}'");
        var features = a.Features.Zip(b.Features, (f, g) => f.Kind == FeatureKind.Numeric
            ? FeatureColumn.Numeric(f.Name, [.. f.Numbers!, .. g.Numbers!])
            : FeatureColumn.Categorical(f.Name, [.. f.Categories!, .. g.Categories!])).ToArray();
        var sensitive = new SensitiveAttribute(a.Sensitive.Name, [.. a.Sensitive.GroupOfRow, .. b.Sensitive.GroupOfRow],
            a.Sensitive.MinorityGroups);
        return new Dataset(a.Name, features, [.. a.Labels, .. b.Labels], sensitive, [.. a.Ids, .. b.Ids]);
    }

    private static string Describe(Dataset d) => string.Join(", ", d.Features.Select(f => f.Name));
}
