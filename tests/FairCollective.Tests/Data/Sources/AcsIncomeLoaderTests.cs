using System.Globalization;
using FairCollective.Data;
using FairCollective.Data.Sources;

namespace FairCollective.Tests.Data.Sources;

[Trait(TestKind.Name, TestKind.Integration)]
public class AcsIncomeLoaderTests
{
    private const string Pums = "datasets/acs_income/psam_p56_2018_1yr_WY.csv.gz";
    private const string National = "datasets/acs_income/acsincome_2018_national_subset.csv.gz";

    // First row of the national subset inside Arizona's range (acs_income/SOURCE.md: AZ is rows 25,814-59,090).
    private const int ArizonaFirstRowIndex = 25_814;

    [Theory]
    [InlineData("AZ", 33277)]
    [InlineData("UT", 16337)]
    [InlineData("WY", 3064)]
    public void BundledStatesHaveTheirRowCounts(string state, int rows)
    {
        var d = AcsIncomeLoader.LoadBundledState(state);
        Assert.Equal(rows, d.RowCount);
        Assert.Equal(FolktablesAcsIncome.Features, d.Features.Select(f => f.Name));
        Assert.Equal(["AGEP", "SCHL", "OCCP", "POBP", "WKHP"], d.Features.Where(f
            => f.Kind == FeatureKind.Numeric).Select(f => f.Name));
        // Women earn > 50K less often than men in every state (ACS Income's documented gap).
        Assert.True(CompasLoaderTests.BaseRate(d, "Female") + 0.05 < CompasLoaderTests.BaseRate(d, "Male"));
        Assert.InRange(d.Sensitive.Membership.Count(a => a) / (double)rows, 0.40, 0.52);
    }

    [Fact]
    public void WyomingFirstRowIsEncodedAsItsFileSays()
    {
        // ACSIncome_2018_WY.csv line 2: 20.0,16.0,5.0,1.0,1.0,3740.0,5.0,30.0,17.0,72.0,False
        var d = AcsIncomeLoader.LoadBundledState("WY");
        double[] numbers = [20, 16, 3740, 30, 72];
        string[] numeric = ["AGEP", "SCHL", "OCCP", "POBP", "WKHP"];
        for (int j = 0; j < numeric.Length; j++) Assert.Equal(numbers[j], Feature(d, numeric[j]).Numbers![0]);
        Assert.Equal("5", Feature(d, "COW").Categories![0]);
        Assert.Equal("5", Feature(d, "MAR").Categories![0]);
        Assert.Equal("17", Feature(d, "RELP").Categories![0]);
        Assert.Equal("1", Feature(d, "SEX").Categories![0]);
        Assert.Equal("1", Feature(d, "RAC1P").Categories![0]);
        Assert.Equal("Male", d.Sensitive.GroupOfRow[0]);
        Assert.Equal(0, d.Labels[0]);
        Assert.DoesNotContain(AcsIncomeLoader.LoadBundledState("WY",
            new AcsIncomeOptions { SexAsFeature = false }).Features, f => f.Name == "SEX");
    }

    [RequiresSharedDataFact(Pums)]
    public void FolktablesBuildFromTheRawPumsFileEqualsTheWyomingTaskFileRowForRow()
    {
        var built = AcsIncomeLoader.BuildFromPums(SharedData.File(Pums));
        var task = AcsIncomeLoader.LoadBundledState("WY");
        Assert.Equal(3064, built.RowCount);
        AssertSameRows(task, Enumerable.Range(0, task.RowCount).ToArray(), built, Enumerable.Range(0,
            built.RowCount).ToArray());
        Assert.Equal("2018GQ0001565-01",
            built.Ids[0]); // SERIALNO-SPORDER of the first row passing the filter (checked with Python csv)
    }

    [RequiresSharedDataFact(National)]
    public void NationalSubsetHas765670RowsItsSplitsAndArizonasRows()
    {
        var d = AcsIncomeLoader.LoadNationalSubset(SharedData.File(National));
        Assert.Equal(765_670, d.RowCount);
        Assert.Equal(99_870, d.PredefinedSplit!.Count(s => s == "train"));
        Assert.Equal(332_900, d.PredefinedSplit!.Count(s => s == "validation"));
        Assert.Equal(332_900, d.PredefinedSplit!.Count(s => s == "test"));
        Assert.InRange(d.Labels.Average(), 0.3685, 0.3695); // SOURCE.md: overall positive rate 0.369

        // Every subset row inside Arizona's range equals the Arizona task file's row at row_index - 25,814.
        var az = AcsIncomeLoader.LoadBundledState("AZ");
        var inAz = new List<int>();
        var azRows = new List<int>();
        for (int i = 0; i < d.RowCount; i++)
        {
            int r = int.Parse(d.Ids[i], CultureInfo.InvariantCulture) - ArizonaFirstRowIndex;
            if (r >= 0 && r < az.RowCount) { inAz.Add(i); azRows.Add(r); }
        }
        Assert.True(inAz.Count > 10_000);
        AssertSameRows(az, azRows.ToArray(), d, inAz.ToArray());
    }

    private static void AssertSameRows(Dataset a, int[] rowsA, Dataset b, int[] rowsB)
    {
        Assert.Equal(rowsA.Length, rowsB.Length);
        Assert.Equal(a.Features.Select(f => f.Name), b.Features.Select(f => f.Name));
        for (int i = 0; i < rowsA.Length; i++)
        {
            int p = rowsA[i], q = rowsB[i];
            Assert.Equal(a.Labels[p], b.Labels[q]);
            Assert.Equal(a.Sensitive.GroupOfRow[p], b.Sensitive.GroupOfRow[q]);
            for (int j = 0; j < a.Features.Count; j++)
            {
                var fa = a.Features[j];
                var fb = b.Features[j];
                if (fa.Kind == FeatureKind.Numeric) Assert.Equal(fa.Numbers![p], fb.Numbers![q]);
                else Assert.Equal(fa.Categories![p], fb.Categories![q]);
            }
        }
    }

    private static FeatureColumn Feature(Dataset d, string name) => d.Features.Single(f => f.Name == name);
}
