using System.Reflection;
using FairCollective.Tests.Reporting.Browser;
using FairCollective.Tests.Scaling;

namespace FairCollective.Tests.Architecture;

/// <summary>Every test class names exactly one kind (<see cref="TestKind"/>), so that a run by kind leaves none
/// out.</summary>
[Trait(TestKind.Name, TestKind.Unit)]
public class TestKindTests
{
    private static IEnumerable<Type> TestClasses() => typeof(TestKind).Assembly.GetTypes()
        .Where(t
            => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static |
            BindingFlags.DeclaredOnly)
            .Any(m => m.GetCustomAttributes<FactAttribute>(inherit: true).Any()));

    private static string[] KindsOn(MemberInfo member) => member.GetCustomAttributesData()
        .Where(a => a.AttributeType == typeof(TraitAttribute)
            && (string?)a.ConstructorArguments[0].Value == TestKind.Name)
        .Select(a => (string)a.ConstructorArguments[1].Value!).ToArray();

    [Fact]
    public void EveryTestClassHasExactlyOneKnownKindAndNoTestOverridesIt()
    {
        var classes = TestClasses().ToArray();
        Assert.True(classes.Length > 100, $"found only {classes.Length} test classes");
        var wrong = classes.Where(c => KindsOn(c) is not [var kind] || !TestKind.All.Contains(kind))
            .Select(c => $"{c.FullName}: [{string.Join(", ", KindsOn(c))}]").ToArray();
        Assert.True(wrong.Length == 0, "classes without exactly one known kind:\n" + string.Join("\n", wrong));
        var onMethods = classes.SelectMany(c => c.GetMethods()).Where(m => KindsOn(m).Length > 0).Select(m
            => $"{m.DeclaringType}.{m.Name}");
        Assert.Empty(onMethods);
    }

    [Fact]
    public void TestsThatNeedABrowserOrAClusterAreOfThatKind()
    {
        foreach (var (attribute, kind) in new[] { (typeof(BrowserFactAttribute), TestKind.Browser),
            (typeof(SlurmFactAttribute), TestKind.Cluster) })
        {
            var users = TestClasses().Where(c => c.GetMethods().Any(m
                => m.GetCustomAttribute(attribute) is not null)).ToArray();
            Assert.NotEmpty(users);
            Assert.All(users, c => Assert.Equal([kind], KindsOn(c)));
        }
    }
}
