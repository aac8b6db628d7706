using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace FairCollective.Neighbours;

/// <summary>
/// The one exact distance every algorithm reports: sum((a - b)^2) in float64, computed directly (never via the
/// expanded ||a||^2 - 2a.b + ||b||^2), so identical rows give exactly 0. The summation order depends only on the
/// length, not on memory alignment (TensorPrimitives may peel unaligned heads, which would make the same pair
/// round differently at different addresses), so the k-d tree's reordered copy and the brute force's original
/// rows give bit-identical values and ties are the same ties. No FMA: results must not depend on the CPU.
/// </summary>
internal static class SquaredDistance
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Compute(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        ref double pa = ref MemoryMarshal.GetReference(a);
        ref double pb = ref MemoryMarshal.GetReference(b);
        int d = a.Length, i = 0;
        double sum = 0;
        if (d >= Vector256<double>.Count)
        {
            var acc = Vector256<double>.Zero;
            for (; i <= d - Vector256<double>.Count; i += Vector256<double>.Count)
            {
                var diff = Vector256.LoadUnsafe(ref pa, (nuint)i) - Vector256.LoadUnsafe(ref pb, (nuint)i);
                acc += diff * diff;
            }
            sum = (acc.GetElement(0) + acc.GetElement(1)) + (acc.GetElement(2) + acc.GetElement(3));
        }
        for (; i < d; i++)
        {
            double diff = Unsafe.Add(ref pa, i) - Unsafe.Add(ref pb, i);
            sum += diff * diff;
        }
        return sum;
    }
}
