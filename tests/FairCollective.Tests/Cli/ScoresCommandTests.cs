using FairCollective.Experiments.Running;

namespace FairCollective.Tests.Cli;

/// <summary>`faircollective scores` writes what the post-processors see, deterministically.</summary>
[Trait(TestKind.Name, TestKind.Integration)]
public sealed class ScoresCommandTests : IDisposable
{
    private readonly CliSandbox _box = new();

    [Fact]
    public void WritesTheValidationAndTestScoresOfTheBaseModel()
    {
        var file = _box.PathOf("toy.csv");
        var (exit, stdout, stderr) = CliSandbox.Run("scores", "toy", "--seed", "2", "--validation-fraction", "0.2",
            "-o", file);
        Assert.True(exit == 0, stderr);
        var expected = BaseScores.Of("toy", 2, 0.3, 0.2);
        Assert.Equal(expected.ToCsv(), File.ReadAllText(file));
        Assert.Contains($"sha256 {expected.Sha256()}", stdout);
        var lines = File.ReadAllLines(file);
        Assert.Equal("split,label,minority,score,prediction", lines[0]);
        Assert.Equal(expected.FitScores.Length, lines.Count(l => l.StartsWith("validation,",
            StringComparison.Ordinal)));
        Assert.Equal(expected.TestScores.Length, lines.Count(l => l.StartsWith("test,", StringComparison.Ordinal)));
        // 200 toy rows: 30% test and 20% validation (stratified, so within a row or two of 60 and 40).
        Assert.InRange(expected.TestScores.Length, 58, 62);
        Assert.InRange(expected.FitScores.Length, 38, 42);
        // Without a validation split the post-processors' rows are the training rows.
        Assert.Equal("training", BaseScores.Of("toy", 2).FitSplit);
    }

    public void Dispose() => _box.Dispose();
}
