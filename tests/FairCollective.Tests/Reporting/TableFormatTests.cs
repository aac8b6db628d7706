using FairCollective.Experiments.Summaries;
using FairCollective.Reporting.Tables;

namespace FairCollective.Tests.Reporting;

/// <summary>The report's number formats say what they cannot measure instead of showing a made-up figure.</summary>
[Trait(TestKind.Name, TestKind.Unit)]
public class TableFormatTests
{
    [Fact]
    public void OneSeedShowsNoSpreadRatherThanAZeroOne()
    {
        Assert.Equal("n/a", TableFormat.MeanStd(SeedStats.Of([])));
        Assert.Equal("-0.0261 (one seed)", TableFormat.MeanStd(SeedStats.Of([-0.0261])));
        Assert.Equal("0.3000 ± 0.0000", TableFormat.MeanStd(SeedStats.Of([0.3, 0.3])));
        Assert.Equal("0.0600 ± 0.0141", TableFormat.MeanStd(SeedStats.Of([0.05, 0.07])));
    }
}
