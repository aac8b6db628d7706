using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using FairCollective.Data;

namespace FairCollective.Neighbours;

/// <summary>
/// Blocked brute force: a float32 register-tiled SIMD kernel (8 queries x 32 reference rows per tile, like a GEMM
/// micro-kernel, expanded form ||b||^2 - 2a.b) screens every pair against a per-query threshold, and the
/// survivors are re-ranked on direct float64 distances. <see cref="ScreeningMargin"/> proves no true neighbour is
/// lost. Written by hand: a BLAS GEMM would materialise the q x n distance matrix (memory traffic dominates at small
/// d) and none is shipped with .NET; fusing the threshold test into the micro-kernel keeps everything in cache.
/// </summary>
internal sealed class ScreenedBruteForce
{
    private const int Mr = 8;   // queries per register tile
    private const int Nr = 32;  // reference rows per packed panel: two Vector512<float>
    private const int CandidateCapacityPerK = 4;
    private const int CandidateCapacityExtra = 32;

    private readonly DesignMatrix _reference;
    private readonly int _d, _n, _panels;
    private readonly double[] _center;
    private readonly float[] _packed;   // panel p at p*d*Nr; element (coordinate j, lane) at j*Nr + lane
    private readonly float[] _norms;    // ||b||^2 per padded row; +infinity on padding so it never passes
    private readonly double _maxNorm2;

    private ScreenedBruteForce(DesignMatrix reference, double[] center)
    {
        _reference = reference;
        _d = reference.Cols;
        _n = reference.Rows;
        _center = center;
        _panels = (_n + Nr - 1) / Nr;
        _packed = new float[(long)_panels * _d * Nr];
        _norms = new float[_panels * Nr];
        _norms.AsSpan(_n).Fill(float.PositiveInfinity);
        for (int i = 0; i < _n; i++)
        {
            var row = reference.Row(i);
            long panelBase = (long)(i / Nr) * _d * Nr + i % Nr;
            double norm = 0;
            for (int j = 0; j < _d; j++)
            {
                float b = (float)(row[j] - center[j]);
                _packed[panelBase + j * Nr] = b;
                norm += (double)b * b;
            }
            _norms[i] = (float)norm;
            _maxNorm2 = Math.Max(_maxNorm2, norm);
        }
    }

    /// <summary>The screen, or null when the data are outside what float32 screening covers (then use the k-d
    /// tree).</summary>
    public static ScreenedBruteForce? TryCreate(DesignMatrix reference)
    {
        if (reference.Cols > ScreeningMargin.MaxDimension) return null;
        var center = new double[reference.Cols];
        for (int i = 0; i < reference.Rows; i++)
        {
            var row = reference.Row(i);
            for (int j = 0; j < center.Length; j++) center[j] += row[j];
        }
        for (int j = 0; j < center.Length; j++) center[j] /= reference.Rows;
        return Fits(reference, center) ? new ScreenedBruteForce(reference, center) : null;
    }

    private static bool Fits(DesignMatrix m, double[] center)
    {
        for (int i = 0; i < m.Rows; i++)
        {
            var row = m.Row(i);
            for (int j = 0; j < center.Length; j++)
                if (!(Math.Abs(row[j] - center[j]) <= ScreeningMargin.MaxMagnitude)) return false;
        }
        return true;
    }

