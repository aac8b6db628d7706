using FairCollective.Data.Sources;

namespace FairCollective.Tests.Data.Sources;

/// <summary>The HSLS:09 preset: recognised by its columns, its label and acting group as documented
/// (docs/datasets.md).</summary>
[Trait(TestKind.Name, TestKind.Unit)]
public class HslsPresetTests
{
    private const string HslsFile = "datasets/hsls/hsls_discretized_multis.csv.gz";

    [RequiresSharedDataFact(HslsFile)]
    public void TheDiscretisedFileLoadsWithItsDocumentedLabelAndGroups()
    {
        var d = DatasetCatalog.Load(SharedData.File(HslsFile));
        Assert.Equal("hsls", d.Name);
        Assert.Equal(10_937, d.RowCount);
        // SOURCE.md's racebin x grade table: grade >= 2 is 3,439 + 2,498 + 777 students.
        Assert.Equal(6_714, d.Labels.Sum());
        // Black (700) and other (2,618) students act; 312 + 1,362 of them score 40 or more.
        Assert.Equal(3_318, d.Sensitive.Membership.MinorityCount);
        Assert.Equal(1_674, Enumerable.Range(0, d.RowCount).Count(i => d.Sensitive.Membership[i] && d.Labels[i] == 1));
        Assert.Equal(["X1MTHID", "X1MTHUTI", "X1MTHEFF", "X1SCHOOLBEL", "X1PAR1EDU", "X1PAR2EDU", "X1FAMINCOME",
            "X1PAR1EMP", "X1PAR2EMP", "sexbin", "group"],
            d.Features.Select(f => f.Name));
        Assert.DoesNotContain(d.Features, f => f.Name is "SY" or "grade" or "racebin" or "orig_row");
    }
}
