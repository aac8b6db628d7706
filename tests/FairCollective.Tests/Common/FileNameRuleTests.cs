using FairCollective.Common;
using FairCollective.Experiments.Running;

namespace FairCollective.Tests.Common;

/// <summary>The one rule for names that become file or folder names: each way out of the folder is refused, ordinary
/// names pass as they are.</summary>
[Trait(TestKind.Name, TestKind.Unit)]
public class FileNameRuleTests
{
    [Theory]
    [InlineData("", "it is empty")]
    [InlineData(".", "'.' is the folder itself")]
    [InlineData("..", "'..' is the parent folder")]
    [InlineData("../x", "it contains the path separator '/'")]
    [InlineData("/tmp/x", "it contains the path separator '/'")]
    [InlineData("a\\b", "it contains the path separator '\\'")]
    [InlineData("C:x", "it contains ':' (a drive or stream separator on Windows)")]
    [InlineData("a\nb", "it contains the control character U+000A")]
    [InlineData("a\0", "it contains the control character U+0000")]
    [InlineData("a?b", "it contains '?', which Windows does not allow in a file name")]
    [InlineData("data.", "it ends in a dot or a space (Windows drops them)")]
    [InlineData("data ", "it ends in a dot or a space (Windows drops them)")]
    [InlineData("NUL", "'NUL' is a device name on Windows")]
    [InlineData("com1.csv", "'com1' is a device name on Windows")]
    [InlineData("lpt9", "'lpt9' is a device name on Windows")]
    public void RefusesWhatWouldLeaveOrMisnameTheFolder(string name, string problem)
    {
        Assert.Equal(problem, FileNameRule.Problem(name));
        var e = Assert.Throws<UserInputException>(() => FileNameRule.Check(name, "s.yaml: name"));
        Assert.StartsWith("s.yaml: name '", e.Message);
        Assert.EndsWith($"' cannot be a file or folder name: {problem}", e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Theory]
    [InlineData("compas")]
    [InlineData("acs-az")]
    [InlineData("synthetic(weight_norm=0.5, bias_gap=2)")]
    [InlineData("my survey 2024")]
    [InlineData(".hidden")]
    [InlineData("...x")]
    [InlineData("console")]
    [InlineData("Straße")]
    public void OrdinaryNamesPassUnchanged(string name)
    {
        Assert.Null(FileNameRule.Problem(name));
        Assert.Equal(Path.Combine("root", name), FileNameRule.Join("root", name, "dataset name"));
    }

    [Fact]
    public void NamesAreBoundedInBytesNotCharacters()
    {
        Assert.Null(FileNameRule.Problem(new string('a', FileNameRule.MaxBytes)));
        Assert.Equal("it is 201 bytes long, more than the limit of 200", FileNameRule.Problem(new string('a',
            FileNameRule.MaxBytes + 1)));
        Assert.Equal("it is 202 bytes long, more than the limit of 200", FileNameRule.Problem(new string('ß', 101)));
    }

    [Fact]
    public void TheRandomnessFolderOfADatasetIsItsNameOrARefusal()
    {
        // Was rewritten character by character, which let '..' through (rnd/../seed-0) and gave 'a b' and 'a_b' one
        // folder.
        Assert.Equal(Path.Combine("rnd", "a b", "seed-3"), RandomnessFiles.Folder("rnd", "a b", 3));
        Assert.NotEqual(RandomnessFiles.Folder("rnd", "a_b", 3), RandomnessFiles.Folder("rnd", "a b", 3));
        Assert.Equal("dataset name '..' cannot be a file or folder name: '..' is the parent folder",
            Assert.Throws<UserInputException>(() => RandomnessFiles.Folder("rnd", "..", 0)).Message);
    }
}