    /// <summary>Fills the result arrays; false when the queries are too far out for float32 screening.</summary>
    public bool TryQuery(DesignMatrix queries, int k, KnnOptions options, int[] indices, double[] distances)
    {
        if (!Fits(queries, _center)) return false;
        int nq = queries.Rows;
        int threads = options.MaxDegreeOfParallelism > 0 ? options.MaxDegreeOfParallelism : Environment.ProcessorCount;
        // Enough blocks to keep every thread busy, each a multiple of the register tile.
        int blockSize = Math.Min(options.QueryBlockSize, (nq + 4 * threads - 1) / (4 * threads));
        blockSize = Math.Max(Mr, (blockSize + Mr - 1) / Mr * Mr);
        int blocks = (nq + blockSize - 1) / blockSize;
        int panelsPerBlock = Math.Max(1, options.ReferenceBlockBytes / (_d * Nr * sizeof(float) + 1));
        Parallel.For(0, blocks, new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism },
            () => new BlockWork(blockSize, _d, k),
            (b, _, work) =>
            {
                int q0 = b * blockSize, count = Math.Min(blockSize, nq - q0);
                RunBlock(queries, q0, count, k, panelsPerBlock, work, indices, distances);
                return work;
            },
            _ => { });
        return true;
    }

    /// <summary>Scratch owned by one worker thread, reused across its query blocks.</summary>
    private sealed class BlockWork
    {
        public readonly float[] A;          // float32 centered queries, Mr-row tiles, row stride d
        public readonly double[] Norm2;
        public readonly float[] Threshold;
        public readonly ScreeningMargin[] Margins;
        public readonly CandidateBuffer[] Buffers;
        public readonly float[] V = new float[Mr * Nr];
        public readonly uint[] Masks = new uint[Mr];
        public readonly TopK Top;

        public BlockWork(int blockSize, int d, int k)
        {
            A = new float[blockSize * d];
            Norm2 = new double[blockSize];
            Threshold = new float[blockSize];
            Margins = new ScreeningMargin[blockSize];
            Buffers = new CandidateBuffer[blockSize];
            for (int i = 0; i < blockSize; i++) Buffers[i] = new CandidateBuffer(CandidateCapacityPerK * k +
                CandidateCapacityExtra);
            Top = new TopK(k);
        }
    }

    private unsafe void RunBlock(DesignMatrix queries, int q0, int count, int k, int panelsPerBlock, BlockWork w,
        int[] indices, double[] distances)
    {
        int d = _d, tiles = (count + Mr - 1) / Mr;
        Array.Clear(w.A);
        for (int i = 0; i < tiles * Mr; i++)
        {
            w.Buffers[i].Reset();
            if (i >= count)
            {
                w.Threshold[i] = float.NegativeInfinity;   // padding rows never collect candidates
                continue;
            }
            var row = queries.Row(q0 + i);
            double norm = 0;
            for (int j = 0; j < d; j++)
            {
                float a = (float)(row[j] - _center[j]);
                w.A[i * d + j] = a;
                norm += (double)a * a;
            }
            w.Norm2[i] = norm;
            w.Margins[i] = new ScreeningMargin(d, norm, _maxNorm2);
            w.Threshold[i] = float.MaxValue;
        }

        fixed (float* a = w.A, packed = _packed, norms = _norms, v = w.V)
        fixed (uint* masks = w.Masks)
        {
            for (int p0 = 0; p0 < _panels; p0 += panelsPerBlock)
            {
                int p1 = Math.Min(_panels, p0 + panelsPerBlock);
                for (int t = 0; t < tiles; t++)
                {
                    float* at = a + t * Mr * d;
                    for (int p = p0; p < p1; p++)
                    {
                        fixed (float* thr = &w.Threshold[t * Mr])
                        {
                            if (!Kernel(at, d, packed + (long)p * d * Nr, norms + p * Nr, thr, v, masks)) continue;
                        }
                        Collect(w, t * Mr, p * Nr, k);
                    }
                }
            }
        }

        var refData = _reference.Data.AsSpan();
        for (int i = 0; i < count; i++)
        {
            w.Buffers[i].Rerank(k, w.Margins[i], queries.Row(q0 + i), refData, d, w.Top);
            w.Top.CopyTo(indices.AsSpan((q0 + i) * k, k), distances.AsSpan((q0 + i) * k, k));
        }
    }

    /// <summary>Moves the lanes that passed the screen into the candidate buffers (rare once thresholds
    /// settle).</summary>
    private static void Collect(BlockWork w, int tileBase, int refBase, int k)
    {
        for (int i = 0; i < Mr; i++)
        {
            uint m = w.Masks[i];
            int qi = tileBase + i;
            while (m != 0)
            {
                int lane = BitOperations.TrailingZeroCount(m);
                m &= m - 1;
                float value = w.V[i * Nr + lane];
                if (value > w.Threshold[qi]) continue;
                if (w.Buffers[qi].Add(refBase + lane, value))
                    w.Threshold[qi] = w.Buffers[qi].Compact(k, w.Margins[qi]);
            }
        }
    }

    /// <summary>
    /// The micro-kernel: 8 queries x 32 reference rows, 16 Vector512 accumulators, one FMA per (query, 16 rows,
    /// coordinate). Writes v = ||b||^2 - 2a.b for the tile and each query's pass mask; true when any lane passed.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe bool Kernel(float* a, int d, float* b, float* nb, float* thr, float* v, uint* masks)
    {
        Vector512<float> c00 = default, c01 = default, c10 = default, c11 = default, c20 = default, c21 = default,
            c30 = default, c31 = default, c40 = default, c41 = default, c50 = default, c51 = default,
            c60 = default, c61 = default, c70 = default, c71 = default;
        float* a1 = a + d, a2 = a1 + d, a3 = a2 + d, a4 = a3 + d, a5 = a4 + d, a6 = a5 + d, a7 = a6 + d;
        for (int p = 0; p < d; p++, b += Nr)
        {
            var b0 = Vector512.Load(b);
            var b1 = Vector512.Load(b + 16);
            var x = Vector512.Create(a[p]);
            c00 = Vector512.FusedMultiplyAdd(x, b0, c00); c01 = Vector512.FusedMultiplyAdd(x, b1, c01);
            x = Vector512.Create(a1[p]);
            c10 = Vector512.FusedMultiplyAdd(x, b0, c10); c11 = Vector512.FusedMultiplyAdd(x, b1, c11);
            x = Vector512.Create(a2[p]);
            c20 = Vector512.FusedMultiplyAdd(x, b0, c20); c21 = Vector512.FusedMultiplyAdd(x, b1, c21);
            x = Vector512.Create(a3[p]);
            c30 = Vector512.FusedMultiplyAdd(x, b0, c30); c31 = Vector512.FusedMultiplyAdd(x, b1, c31);
            x = Vector512.Create(a4[p]);
            c40 = Vector512.FusedMultiplyAdd(x, b0, c40); c41 = Vector512.FusedMultiplyAdd(x, b1, c41);
            x = Vector512.Create(a5[p]);
            c50 = Vector512.FusedMultiplyAdd(x, b0, c50); c51 = Vector512.FusedMultiplyAdd(x, b1, c51);
            x = Vector512.Create(a6[p]);
            c60 = Vector512.FusedMultiplyAdd(x, b0, c60); c61 = Vector512.FusedMultiplyAdd(x, b1, c61);
            x = Vector512.Create(a7[p]);
            c70 = Vector512.FusedMultiplyAdd(x, b0, c70); c71 = Vector512.FusedMultiplyAdd(x, b1, c71);
        }
        var n0 = Vector512.Load(nb);
        var n1 = Vector512.Load(nb + 16);
        uint any = Screen(c00, c01, n0, n1, thr[0], v, masks);
        any |= Screen(c10, c11, n0, n1, thr[1], v + Nr, masks + 1);
        any |= Screen(c20, c21, n0, n1, thr[2], v + 2 * Nr, masks + 2);
        any |= Screen(c30, c31, n0, n1, thr[3], v + 3 * Nr, masks + 3);
        any |= Screen(c40, c41, n0, n1, thr[4], v + 4 * Nr, masks + 4);
        any |= Screen(c50, c51, n0, n1, thr[5], v + 5 * Nr, masks + 5);
        any |= Screen(c60, c61, n0, n1, thr[6], v + 6 * Nr, masks + 6);
        any |= Screen(c70, c71, n0, n1, thr[7], v + 7 * Nr, masks + 7);
        return any != 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe uint Screen(Vector512<float> c0, Vector512<float> c1, Vector512<float> n0,
        Vector512<float> n1,
        float threshold, float* v, uint* mask)
    {
        var minusTwo = Vector512.Create(-2f);
        var v0 = Vector512.FusedMultiplyAdd(c0, minusTwo, n0);
        var v1 = Vector512.FusedMultiplyAdd(c1, minusTwo, n1);
        var t = Vector512.Create(threshold);
        uint m = (uint)Vector512.LessThanOrEqual(v0, t).ExtractMostSignificantBits()
            | (uint)Vector512.LessThanOrEqual(v1, t).ExtractMostSignificantBits() << 16;
        *mask = m;
        if (m != 0)
        {
            v0.Store(v);
            v1.Store(v + 16);
        }
        return m;
    }
}
