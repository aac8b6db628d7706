using FairCollective.Common;
using FairCollective.Data;
using FairCollective.Learning.Catalog;

namespace FairCollective.Tests.Learning;

/// <summary>The finiteness check of every fit and prediction: any non-finite value, in any vector lane or the tail, is
/// refused naming its row and column.</summary>
[Trait(TestKind.Name, TestKind.Unit)]
public class FiniteFeatureTests
{
    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void EveryPositionOfABadValueIsFoundAndNamed(double bad)
    {
        var trainer = LearnerCatalog.Create(LearnerCatalog.Logistic, new LearnerSettings(), seed: 0);
        // 7 columns x 11 rows = 77 values: not a multiple of any vector width, so the tail is tested too.
        const int rows = 11, cols = 7;
        var y = Enumerable.Range(0, rows).Select(i => i % 2).ToArray();
        var model = trainer.Fit(new DesignMatrix(rows, cols, Enumerable.Range(0, rows * cols).Select(k
            => (k % 5) - 2.0).ToArray()), y);
        for (int k = 0; k < rows * cols; k++)
        {
            var data = Enumerable.Range(0, rows * cols).Select(j => (j % 5) - 2.0).ToArray();
            data[k] = bad;
            var x = new DesignMatrix(rows, cols, data);
            string expected =
                $"feature 'x{k % cols}' (column {k % cols}) of row {k / cols} is {bad}; features must be finite.";
            Assert.EndsWith(expected, Assert.Throws<UserInputException>(() => trainer.Fit(x, y)).Message,
                StringComparison.Ordinal);
            Assert.EndsWith(expected, Assert.Throws<UserInputException>(() => model.PredictProba(x)).Message,
                StringComparison.Ordinal);
        }
    }
}
