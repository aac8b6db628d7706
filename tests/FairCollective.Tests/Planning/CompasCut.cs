using System.Text;
using FairCollective.Data;
using FairCollective.Data.Sources;
using FairCollective.Tests.Cli;

namespace FairCollective.Tests.Planning;

/// <summary>
/// Files a real collective could hold, cut from the bundled COMPAS file as shipped (same columns, so the preset
/// recognises them): its members' rows (the first minority rows) and a sample of majority rows.
/// </summary>
internal static class CompasCut
{
    private static readonly Lazy<(string Header, Dictionary<string, string> LineById)> Raw = new(() =>
    {
        using var reader = new StreamReader(EmbeddedData.Open("compas/compas-scores-two-years.csv.gz"));
        // decompressed as it is read
        string header = reader.ReadLine()!;
        var lines = new Dictionary<string, string>(StringComparer.Ordinal);
        for (string? line = reader.ReadLine(); line is not null; line = reader.ReadLine())
            lines[line[..line.IndexOf(',')]] = line; // the id is the first column
        return (header, lines);
    });

    private static readonly Lazy<Dataset> Compas = new(() => DatasetCatalog.Load("compas"));

    /// <summary>Writes members.csv (the first <paramref name="members"/> minority rows, plus one majority row when
    /// <paramref name="withAMajorityRow"/>) and sample.csv (<paramref name="majority"/> majority rows); returns both
    /// paths.</summary>
    /// <param name="onlyLabel">When given, the sample holds only majority rows with this label.</param>
    public static (string Members, string Sample) Write(CliSandbox box, int members, int majority,
        bool withAMajorityRow = false, int? onlyLabel = null)
    {
        var data = Compas.Value;
        var minority = Enumerable.Range(0, data.RowCount).Where(i
            => data.Sensitive.Membership[i]).Take(members).Select(i => data.Ids[i]).ToList();
        var others = Enumerable.Range(0, data.RowCount).Where(i => !data.Sensitive.Membership[i] && (onlyLabel is null
            || data.Labels[i] == onlyLabel))
            .Select(i => data.Ids[i]).ToArray();
        if (withAMajorityRow) minority.Add(others[^1]);
        return (box.Write("members.csv", Lines(minority)), box.Write("sample.csv", Lines(others.Where((_, k)
            => k % 5 == 0).Take(majority))));
    }

    /// <summary>The preset's public sizes of the whole file, as the command's options.</summary>
    public static string[] PublicNumbers()
    {
        var data = Compas.Value;
        return ["--firm-users", (data.RowCount * 7 / 10).ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--minority-share", ((double)data.Sensitive.Membership.MinorityCount / data.RowCount).ToString("R",
                System.Globalization.CultureInfo.InvariantCulture)];
    }

    private static string Lines(IEnumerable<string> ids)
    {
        var (header, byId) = Raw.Value;
        var b = new StringBuilder(header).Append('\n');
        foreach (var id in ids) b.Append(byId[id]).Append('\n');
        return b.ToString();
    }
}
