using FairCollective.Data;
using FairCollective.Experiments.Specs;

namespace FairCollective.Tests.Data.Sources;

/// <summary>
/// Public data sets load as shipped, through a dataset spec alone: german.data (blank-separated, no header),
/// law_school_clean.csv (a numeric label written 1.0) and bank-full-clean.csv (a group derived from age). The
/// expected counts were computed from the files with awk and Python's csv module, independently of this code
/// (row counts as in each folder's SOURCE.md). The example specs under docs/experiments/datasets give the same.
/// </summary>
[Trait(TestKind.Name, TestKind.Integration)]
public class PublicFileSpecTests
{
    private const string German = "datasets/german_credit/german.data";
    private const string Law = "datasets/law_school/law_school_clean.csv";
    private const string Bank = "datasets/bank_marketing/bank-full-clean.csv";

    private const string GermanSpec = """
        separator: whitespace
        header: false
        columns: [checking_status, duration, credit_history, purpose, credit_amount, savings, employment_since,
                  installment_rate, personal_status_sex, other_debtors, residence_since, property, age,
                  other_installment_plans, housing, existing_credits, job, people_liable, telephone, foreign_worker,
                  class]
        derived:
          - {name: sex, expression: "personal_status_sex in ('A92', 'A95') ? 'female' : 'male'"}
          - {name: young, expression: "age < 25"}
        label: {column: class, favourable: [1], unfavourable: [2]}
        sensitive: {columns: [sex], minority: [female]}
        """;

    private const string LawSpec = """
        label: {column: pass_bar, favourable: [1], unfavourable: [0]}
        sensitive: {columns: [race], minority: [Non-White]}
        """;

    private const string BankSpec = """
        derived:
          - {name: age_group, expression: "age < 25 or age > 60 ? 'young_or_old' : 'middle'"}
        label: {column: y, favourable: ["yes"], unfavourable: ["no"]}
        sensitive: {columns: [age_group], minority: [young_or_old]}
        """;

    private static Dataset LoadWithSpec(string relativeFile, string spec)
    {
        using var dir = new TempDirectory();
        return DatasetSpecFile.LoadData(dir.Write("spec.yaml", $"path: {SharedData.File(relativeFile)}\n{spec}"));
    }

    /// <summary>Rows, positives, then (rows, positives) of the minority.</summary>
    private static (int Rows, int Positives, int MinorityRows, int MinorityPositives) Counts(Dataset d)
    {
        var a = d.Sensitive.Membership.ToArray();
        return (d.RowCount, d.Labels.Sum(), a.Count(m => m), d.Labels.Where((_, i) => a[i]).Sum());
    }

    [RequiresSharedDataFact(German)]
    public void GermanCreditAsShipped()
    {
        // awk '{print NF}' german.data: 21 fields on all 1,000 lines; $21: 1 = 700, 2 = 300;
        // $9 in (A92, A95): 310 rows (A92 310, A95 none), 201 of them with class 1; $13 < 25: 149 rows.
        var d = LoadWithSpec(German, GermanSpec);
        Assert.Equal((1_000, 700, 310, 201), Counts(d));
        Assert.Equal(["female", "male"], d.Sensitive.Groups);
        Assert.Equal(22, d.Features.Count); // the 20 attributes (all but the label) and the two derived columns
        Assert.Equal(FeatureKind.Numeric, d.Features.Single(f => f.Name == "credit_amount").Kind);
        Assert.Equal(149, d.Features.Single(f => f.Name == "young").Categories!.Count(c => c == "true"));
        Assert.Equal(1169.0, d.Features.Single(f
            => f.Name == "credit_amount").Numbers![0]); // line 1: A11 6 A34 A43 1169 ...
    }

    [RequiresSharedDataFact(Law)]
    public void LawSchoolAsShippedWithItsNumericLabel()
    {
        // Python csv: pass_bar 1.0 = 18,505, 0.0 = 2,293; race Non-White = 3,307 (2,391 passed), White = 17,491.
        var d = LoadWithSpec(Law, LawSpec);
        Assert.Equal((20_798, 18_505, 3_307, 2_391), Counts(d));
        Assert.Equal(["Non-White", "White"], d.Sensitive.Groups);
        Assert.Equal(11, d.Features.Count);
    }

    [RequiresSharedDataFact(Bank)]
    public void BankMarketingAsShippedWithAGroupDerivedFromAge()
    {
        // Python csv: y yes = 4,667, no = 35,337; age < 25 or > 60: 1,797 rows (612 yes), the others 38,207.
        var d = LoadWithSpec(Bank, BankSpec);
        Assert.Equal((40_004, 4_667, 1_797, 612), Counts(d));
        Assert.Equal(["middle", "young_or_old"], d.Sensitive.Groups);
        Assert.Equal(17, d.Features.Count); // 16 columns and age_group, less the label
    }

    [RequiresSharedDataFact(German, Law, Bank)]
    public void TheDocumentedExampleSpecsLoadTheSameData()
    {
        string folder = Path.Combine(Experiments.ExampleSpecTests.Folder(), "datasets");
        foreach (var (spec, file, expected) in new[]
                 {
                     ("german-credit", German, (1_000, 700, 310, 201)),
                     ("law-school", Law, (20_798, 18_505, 3_307, 2_391)),
                     ("bank-marketing", Bank, (40_004, 4_667, 1_797, 612)),
                 })
        {
            string path = Path.Combine(folder, spec + ".dataset.yaml");
            // The spec's own path points at shared/ beside the repository; the file given here is the same file.
            Assert.EndsWith("shared/" + file, DatasetSpecFile.Read(path).Path);
            var d = DatasetSpecFile.LoadData(path, SharedData.File(file));
            Assert.Equal(spec, d.Name);
            Assert.Equal(expected, Counts(d));
        }
    }
}
