using FairCollective.Tests.Experiments;
using YamlDotNet.RepresentationModel;

namespace FairCollective.Tests.Scaling;

/// <summary>
/// The Kubernetes manifests cannot run here (no cluster); what can be checked is checked: they parse, the sweep is an
/// Indexed Job whose completions equal the shard count its pods are told, and its pods run --shard env.
/// </summary>
[Trait(TestKind.Name, TestKind.Unit)]
public class KubernetesManifestTests
{
    private static IReadOnlyList<YamlMappingNode> Documents(string file)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(Path.Combine(ExampleSpecTests.Folder(), "..", "..", "deploy",
            "kubernetes", file))));
        return stream.Documents.Select(d => (YamlMappingNode)d.RootNode).ToArray();
    }

    private static YamlNode At(YamlNode node, params string[] path) =>
        path.Aggregate(node, (n, key) => n is YamlSequenceNode seq ? seq.Children[int.Parse(key,
            System.Globalization.CultureInfo.InvariantCulture)] : ((YamlMappingNode)n).Children[new
            YamlScalarNode(key)]);

    [Fact]
    public void TheSweepIsAnIndexedJobWhosePodsKnowTheShardCount()
    {
        var job = Documents("sweep-job.yaml").Single(d => At(d, "kind").ToString() == "Job");
        Assert.Equal("Indexed", At(job, "spec", "completionMode").ToString());
        string completions = At(job, "spec", "completions").ToString();
        var container = At(job, "spec", "template", "spec", "containers", "0");
        var env = ((YamlSequenceNode)At(container, "env")).Children.Cast<YamlMappingNode>().ToDictionary(e => At(e,
            "name").ToString(), e => At(e, "value").ToString());
        Assert.Equal(completions, env[FairCollective.Experiments.Running.Shard.CountVariable]);
        Assert.Contains("--shard env", At(container, "args", "0").ToString(), StringComparison.Ordinal);
        Assert.Contains("${JOB_COMPLETION_INDEX}", At(container, "args", "0").ToString(), StringComparison.Ordinal);
        var merge = Documents("merge-job.yaml").Single();
        Assert.Contains("results merge /results/merged.sqlite /results/shard-*.sqlite", At(merge, "spec", "template",
            "spec", "containers", "0", "args", "0").ToString(), StringComparison.Ordinal);
    }
}
