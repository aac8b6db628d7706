using System.Security.Cryptography;
using FairCollective.Data;

namespace FairCollective.Tests.Data;

[Trait(TestKind.Name, TestKind.Unit)]
public class EmbeddedDataTests
{
    // Decompressed checksums from data/SOURCE.md: the bundled copies are byte-identical to the upstream files.
    [Theory]
    [InlineData("compas/compas-scores-two-years.csv.gz",
        "c451db85908b2f7fef1d83203bedf6b71ecda0d5af468d82ae62178f91d0cc7d")]
    [InlineData("adult/adult.data.gz", "5b00264637dbfec36bdeaab5676b0b309ff9eb788d63554ca0a249491c86603d")]
    [InlineData("adult/adult.test.gz", "a2a9044bc167a35b2361efbabec64e89d69ce82d9790d2980119aac5fd7e9c05")]
    [InlineData("acs_income/ACSIncome_2018_AZ.csv.gz",
        "3572705c4e9d113ac41758ce2fb3a9118980c98af576517253fecafc2d3186ee")]
    [InlineData("acs_income/ACSIncome_2018_UT.csv.gz",
        "16e86bd9ce4fdd05d6b10efb0d444e12ea0b75f61774350952bc9e171c8b335e")]
    [InlineData("acs_income/ACSIncome_2018_WY.csv.gz",
        "32e073619b6a78384e9b6b51572f55a7cb8e9dfd46578c7ca0a50d66068d03c8")]
    public void BundledFileMatchesUpstreamChecksum(string name, string sha256)
    {
        using var s = EmbeddedData.Open(name);
        Assert.Equal(sha256, Convert.ToHexStringLower(SHA256.HashData(s)));
    }

    [Fact]
    public void UnknownNameIsAUserError()
    {
        var e = Assert.Throws<FairCollective.Common.UserInputException>(() => EmbeddedData.Open("nope.csv"));
        Assert.Contains("nope.csv", e.Message);
    }
}
