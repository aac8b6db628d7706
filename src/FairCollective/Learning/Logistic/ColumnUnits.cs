using System.Runtime.CompilerServices;

namespace FairCollective.Learning.Logistic;

/// <summary>One step of a pass over the columns: a dense column, or a one-hot group of consecutive columns.</summary>
/// <param name="IsGroup">A one-hot group (else one dense column).</param>
/// <param name="Index">The dense column's or the group's position among its kind.</param>
/// <param name="FirstColumn">The design-matrix column where it starts.</param>
/// <param name="Width">How many design-matrix columns it covers (1 for a dense column).</param>
internal readonly record struct ColumnUnit(bool IsGroup, int Index, int FirstColumn, int Width);

/// <summary>
/// The design's columns split, in column order, into dense columns and one-hot groups: runs of at least
/// <c>minGroupWidth</c> consecutive columns holding only 0 and 1 with at most one 1 per row (an encoder's one-hot
/// block, with or without a dropped reference level). Found from the data rather than told by the encoder so that any
/// design matrix benefits and nothing can disagree with the numbers actually fitted. Because a group's columns are
/// consecutive and processed in column order, a row's margin adds the same non-zero terms in the same order as the
/// dense pass: margins are bit-identical to it.
/// </summary>
internal sealed class ColumnUnits
{
    /// <summary>Widest group a byte code holds (codes 0..254, the width itself meaning "no 1 in this row").</summary>
    public const int MaxGroupWidth = 254;

    private ColumnUnits(ColumnUnit[] units, int[] denseColumns, int[] groupFirst, int[] groupWidth)
    {
        Units = units;
        DenseColumns = denseColumns;
        GroupFirstColumn = groupFirst;
        GroupWidth = groupWidth;
    }

    /// <summary>Every unit, in column order.</summary>
    public ColumnUnit[] Units { get; }

    /// <summary>The design-matrix column of each dense column.</summary>
    public int[] DenseColumns { get; }

    public int[] GroupFirstColumn { get; }
    public int[] GroupWidth { get; }
    public int DenseCount => DenseColumns.Length;
    public int GroupCount => GroupWidth.Length;

    /// <summary>Splits the columns of the row-major <paramref name="data"/>; <paramref name="minGroupWidth"/> 0 keeps
    /// every column dense.</summary>
    public static ColumnUnits Detect(double[] data, int rows, int cols, int minGroupWidth)
    {
        var binary = minGroupWidth > 0 ? BinaryColumns(data, rows, cols) : new bool[cols];
        var units = new List<ColumnUnit>();
        var dense = new List<int>();
        var groupFirst = new List<int>();
        var groupWidth = new List<int>();
        var taken = new bool[rows];
        int j = 0;
        while (j < cols)
        {
            int width = binary[j] ? ExclusiveRun(data, rows, cols, j, binary, taken) : 1;
            if (width >= minGroupWidth && minGroupWidth > 0)
            {
                units.Add(new ColumnUnit(true, groupFirst.Count, j, width));
                groupFirst.Add(j);
                groupWidth.Add(width);
                j += width;
            }
            else
            {
                units.Add(new ColumnUnit(false, dense.Count, j, 1));
                dense.Add(j);
                j++;
            }
        }
        return new ColumnUnits([.. units], [.. dense], [.. groupFirst], [.. groupWidth]);
    }

    /// <summary>How many binary columns from <paramref name="first"/> on have at most one 1 per row between
    /// them.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int ExclusiveRun(double[] data, int rows, int cols, int first, bool[] binary, bool[] taken)
    {
        Array.Clear(taken);
        int width = 0;
        for (int j = first; j < cols && binary[j] && width < MaxGroupWidth; j++)
        {
            bool clash = false;
            for (int i = 0; i < rows && !clash; i++) clash = taken[i] && data[(long)i * cols + j] == 1.0;
            if (clash) break;
            for (int i = 0; i < rows; i++) taken[i] |= data[(long)i * cols + j] == 1.0;
            width++;
        }
        return width;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool[] BinaryColumns(double[] data, int rows, int cols)
    {
        var binary = new bool[cols];
        Array.Fill(binary, true);
        for (int i = 0; i < rows; i++)
        {
            var row = data.AsSpan((int)((long)i * cols), cols);
            for (int j = 0; j < cols; j++)
            {
                double v = row[j];
                // Bit patterns, not ==: a -0.0 would encode as 0 and then add +0 instead of -0 to a margin.
                if (BitConverter.DoubleToInt64Bits(v) != 0 && v != 1.0) binary[j] = false;
            }
        }
        return binary;
    }
}
