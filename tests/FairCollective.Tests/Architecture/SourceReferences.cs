using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FairCollective.Tests.Architecture;

/// <summary>
/// Which namespace refers to which in C# source, from the compiler's own binding (Roslyn): every <c>using</c> directive
/// naming a namespace, and every name that binds to a type or a member of one. It sees what the compiled code cannot:
/// constants and enum values the compiler copies into the caller, and usings of namespaces never used.
/// </summary>
public static class SourceReferences
{
    /// <summary>The product's source files (src/, no build outputs) with the implicit global usings of the
    /// SDK.</summary>
    public static IReadOnlyList<SyntaxTree> ProductTrees()
    {
        string src = Path.Combine(LayerOrder.Root(), "src");
        var files = Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            .Order(StringComparer.Ordinal);
        return files.Select(f => Parse(File.ReadAllText(f), Path.GetRelativePath(LayerOrder.Root(), f))).ToArray();
    }

    /// <summary>One file's syntax tree, parsed as the product's projects parse it.</summary>
    public static SyntaxTree Parse(string text, string path) =>
        CSharpSyntaxTree.ParseText(text, new CSharpParseOptions(LanguageVersion.Preview), path);

    // The SDK's implicit usings (ImplicitUsings=enable in Directory.Build.props).
    private const string GlobalUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;
        """;

    /// <summary>From namespace -> to namespace -> "file:line: name" of one place it arises, the trees compiled together
    /// against the runtime and the packages beside the tests.</summary>
    /// <param name="trees">What is compiled.</param>
    /// <param name="scan">The trees whose references are read; all of <paramref name="trees"/> when null.</param>
    public static Dictionary<string, Dictionary<string, string>> Of(IReadOnlyList<SyntaxTree> trees,
        IReadOnlyList<SyntaxTree>? scan = null)
    {
        var compilation = CSharpCompilation.Create("FairCollective.Source", trees.Append(Parse(GlobalUsings,
            "GlobalUsings.cs")), References(),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true,
                nullableContextOptions: NullableContextOptions.Enable));
        // Each tree bound on its own (a compilation answers from several threads), the examples then taken in file
        // order so that the same source always gives the same messages.
        var perTree = (scan ?? trees).AsParallel().AsOrdered().Select(tree => ReferencesOf(tree,
            compilation.GetSemanticModel(tree))).ToArray();
        var graph = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        foreach (var (from, to, where) in perTree.SelectMany(r => r)) NamespaceGraph.Edges(graph, from).TryAdd(to,
            where);
        return graph;
    }

    /// <summary>(from, to, where) for every name in <paramref name="tree"/> that refers from one product namespace to
    /// another.</summary>
    private static List<(string From, string To, string Where)> ReferencesOf(SyntaxTree tree, SemanticModel model)
    {
        var found = new List<(string, string, string)>();
        var root = tree.GetCompilationUnitRoot();
        string? fileNamespace =
            root.DescendantNodes().OfType<BaseNamespaceDeclarationSyntax>().FirstOrDefault()?.Name.ToString();
        foreach (var name in root.DescendantNodes().OfType<SimpleNameSyntax>())
        {
            // The nearest namespace declaration: the one whose own name this may be part of (skipped), else the one it
            // is in.
            var declaration = name.Ancestors().OfType<BaseNamespaceDeclarationSyntax>().FirstOrDefault();
            if (declaration is not null && declaration.Name.Span.Contains(name.Span)) continue;
            string? from = NamespaceGraph.ProductNamespace(declaration?.Name.ToString() ?? fileNamespace);
            if (from is null || NamespaceGraph.ProductNamespace(TargetNamespace(name, model)) is not { } to
                || to == from) continue;
            int line = name.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
            found.Add((from, to, $"{tree.FilePath}:{line}: {name.Parent}"));
        }
        return found;
    }

    /// <summary>The namespace <paramref name="name"/> makes its file depend on: that of the type it names or whose
    /// member it names, or the namespace a using directive names in full; null for anything else.</summary>
    private static string? TargetNamespace(SimpleNameSyntax name, SemanticModel model)
    {
        var info = model.GetSymbolInfo(name);
        var symbol = info.Symbol ?? info.CandidateSymbols.FirstOrDefault();
        if (symbol is IAliasSymbol alias) symbol = alias.Target;
        switch (symbol)
        {
            case INamespaceSymbol ns:
                // Only the whole name in a using directive: its left parts (FairCollective in FairCollective.Data) and
                // qualifiers of type names say nothing the type itself does not.
                SyntaxNode whole = name;
                while (whole.Parent is QualifiedNameSyntax q && q.Right == whole) whole = q;
                return whole.Parent is UsingDirectiveSyntax ? ns.ToDisplayString() : null;
            case ITypeSymbol type:
                return OuterNamespace(type);
            case IMethodSymbol or IFieldSymbol or IPropertySymbol or IEventSymbol:
                return symbol.ContainingType is { } owner ? OuterNamespace(owner) : null;
            default:
                return null;
        }
    }

    private static string? OuterNamespace(ITypeSymbol type)
    {
        while (type is IArrayTypeSymbol or IPointerTypeSymbol)
            type = type is IArrayTypeSymbol a ? a.ElementType : ((IPointerTypeSymbol)type).PointedAtType;
        return type.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() : null;
    }

    /// <summary>The runtime's assemblies and every other assembly beside the tests but the product's own.</summary>
    private static IEnumerable<MetadataReference> References()
    {
        var paths = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator).ToList();
        var names = paths.Select(Path.GetFileName).ToHashSet(StringComparer.OrdinalIgnoreCase);
        paths.AddRange(Directory.GetFiles(AppContext.BaseDirectory, "*.dll").Where(p
            => !names.Contains(Path.GetFileName(p))));
        return paths.Where(p => !Path.GetFileName(p).StartsWith("FairCollective", StringComparison.Ordinal))
            .Select(p => MetadataReference.CreateFromFile(p));
    }
}
