using FairCollective.Common;
using FairCollective.Data;

namespace FairCollective.Mitigation;

/// <summary>
/// Shape and value checks shared by the mitigation methods. Every method here takes plain arrays: labels and
/// hard predictions as 0/1 ints (1 = favourable), scores as doubles, and the binary group as a
/// <see cref="GroupMembership"/> (minority = a = 1). User mistakes become <see cref="UserInputException"/>.
/// Methods ported from AIF360 keep its "privileged" (= majority) orientation inside; <see cref="Privileged"/> is the
/// one place that translates.
/// </summary>
internal static class MitigationInput
{
    public static void SameLength(string method, int expected, int actual, string what)
    {
        if (actual != expected)
            throw new UserInputException($"{method}: '{what}' has {actual} rows, expected {expected}.");
    }

    /// <summary>The checks every binary-group method makes: at least one row, labels in {0,1}, one group flag per
    /// label.</summary>
    public static void Rows(string method, ReadOnlySpan<int> labels, string labelsName, GroupMembership groups)
    {
        NonEmpty(method, labels.Length);
        SameLength(method, labels.Length, groups.Count, "groups");
        Binary(method, labels, labelsName);
    }

    /// <summary><see cref="Rows(string, ReadOnlySpan{int}, string, GroupMembership)"/> plus one score per
    /// label.</summary>
    public static void Rows(string method, ReadOnlySpan<int> labels, string labelsName, GroupMembership groups,
        ReadOnlySpan<double> scores)
    {
        Rows(method, labels, labelsName, groups);
        SameLength(method, labels.Length, scores.Length, "scores");
    }

    public static void NonEmpty(string method, int n)
    {
        if (n == 0) throw new UserInputException($"{method}: no rows given.");
    }

    public static void Binary(string method, ReadOnlySpan<int> values, string what)
    {
        for (int i = 0; i < values.Length; i++)
            if (values[i] is not (0 or 1))
                throw new UserInputException($"{method}: '{what}' must be 0 or 1, row {i} has {values[i]}.");
    }

    public static void Probabilities(string method, ReadOnlySpan<double> scores, string what)
    {
        for (int i = 0; i < scores.Length; i++)
            if (!(scores[i] >= 0 && scores[i] <= 1))
                throw new UserInputException($"{method}: '{what}' must lie in [0,1], row {i} has {scores[i]}.");
    }

    public static void Finite(string method, ReadOnlySpan<double> values, string what)
    {
        for (int i = 0; i < values.Length; i++)
            if (!double.IsFinite(values[i]))
                throw new UserInputException($"{method}: '{what}' must be finite, row {i} has {values[i]}.");
    }

    /// <summary>A knob that must lie in [0,1].</summary>
    public static void UnitInterval(string method, double value, string option)
    {
        if (!(value >= 0 && value <= 1))
            throw new UserInputException($"{method}: option '{option}' must lie in [0,1], got {value}.");
    }

    /// <summary>Both groups must be present: every binary method compares the minority with the majority.</summary>
    public static void BothGroups(string method, GroupMembership groups)
    {
        if (groups.MinorityCount == 0 || groups.MajorityCount == 0)
            throw new UserInputException($"{method}: both the minority and the majority need at least one row.");
    }

    /// <summary>
    /// The translation to AIF360's orientation, used at the entry of the methods ported from it: per row, whether it is
    /// "privileged", which is the majority (the minority is the unprivileged group, a = 1 in FairCollective).
    /// </summary>
    public static bool[] Privileged(GroupMembership groups)
    {
        var privileged = new bool[groups.Count];
        var minority = groups.MinorityFlags;
        for (int i = 0; i < privileged.Length; i++) privileged[i] = !minority[i];
        return privileged;
    }
}
