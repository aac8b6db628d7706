using System.Text.Json;
using FairCollective.Common;
using FairCollective.Data;
using FairCollective.Data.Sources;

namespace FairCollective.Tests.Data.Sources;

[Trait(TestKind.Name, TestKind.Unit)]
public class CompasLoaderTests
{
    [Fact]
    public void ProPublicaFiltersKeep6172RowsAnd5278WithTheTwoRaces()
    {
        var all = CompasLoader.LoadBundled(CompasOptions.Default with { Races = null });
        Assert.Equal(6172, all.RowCount);
        var two = CompasLoader.LoadBundled();
        Assert.Equal(5278, two.RowCount);
        Assert.Equal(3175, two.Sensitive.GroupOfRow.Count(g => g == "African-American"));
        Assert.Equal(2103, two.Sensitive.GroupOfRow.Count(g => g == "Caucasian"));
        Assert.Equal(3175, two.Sensitive.Membership.Count(a => a));
    }

    [Fact]
    public void FeaturesAreTheDefendantsRecordNeverScoresOrNames()
    {
        var d = CompasLoader.LoadBundled();
        Assert.Equal(["sex", "age", "juv_fel_count", "juv_misd_count", "juv_other_count", "priors_count",
            "c_charge_degree", "age_cat", "race"],
            d.Features.Select(f => f.Name));
        Assert.Equal([FeatureKind.Categorical, FeatureKind.Numeric, FeatureKind.Numeric, FeatureKind.Numeric,
            FeatureKind.Numeric,
            FeatureKind.Numeric, FeatureKind.Categorical, FeatureKind.Categorical,
                FeatureKind.Categorical], d.Features.Select(f => f.Kind));
        var noRace = CompasLoader.LoadBundled(CompasOptions.Default with { RaceAsFeature = false });
        Assert.DoesNotContain(noRace.Features, f => f.Name == "race");
        Assert.Equal("race", noRace.Sensitive.Name);
    }

    // logistic_regression.json's compas case stores the raw integer design and the row ids of the same recipe.
    [Fact]
    public void RowsAndValuesEqualTheScikitLearnReferenceDesign()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(ReferenceData.PathOf("logistic_regression.json")));
        var c = doc.RootElement.GetProperty("cases").EnumerateArray().Single(x
            => x.GetProperty("name").GetString() == "compas_standardised");
        var compas = c.GetProperty("compas");
        var rowIds = compas.GetProperty("row_ids").EnumerateArray().Select(e => e.GetInt32().ToString()).ToArray();
        var raw = compas.GetProperty("raw_matrix").EnumerateArray().Select(r => r.EnumerateArray().Select(v
            => v.GetDouble()).ToArray()).ToArray();
        var caucasian = compas.GetProperty("race_caucasian").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        var y = c.GetProperty("inputs").GetProperty("y").EnumerateArray().Select(e => e.GetInt32()).ToArray();

        var d = CompasLoader.LoadBundled();
        Assert.Equal(rowIds, d.Ids);
        Assert.Equal(y, d.Labels);
        Column(d, "sex", out var sex);
        Column(d, "c_charge_degree", out var degree);
        Column(d, "age_cat", out var ageCat);
        string[] numeric = ["age", "juv_fel_count", "juv_misd_count", "juv_other_count", "priors_count"];
        string[] ageLevels = ["25 - 45", "Greater than 45", "Less than 25"];
        for (int i = 0; i < d.RowCount; i++)
        {
            // reference columns: sex_male, 5 numeric, c_charge_degree_F, age_cat one-hot (sorted levels)
            var r = raw[i];
            Assert.Equal(r[0], sex[i] == "Male" ? 1 : 0);
            for (int j = 0; j < numeric.Length; j++) Assert.Equal(r[1 + j], d.Features.Single(f
                => f.Name == numeric[j]).Numbers![i]);
            Assert.Equal(r[6], degree[i] == "F" ? 1 : 0);
            for (int k = 0; k < ageLevels.Length; k++) Assert.Equal(r[7 + k], ageCat[i] == ageLevels[k] ? 1 : 0);
            Assert.Equal(caucasian[i] == 1, d.Sensitive.GroupOfRow[i] == "Caucasian");
        }
    }

    [Fact]
    public void PaperFaithfulPresetHasCaucasianActingAndRecidivismAsOne()
    {
        var fav = CompasLoader.LoadBundled();
        var paper = CompasLoader.LoadBundled(CompasOptions.PaperFaithful);
        Assert.Equal(fav.Labels.Select(y => 1 - y), paper.Labels);
        Assert.Equal(2103, paper.Sensitive.Membership.Count(a => a));
        Assert.Equal(["Caucasian"], paper.Sensitive.MinorityGroups);
        // Published base rates of two-year recidivism (ProPublica): about 0.52 African-American, 0.39 Caucasian.
        Assert.InRange(BaseRate(paper, "African-American"), 0.50, 0.54);
        Assert.InRange(BaseRate(paper, "Caucasian"), 0.37, 0.41);
    }

    [Fact]
    public void AMinorityThatIsNotPresentIsAUserError()
    {
        var e = Assert.Throws<UserInputException>(()
            => CompasLoader.LoadBundled(CompasOptions.Default with { MinorityGroup = "Asian" }));
        Assert.Equal("bundled compas/compas-scores-two-years.csv.gz: minority 'Asian' of 'race' has no rows (groups " +
            "present: 'African-American', 'Caucasian')", e.Message);
    }

    internal static double BaseRate(Dataset d, string group)
    {
        int n = 0, pos = 0;
        for (int i = 0; i < d.RowCount; i++)
            if (d.Sensitive.GroupOfRow[i] == group) { n++; pos += d.Labels[i]; }
        return (double)pos / n;
    }

    private static void Column(Dataset d, string name, out string?[] values) => values = d.Features.Single(f
        => f.Name == name).Categories!;
}
