using FairCollective.Experiments.Planning;
using FairCollective.Reporting.Planning;
using FairCollective.Tests.Cli;

namespace FairCollective.Tests.Planning;

/// <summary>The planner's validation against the real firm: its cases' invariants and the command's files.</summary>
[Trait(TestKind.Name, TestKind.Integration)]
public class PlanValidationTests
{
    [Fact]
    public void EveryCaseComparesThePlanWithTheRealFirmAtEveryBudget()
    {
        var options = new PlanValidationOptions
        {
            Datasets = ["compas"], Seeds = [0], Alphas = [0.3],
            MajorityRows = [null, 0], Replicates = 10, MaxDegreeOfParallelism = 2
        };
        var cases = PlanValidation.Run(options);
        Assert.Equal(2, cases.Count);
        Assert.Equal(new int?[] { null, 0 }, cases.Select(c => c.MajorityRows));
        // Both cases share the split and the collective, so the real firm without action is the same.
        Assert.Equal(cases[0].AchievedBaseEqOd, cases[1].AchievedBaseEqOd);
        Assert.All(cases, c =>
        {
            Assert.Equal("compas", c.Dataset);
            Assert.Equal(11, c.BudgetsCompared);
            Assert.InRange(c.BudgetsCovered, 0, 11);
            // The best budget in hindsight is at least as fair as the planner's, so the gap is never negative.
            Assert.True(c.BestEqOd <= c.AchievedEqOd);
            Assert.True(c.Gap >= 0);
            Assert.True(c.PredictedEqOdLow <= c.PredictedEqOd && c.PredictedEqOd <= c.PredictedEqOdHigh);
            Assert.Equal(c.PredictedEqOd <= c.Target, c.SaidReachable);
            Assert.True(c.Flips <= c.Pool && c.Pool <= c.Members);
        });
        // The same options give the same cases whatever the thread count (plan times aside).
        var again = PlanValidation.Run(options with { MaxDegreeOfParallelism = 1 });
        Assert.Equal(cases.Select(c => c with { PlanSeconds = 0 }), again.Select(c => c with { PlanSeconds = 0 }));
    }

    [Fact]
    public void ReproducePlanValidationWritesItsPageAndCases()
    {
        using var box = new CliSandbox();
        var dir = box.PathOf("pv");
        var (exit, stdout, stderr) = CliSandbox.Run("reproduce", "plan-validation", "--quick", "--datasets", "compas",
            "-o", dir);
        Assert.True(exit == 0, stderr);
        Assert.Contains("Planner validation: how far its answers can be trusted", stdout);
        var rows = File.ReadAllLines(Path.Combine(dir, PlanValidationReport.CasesFileName));
        // Quick: 2 seeds x 2 alphas x 4 majority samples on one data set.
        Assert.Equal(16, rows.Length - 1);
        Assert.StartsWith("dataset,seed,alpha,majority_rows,", rows[0]);
        Assert.True(File.Exists(Path.Combine(dir, "figures", PlanValidationReport.FigureName + ".png")));
        Assert.Contains("data-figure=\"plan-validation\"", File.ReadAllText(Path.Combine(dir,
            PlanValidationReport.HtmlFileName)));
    }

    [Fact]
    public void PlanValidationRefusesOptionsItDoesNotUse()
    {
        var (exit, _, stderr) = CliSandbox.Run("reproduce", "plan-validation", "--learners", "mlp");
        Assert.Equal(2, exit);
        Assert.Contains("--learners: plan-validation checks the planner against the paper's firm (logistic) only",
            stderr);
    }
}
