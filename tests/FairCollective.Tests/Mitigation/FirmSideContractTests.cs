using FairCollective.Common;
using FairCollective.Data.Encoding;
using FairCollective.Data.Splitting;
using FairCollective.Data.Synthetic;
using FairCollective.Learning.Catalog;
using FairCollective.Mitigation.FirmSide;

namespace FairCollective.Tests.Mitigation;

/// <summary>
/// The contract of every method in <see cref="FirmSideCatalog.All"/>, read from the catalog (no hand list): on the
/// bundled toy data, at each default knob and at 0 and 1, the method predicts one 0/1 label per test row (and, if
/// randomised, a probability in [0, 1] per row), deterministically for a seed; knobs outside [0, 1] are user errors.
/// </summary>
[Trait(TestKind.Name, TestKind.Unit)]
public class FirmSideContractTests
{
    private const int Seed = 11;

    private static readonly Lazy<FirmSideContext> Context = new(() =>
    {
        var toy = ToyData.Generate();
        var split = SplitPreparation.Prepare("toy", toy.Data, new EncoderOptions(), toy, Seed, testFraction: 0.3);
        var trainer = LearnerCatalog.Create(LearnerCatalog.Logistic, new LearnerSettings(), Seed);
        return new FirmSideContext(split, trainer, trainer.Fit(split.TrainX, split.TrainY), Seed);
    });

    /// <summary>Every (method, knob) pair: the method's default knobs plus both ends of [0, 1].</summary>
    public static TheoryData<string, double> MethodsAndKnobs()
    {
        var data = new TheoryData<string, double>();
        foreach (var method in FirmSideCatalog.All)
            foreach (double knob in method.DefaultKnobs.Concat([0.0, 1.0]).Distinct().Order())
                data.Add(method.Name, knob);
        return data;
    }

    /// <summary>Every method name in the catalog.</summary>
    public static TheoryData<string> Methods() => new(FirmSideCatalog.Names);

    [Theory]
    [MemberData(nameof(MethodsAndKnobs))]
    public void PredictsOneBinaryLabelPerTestRowDeterministically(string name, double knob)
    {
        var method = FirmSideCatalog.Get(name);
        var c = Context.Value;
        var outcome = method.Run(c, knob);
        Assert.Equal(c.Split.TestY.Length, outcome.Predicted.Length);
        Assert.All(outcome.Predicted, v => Assert.True(v is 0 or 1, $"{name} at {knob}: prediction {v}"));
        if (outcome.PositiveProbability is { } p)
        {
            Assert.Equal(c.Split.TestY.Length, p.Length);
            Assert.All(p, v => Assert.InRange(v, 0.0, 1.0));
        }
        var again = method.Run(c, knob);
        Assert.Equal(outcome.Predicted, again.Predicted);
        Assert.Equal(outcome.PositiveProbability, again.PositiveProbability);
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public void RefusesKnobsOutsideTheUnitInterval(string name)
    {
        var method = FirmSideCatalog.Get(name);
        foreach (double knob in new[] { -0.1, 1.1, double.NaN })
        {
            var ex = Assert.Throws<UserInputException>(() => method.Run(Context.Value, knob));
            Assert.DoesNotContain('\n', ex.Message);
        }
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public void IsDescribedAndFoundByItsNameInAnyCase(string name)
    {
        var method = FirmSideCatalog.Get(name.ToUpperInvariant());
        Assert.Equal(name, method.Name);
        Assert.False(string.IsNullOrWhiteSpace(method.KnobDescription));
        Assert.NotEmpty(method.DefaultKnobs);
        Assert.All(method.DefaultKnobs, k => Assert.InRange(k, 0.0, 1.0));
    }

    [Fact]
    public void NamesAreUniqueIgnoringCase() =>
        Assert.Equal(FirmSideCatalog.Names.Count,
            FirmSideCatalog.Names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
}
