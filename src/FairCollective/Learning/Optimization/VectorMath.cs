using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace FairCollective.Learning.Optimization;

/// <summary>
/// Short-vector kernels for the learners' per-row inner loops. Rows are often only 10-100 long, where
/// TensorPrimitives' per-call dispatch costs about as much as the arithmetic, so these inline Vector&lt;T&gt; loops
/// stay in the caller's loop body.
/// </summary>
internal static class VectorMath
{
    /// <summary>a · b (equal lengths).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        int n = a.Length, k = 0;
        double sum = 0;
        if (Vector.IsHardwareAccelerated && n >= Vector<double>.Count)
        {
            ref double ra = ref MemoryMarshal.GetReference(a);
            ref double rb = ref MemoryMarshal.GetReference(b);
            var acc = Vector<double>.Zero;
            for (; k <= n - Vector<double>.Count; k += Vector<double>.Count)
                acc += Vector.LoadUnsafe(ref ra, (nuint)k) * Vector.LoadUnsafe(ref rb, (nuint)k);
            sum = Vector.Sum(acc);
        }
        for (; k < n; k++) sum += a[k] * b[k];
        return sum;
    }

    /// <summary>acc += scale * x (equal lengths).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void AddScaled(Span<double> acc, ReadOnlySpan<double> x, double scale)
    {
        int n = x.Length, k = 0;
        if (Vector.IsHardwareAccelerated && n >= Vector<double>.Count)
        {
            ref double racc = ref MemoryMarshal.GetReference(acc);
            ref double rx = ref MemoryMarshal.GetReference(x);
            var s = new Vector<double>(scale);
            for (; k <= n - Vector<double>.Count; k += Vector<double>.Count)
                (Vector.LoadUnsafe(ref racc, (nuint)k) + s * Vector.LoadUnsafe(ref rx, (nuint)k)).StoreUnsafe(ref racc,
                    (nuint)k);
        }
        for (; k < n; k++) acc[k] += scale * x[k];
    }

    /// <summary>1 / (1 + e^-z) without overflow for any finite z.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Sigmoid(double z)
    {
        if (z >= 0) return 1.0 / (1.0 + Math.Exp(-z));
        double e = Math.Exp(z);
        return e / (1.0 + e);
    }

    /// <summary>log(1 + e^-m), the logistic loss at margin m, stable for large |m| of either sign.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double LogOnePlusExpNeg(double m) => m >= 0 ? LogOnePlus(Math.Exp(-m)) : -m + LogOnePlus(Math.Exp(m));

    /// <summary>
    /// log(1 + e) accurate for tiny e (Goldberg's correction). double.LogP1 is computed as Log(1 + e) in .NET,
    /// which loses every digit of e below 1e-16.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double LogOnePlus(double e)
    {
        double u = 1.0 + e;
        return u == 1.0 ? e : Math.Log(u) * (e / (u - 1.0));
    }
}
