using System.Globalization;
using FairCollective.Common;

namespace FairCollective.Planning;

/// <summary>
/// What a collective can know about the firm without its data: public or published numbers. Any two of
/// <see cref="FirmUsers"/>, <see cref="MinorityUsers"/> and <see cref="MinorityShare"/> fix the population the firm
/// trains on; given all three they must agree. <see cref="MajorityBaseRate"/> is needed only when no majority sample is
/// given (the fallback majority, docs/planner.md).
/// </summary>
public sealed record PublicNumbers
{
    /// <summary>Relative disagreement tolerated between three given sizes (rounding of a published share).</summary>
    public const double ShareTolerance = 0.01;

    /// <summary>Most users a population number (<see cref="FirmUsers"/>, <see cref="MinorityUsers"/>) may give: a
    /// weight, not work, but a billion is beyond any firm a collective plans against.</summary>
    public const int UsersLimit = 1_000_000_000;

    /// <summary>
    /// Most test users (<see cref="EvaluationUsers"/>, given or derived from the firm's users): the planner draws every
    /// one in every replicate (a plan of 300 members with 20 replicates of 10,000,000 test users took 5.0 s on 2 cores:
    /// about 0.2 s a replicate).
    /// </summary>
    public const int EvaluationUsersLimit = 10_000_000;

    /// <summary>How many users' rows the firm trains on. Null = derived from the other two.</summary>
    public int? FirmUsers { get; init; }

    /// <summary>How many of them are in the minority. Null = derived from the other two.</summary>
    public int? MinorityUsers { get; init; }

    /// <summary>The minority's share of the firm's users, in (0, 1). Null = derived from the other two.</summary>
    public double? MinorityShare { get; init; }

    /// <summary>Share of the majority with the favourable label, in (0, 1); needed only without a majority
    /// sample.</summary>
    public double? MajorityBaseRate { get; init; }

    /// <summary>
    /// How many users the firm's fairness is measured on (its test population); null =
    /// <see cref="DefaultEvaluationRatio"/> times the training users, the paper's 70/30 split. It sets how noisy an
    /// achieved EqOd is, so it widens the intervals.
    /// </summary>
    public int? EvaluationUsers { get; init; }

    /// <summary>Test users per training user when <see cref="EvaluationUsers"/> is not given: 0.3 / 0.7.</summary>
    public const double DefaultEvaluationRatio = 0.3 / 0.7;

    /// <summary>
    /// The firm's population from the numbers given, checked against the files: the collective's
    /// <paramref name="members"/> must fit in the minority. Every contradiction is one line naming the options.
    /// </summary>
    public Population Resolve(int members)
    {
        if (FirmUsers is <= 0) throw new
            UserInputException($"--firm-users must be a positive whole number; got {FirmUsers}");
        if (MinorityUsers is <= 0) throw new
            UserInputException($"--minority-users must be a positive whole number; got {MinorityUsers}");
        if (MinorityShare is { } s0 && !(s0 > 0
            && s0 < 1)) throw new
            UserInputException($"--minority-share must lie strictly between 0 and 1; got {Format(s0)}");
        if (MajorityBaseRate is { } r && !(r > 0
            && r < 1)) throw new
            UserInputException($"--majority-base-rate must lie strictly between 0 and 1; got {Format(r)}");
        if (EvaluationUsers is <= 0) throw new
            UserInputException($"--evaluation-users must be a positive whole number; got {EvaluationUsers}");
        CountLimit.Check(FirmUsers ?? 0, UsersLimit, "--firm-users");
        CountLimit.Check(MinorityUsers ?? 0, UsersLimit, "--minority-users");
        CountLimit.Check(EvaluationUsers ?? 0, EvaluationUsersLimit, "--evaluation-users");
        int given = (FirmUsers is null ? 0 : 1) + (MinorityUsers is null ? 0 : 1) + (MinorityShare is null ? 0 : 1);
        if (given < 2)
            throw new UserInputException("the planner needs the firm's population: give two of --firm-users, " +
                "--minority-users and --minority-share");
        int firm, minority;
        if (FirmUsers is { } n && MinorityUsers is { } k)
        {
            (firm, minority) = (n, k);
            if (MinorityShare is { } s && Math.Abs((double)k / n - s) > ShareTolerance * s)
                throw new UserInputException($"--minority-share {Format(s)} contradicts --minority-users {k} of " +
                    $"--firm-users {n} (share {Format((double)k / n)})");
        }
        else if (FirmUsers is { } n2)
            (firm, minority) = (n2, (int)Math.Round(MinorityShare!.Value * n2));
        else
        {
            double derived = Math.Round(MinorityUsers!.Value / MinorityShare!.Value);
            if (derived > UsersLimit)
                throw new UserInputException($"--minority-users {MinorityUsers} at --minority-share " +
                    $"{Format(MinorityShare.Value)} gives {Format(derived)} firm users, more than the limit of " +
                    $"{UsersLimit.ToString("N0", CultureInfo.InvariantCulture)}");
            (firm, minority) = ((int)derived, MinorityUsers.Value);
        }
        if (minority >= firm)
            throw new UserInputException($"the minority ({minority} users) must be smaller than the firm's users " +
                $"({firm}): check --firm-users, --minority-users and --minority-share");
        if (minority < 1) throw new UserInputException($"--minority-share {Format(MinorityShare ?? 0)} of {firm} " +
            "users leaves no minority user");
        if (members > minority)
            throw new UserInputException($"the members file has {members} rows but the public numbers give the " +
                $"minority only {minority} users: a collective cannot be larger than its minority (check " +
                "--minority-users / --minority-share)");
        int evaluation = EvaluationUsers ?? Math.Max(1, (int)Math.Round(firm * DefaultEvaluationRatio));
        if (evaluation > EvaluationUsersLimit)
            throw new UserInputException($"the firm's test users, 0.3/0.7 of its " +
                $"{firm.ToString("N0", CultureInfo.InvariantCulture)} users = " +
                $"{evaluation.ToString("N0", CultureInfo.InvariantCulture)}, are more than the limit of " +
                $"{EvaluationUsersLimit.ToString("N0", CultureInfo.InvariantCulture)} the planner draws; give " +
                $"--evaluation-users (at most {EvaluationUsersLimit.ToString("N0", CultureInfo.InvariantCulture)})");
        return new Population(firm, minority, evaluation);
    }

    private static string Format(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}

/// <summary>The firm's population as the planner models it.</summary>
/// <param name="FirmUsers">Users the firm trains on.</param>
/// <param name="MinorityUsers">Of them, in the minority.</param>
/// <param name="EvaluationUsers">Users the firm's fairness is measured on.</param>
public sealed record Population(int FirmUsers, int MinorityUsers, int EvaluationUsers)
{
    /// <summary>Users in the majority.</summary>
    public int MajorityUsers => FirmUsers - MinorityUsers;

    /// <summary>The minority's share of the firm's users.</summary>
    public double MinorityShare => (double)MinorityUsers / FirmUsers;
}
