using FairCollective.Common;
using FairCollective.Learning.Mlp;

namespace FairCollective.Tests.Learning;

[Trait(TestKind.Name, TestKind.Unit)]
public class MlpTests
{
    [Fact]
    public void TwoHiddenLayersLearnTheSeparableProblem()
    {
        var (x, y) = TrainerContractTests.Problem(600, 1);
        var (tx, ty) = TrainerContractTests.Problem(1000, 2);
        var model = new MlpTrainer(new MlpOptions { HiddenLayerSizes = [32, 16] }).FitModel(x, y);
        Assert.Equal(new[] { 32, 16 }, model.HiddenLayerSizes);
        double accuracy = ((FairCollective.Learning.IClassifier)model).Predict(tx).Zip(ty, (a, b)
            => a == b ? 1.0 : 0.0).Average();
        Assert.True(accuracy > 0.9, $"accuracy {accuracy:F3}");
        Assert.InRange(model.Epochs, 1, MlpOptions.DefaultMaxEpochs);
    }

    [Fact]
    public void TheSeedChangesTheFit()
    {
        var (x, y) = TrainerContractTests.Problem(300, 1);
        var a = new MlpTrainer(new MlpOptions { Seed = 1 }).Fit(x, y).PredictProba(x);
        var b = new MlpTrainer(new MlpOptions { Seed = 2 }).Fit(x, y).PredictProba(x);
        Assert.NotEqual(a, b);
    }

    [Fact]
    public void StopsAtMaxEpochsWithoutEarlyStopping()
    {
        var (x, y) = TrainerContractTests.Problem(200, 1);
        var model = new MlpTrainer(new MlpOptions { EarlyStopping = false, MaxEpochs = 3 }).FitModel(x, y);
        Assert.Equal(3, model.Epochs);
    }

    public static IEnumerable<object[]> BadOptions =>
    [
        [new MlpOptions { HiddenLayerSizes = [] }],
        [new MlpOptions { HiddenLayerSizes = [8, 8, 8] }],
        [new MlpOptions { HiddenLayerSizes = [0] }],
        [new MlpOptions { LearningRate = 0 }],
        [new MlpOptions { Beta1 = 1 }],
        [new MlpOptions { L2Penalty = -1 }],
        [new MlpOptions { BatchSize = 0 }],
        [new MlpOptions { ValidationFraction = 1 }],
        [new MlpOptions { Patience = 0 }],
    ];

    [Theory]
    [MemberData(nameof(BadOptions))]
    public void RefusesBadOptions(MlpOptions options) =>
        Assert.Throws<UserInputException>(() => new MlpTrainer(options));
}
