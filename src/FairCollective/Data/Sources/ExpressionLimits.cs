using System.Globalization;
using FairCollective.Common;

namespace FairCollective.Data.Sources;

/// <summary>
/// Bounds on a derived column's expression, checked on its text before NCalc parses it. NCalc's parser and evaluator
/// recurse once per level of the expression's tree, and a stack overflow ends the process (no handler can catch it):
/// 30,000 <c>+</c> terms, 70,000 nested unary minus or 100,000 nested <c>!</c> did. Measured with NCalcSync 7.4 on a
/// thread with a 1 MiB stack: 3,000 <c>+</c> terms, 6,000 nested unary minus and 4,000 nested conditions evaluate,
/// 4,000, 8,000 and 6,000 overflow; the parser itself refuses about 1,000 nested brackets. The caps keep every
/// expression far below that, and far above any expression a column needs (the longest in the docs has 70 characters
/// and 2 levels).
/// </summary>
public static class ExpressionLimits
{
    /// <summary>
    /// Longest expression, in characters. A chain of binary operators (<c>a + a + ...</c>) is as deep as it is long, so
    /// the length bounds its depth: 2,000 characters is at most 1,000 terms, a third of what a 1 MiB stack evaluates.
    /// </summary>
    public const int MaxLength = 2_000;

    /// <summary>Deepest nesting of brackets (function calls included) and unary operators (<c>-</c>, <c>+</c>,
    /// <c>!</c>, <c>~</c>, <c>not</c>) one inside another.</summary>
    public const int MaxNesting = 64;

    /// <summary>Refuses <paramref name="text"/> when it is longer than <see cref="MaxLength"/> or nests deeper than
    /// <see cref="MaxNesting"/>; <paramref name="where"/> starts the message.</summary>
    public static void Check(string text, string where)
    {
        // Nesting first (the scan stops at the first level too deep), so a deeply nested expression is named as such.
        if (DeepestAt(text) is int at and >= 0)
            throw new UserInputException(string.Create(CultureInfo.InvariantCulture,
                $"{where}: the expression nests brackets and unary operators deeper than {MaxNesting} levels at " +
                    $"character {at + 1} (the limit for a derived column; docs/dataset-spec.md, \"Limits\")"));
        if (text.Length > MaxLength)
            throw new UserInputException(string.Create(CultureInfo.InvariantCulture,
                $"{where}: the expression has {text.Length:N0} characters, more than the limit of {MaxLength:N0} for " +
                    $"a derived column (docs/dataset-spec.md, \"Limits\")"));
    }

    /// <summary>
    /// The index at which <paramref name="text"/> first nests deeper than <see cref="MaxNesting"/>, or -1. One pass:
    /// quoted text and [bracketed names] are skipped; an operator where an operand is expected is unary and nests
    /// what follows; a bracket nests its contents and whatever unary operators stood before it.
    /// </summary>
    internal static int DeepestAt(string text)
    {
        var outer = new Stack<int>(); // per open bracket: the nesting outside it, unary operators before it included
        int level = 0, prefix = 0;    // nesting of the open brackets; unary operators since the last operand
        bool operand = true;          // an operand is expected (so '-' is unary)
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c)) continue;
            if (c is '\'' or '"')
            {
                i = End(text, i, c);
                (operand, prefix) = (false, 0);
            }
            else if (c == '[')
            {
                i = End(text, i, ']');
                (operand, prefix) = (false, 0);
            }
            else if (c == '(')
            {
                outer.Push(level);
                level += prefix + 1;
                (operand, prefix) = (true, 0);
            }
            else if (c == ')')
            {
                level = outer.Count > 0 ? outer.Pop() : 0;
                (operand, prefix) = (false, 0);
            }
            else if (operand && (c is '-' or '+' or '~' || (c == '!' && At(text, i + 1) != '=')))
                prefix++;
            else if (char.IsLetterOrDigit(c) || c is '_' or '.')
            {
                int start = i;
                while (i + 1 < text.Length && (char.IsLetterOrDigit(text[i + 1]) || text[i + 1] is '_' or '.')) i++;
                var word = text.AsSpan(start, i - start + 1);
                if (word.Equals("not", StringComparison.OrdinalIgnoreCase) && operand) prefix++;
                else if (word.Equals("and", StringComparison.OrdinalIgnoreCase) || word.Equals("or",
                    StringComparison.OrdinalIgnoreCase)
                         || word.Equals("not", StringComparison.OrdinalIgnoreCase) || word.Equals("in",
                             StringComparison.OrdinalIgnoreCase)
                         || word.Equals("like", StringComparison.OrdinalIgnoreCase))
                    operand = true;
                else (operand, prefix) = (false, 0);
            }
            else operand = true; // a binary operator, a comma, '?' or ':'
            if (level + prefix > MaxNesting) return i;
        }
        return -1;
    }

    private static char At(string text, int i) => i < text.Length ? text[i] : '\0';

    // The index of the closing character of a quoted text or a bracketed name opened at 'start' (a backslash escapes in
    // quotes).
    private static int End(string text, int start, char close)
    {
        for (int i = start + 1; i < text.Length; i++)
        {
            if (text[i] == '\\' && close != ']') i++;
            else if (text[i] == close) return i;
        }
        return text.Length - 1;
    }
}
