using System.Globalization;
using System.Text;
using FairCollective.Common;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace FairCollective.Experiments.Specs;

/// <summary>
/// Bounds on every spec document (experiment specs and dataset specs, YAML or JSON), checked before the
/// document is parsed into a tree. YamlDotNet's representation model and deserializer recurse once per level of
/// nesting, so a document nested 50,000 deep overflowed the stack and killed the process; the check below walks
/// YamlDotNet's event stream, which is iterative, and stops at the first level too deep.
/// </summary>
public static class SpecDocument
{
    /// <summary>Largest spec document, in bytes (1 MiB): the longest example spec is under 2 KB.</summary>
    public const long MaxBytes = 1L << 20;

    /// <summary>Deepest nesting of lists and mappings: the specs need 4 levels, and 64 is far from any stack
    /// limit.</summary>
    public const int MaxDepth = 64;

    /// <summary>Reads the spec file at <paramref name="path"/> after checking its length against
    /// <see cref="MaxBytes"/>.</summary>
    public static string ReadFile(string path)
    {
        try
        {
            long length = new FileInfo(path).Length;
            if (length > MaxBytes) throw TooLarge(path, length);
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UserInputException($"{path}: cannot read ({e.Message})", e);
        }
    }

    /// <summary>
    /// Checks <paramref name="text"/> against <see cref="MaxBytes"/> (as UTF-8) and <see cref="MaxDepth"/>;
    /// <paramref name="source"/> names it in messages. Syntax errors are left to the parser proper, which reports
    /// them with their position (it can only meet them at a depth this check has allowed).
    /// </summary>
    public static void Check(string text, string source)
    {
        if (text.Length > MaxBytes || Encoding.UTF8.GetByteCount(text) > MaxBytes) throw TooLarge(source,
            Encoding.UTF8.GetByteCount(text));
        var parser = new Parser(new StringReader(text));
        int depth = 0;
        try
        {
            while (parser.MoveNext())
            {
                if (parser.Current is MappingStart or SequenceStart)
                {
                    if (++depth > MaxDepth)
                        throw new UserInputException(string.Create(CultureInfo.InvariantCulture,
                            $"{source}: nesting deeper than {MaxDepth} levels at line {parser.Current.Start.Line}, " +
                                $"column {parser.Current.Start.Column} (the limit for a spec document)"));
                }
                else if (parser.Current is MappingEnd or SequenceEnd) depth--;
            }
        }
        catch (Exception e) when (e is YamlException or InvalidOperationException)
        {
            // Malformed within the limits: the parser proper says where.
        }
    }

    private static UserInputException TooLarge(string source, long bytes) =>
        new(string.Create(CultureInfo.InvariantCulture,
            $"{source}: {bytes:N0} bytes exceed the limit of {MaxBytes:N0} bytes (1 MiB) for a spec document"));
}
