using System.Buffers;
using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using FairCollective.Common;
using FairCollective.Learning.Optimization;

namespace FairCollective.Learning.Logistic;

/// <summary>
/// scikit-learn's L2 logistic objective Σ sᵢ·log(1 + exp(−tᵢ(xᵢ·w + b))) + ‖w‖²/(2C), tᵢ = 2yᵢ − 1, over parameters
/// [w₀ … w_{d−1}, b] (intercept last, unpenalised).
/// Why hand-written: the speed of a logistic fit is the speed of this one pass over the rows, so loss and gradient are
/// fused into a single read of each row, allocation-free (per-chunk partials are preallocated), SIMD over the row,
/// and parallel over rows. Rows are split into fixed-size chunks whose count does not depend on the core count; each
/// chunk writes its own partial sums and the partials are added in chunk order, so the result is bit-identical for
/// any degree of parallelism. Inside a chunk the data are stored column-major (a one-off transposed copy), so every
/// step is a long-vector TensorPrimitives call: z = b + Σⱼ wⱼ·colⱼ, a vectorised exp/log, then ∂f/∂wⱼ = colⱼ·r.
/// One-hot groups (<see cref="ColumnUnits"/>) are held as one byte code per row: their margin term is a lookup
/// wᵍ[codeᵢ] and their gradient a scatter-add of r by code, one pass per group instead of one per column.
/// </summary>
internal sealed class LogisticObjective : IDifferentiableFunction
{
    /// <summary>How many chunks' Hessian partials are held at once; bounds memory to this many (d+1)² blocks.</summary>
    private const int HessianChunkBatch = 16;

    /// <summary>Scatter-adds keep this many interleaved accumulators, so rows of the same category do not wait on each
    /// other.</summary>
    private const int ScatterLanes = 4;

    /// <summary>Chunk-blocked column-major copy of the dense columns, and the one-hot groups' codes
    /// (<see cref="BlockedLayout"/>).</summary>
    private readonly double[] _dense;
    private readonly byte[] _codes;
    private readonly ColumnUnits _units;
    private readonly int _widestGroup;
    private readonly int _rows, _cols, _chunkRows, _chunks, _stride;
    private readonly double[] _sign, _weight;
    private readonly double _inverseC;
    private readonly ParallelOptions _parallel;
    private readonly double[] _params;
    private readonly double[] _partials;
    private readonly Action<int> _gradientChunk;
    private double[]? _hessianPartials;
    private int _hessianBatchStart;
    private Action<int>? _hessianChunk;

    public LogisticObjective(double[] data, int rows, int cols, ReadOnlySpan<int> y, double[] weight, double c,
        int chunkRows, int minGroupWidth, ParallelOptions parallel)
    {
        _rows = rows;
        _cols = cols;
        _chunkRows = chunkRows;
        _chunks = (rows + chunkRows - 1) / chunkRows;
        _sign = Signs(y);
        _weight = weight;
        _inverseC = 1.0 / c;
        _parallel = parallel;
        _params = new double[cols + 1];
        _stride = cols + 2;
        _partials = new double[_chunks * _stride];
        var layout = BlockedLayout.Of(data, rows, cols, chunkRows, minGroupWidth, parallel);
        _dense = layout.Dense;
        _codes = layout.Codes;
        _units = layout.Units;
        _widestGroup = _units.GroupCount == 0 ? 0 : _units.GroupWidth.Max();
        _gradientChunk = GradientChunk;
    }

    public int Dimension => _cols + 1;

    /// <summary>How many one-hot groups the passes read as codes (the rest of the columns are dense).</summary>
    public int GroupCount => _units.GroupCount;

    /// <summary>Loss-and-gradient passes made so far.</summary>
    public int GradientPasses { get; private set; }

    /// <summary>Hessian passes made so far.</summary>
    public int HessianPasses { get; private set; }

    // Run once per fit over every row: optimise at first call rather than after tiering, which a one-off loop never
    // reaches.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double[] Signs(ReadOnlySpan<int> y)
    {
        var sign = new double[y.Length];
        for (int i = 0; i < y.Length; i++) sign[i] = y[i] == 1 ? 1.0 : -1.0;
        return sign;
    }


    public double Evaluate(ReadOnlySpan<double> p, Span<double> gradient)
    {
        p.CopyTo(_params);
        GradientPasses++;
        ParallelLoop.For(_chunks, _parallel, _gradientChunk); // partials summed in chunk order below
        double loss = 0;
        gradient.Clear();
        for (int c = 0; c < _chunks; c++)
        {
            var part = _partials.AsSpan(c * _stride, _stride);
            loss += part[0];
            VectorMath.AddScaled(gradient, part[1..], 1.0);
        }
        var w = p[.._cols];
        loss += 0.5 * _inverseC * VectorMath.Dot(w, w);
        VectorMath.AddScaled(gradient[.._cols], w, _inverseC);
        return loss;
    }

    private (int Start, int Length) ChunkRange(int chunk)
    {
        int start = chunk * _chunkRows;
        return (start, Math.Min(_chunkRows, _rows - start));
    }

    /// <summary>The q-th dense column of the chunk starting at row <paramref name="start"/>.</summary>
    private ReadOnlySpan<double> Column(int start, int len, int q) => Columns(start, len, q, 1);

    /// <summary>Dense columns q … q+count−1 of the chunk starting at row <paramref name="start"/>, one after
    /// another.</summary>
    private ReadOnlySpan<double> Columns(int start, int len, int q, int count) =>
        new(_dense, (int)((long)start * _units.DenseCount + (long)q * len), count * len);

    /// <summary>The g-th group's codes of the chunk starting at row <paramref name="start"/>.</summary>
    private ReadOnlySpan<byte> Codes(int start, int len, int g) =>
        new(_codes, (int)((long)start * _units.GroupCount + (long)g * len), len);

    /// <summary>z = X_c·w + b for the rows of one chunk, the columns' terms added in column order.</summary>
    private void Margins(int start, int len, Span<double> z)
    {
        z.Fill(_params[_cols]);
        Span<double> lookup = stackalloc double[_widestGroup + 1];
        var units = _units.Units;
        for (int u = 0; u < units.Length; u++)
        {
            var unit = units[u];
            if (!unit.IsGroup)
            {
                // Four dense columns that follow each other in one pass over z where the machine has 512-bit vectors.
                if (Vector512.IsHardwareAccelerated && u + DenseBlock <= units.Length && DenseRun(units, u))
                {
                    AddColumns(Columns(start, len, unit.Index, DenseBlock), len, _params.AsSpan(unit.FirstColumn,
                        DenseBlock), z);
                    u += DenseBlock - 1;
                    continue;
                }
                TensorPrimitives.MultiplyAdd(Column(start, len, unit.Index), _params[unit.FirstColumn], z, z);
                continue;
            }
            var w = lookup[..(unit.Width + 1)];
            _params.AsSpan(unit.FirstColumn, unit.Width).CopyTo(w);
            w[unit.Width] = 0; // a row with no 1 in the group
            AddLookup(Codes(start, len, unit.Index), w, z);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void AddLookup(ReadOnlySpan<byte> codes, ReadOnlySpan<double> w, Span<double> z)
    {
        // Unchecked reads: every code is at most the group's width, which w covers (BlockedLayout writes them so).
        ref double w0 = ref MemoryMarshal.GetReference(w);
        ref byte c0 = ref MemoryMarshal.GetReference(codes);
        ref double z0 = ref MemoryMarshal.GetReference(z);
        for (int i = 0; i < z.Length; i++) Unsafe.Add(ref z0, i) += Unsafe.Add(ref w0, Unsafe.Add(ref c0, i));
    }

    /// <summary>
    /// sums[t] = Σ over rows with code t of v, for t ≤ width (t = width: rows outside the group). Interleaved lanes
    /// break the dependency between consecutive rows of one category; lanes are added in a fixed order.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ScatterAdd(ReadOnlySpan<byte> codes, ReadOnlySpan<double> v, Span<double> lanes,
        Span<double> sums)
    {
        int stride = sums.Length, n = codes.Length, i = 0;
        lanes[..(ScatterLanes * stride)].Clear();
        Span<double> l0 = lanes[..stride], l1 = lanes.Slice(stride, stride), l2 = lanes.Slice(2 * stride,
            stride), l3 = lanes.Slice(3 * stride, stride);
        // Unchecked reads and writes: codes are at most the width, and each lane holds width + 1 sums.
        ref double a0 = ref MemoryMarshal.GetReference(l0), a1 = ref MemoryMarshal.GetReference(l1);
        ref double a2 = ref MemoryMarshal.GetReference(l2), a3 = ref MemoryMarshal.GetReference(l3);
        ref byte c0 = ref MemoryMarshal.GetReference(codes);
        ref double v0 = ref MemoryMarshal.GetReference(v);
        for (; i <= n - ScatterLanes; i += ScatterLanes)
        {
            Unsafe.Add(ref a0, Unsafe.Add(ref c0, i)) += Unsafe.Add(ref v0, i);
            Unsafe.Add(ref a1, Unsafe.Add(ref c0, i + 1)) += Unsafe.Add(ref v0, i + 1);
            Unsafe.Add(ref a2, Unsafe.Add(ref c0, i + 2)) += Unsafe.Add(ref v0, i + 2);
            Unsafe.Add(ref a3, Unsafe.Add(ref c0, i + 3)) += Unsafe.Add(ref v0, i + 3);
        }
        for (; i < n; i++) l0[codes[i]] += v[i];
        for (int t = 0; t < stride; t++) sums[t] = (l0[t] + l1[t]) + (l2[t] + l3[t]);
    }

    private void GradientChunk(int c)
    {
        var (start, len) = ChunkRange(c);
        var pool = ArrayPool<double>.Shared;
        double[] zBuf = pool.Rent(len), eBuf = pool.Rent(len), lBuf = pool.Rent(len);
        try
        {
            Span<double> m = zBuf.AsSpan(0, len), e = eBuf.AsSpan(0, len), r = lBuf.AsSpan(0, len);
            ReadOnlySpan<double> t = _sign.AsSpan(start, len), s = _weight.AsSpan(start, len);
            Margins(start, len, m);
            TensorPrimitives.Multiply(m, t, m);          // m = t·z, the signed margin
            TensorPrimitives.Abs(m, e);
            TensorPrimitives.Negate(e, e);
            TensorPrimitives.Exp(e, e);                  // e = exp(−|m|): stable loss and sigmoid from one exp
            double loss = LossAndResidual(m, e, t, s, r); // r = ∂loss/∂z
            var part = _partials.AsSpan(c * _stride, _stride);
            part[0] = loss;
            Span<double> sums = stackalloc double[_widestGroup + 1];
            Span<double> lanes = _widestGroup > 0 ? stackalloc double[ScatterLanes * (_widestGroup + 1)] : default;
            var units = _units.Units;
            for (int u = 0; u < units.Length; u++)
            {
                var unit = units[u];
                if (!unit.IsGroup)
                {
                    if (Vector512.IsHardwareAccelerated && u + DenseBlock <= units.Length && DenseRun(units, u))
                    {
                        DotColumns(Columns(start, len, unit.Index, DenseBlock), len, r, part.Slice(1 + unit.FirstColumn,
                            DenseBlock));
                        u += DenseBlock - 1;
                        continue;
                    }
                    part[1 + unit.FirstColumn] = TensorPrimitives.Dot(Column(start, len, unit.Index), r);
                    continue;
                }
                var groupSums = sums[..(unit.Width + 1)];
                ScatterAdd(Codes(start, len, unit.Index), r, lanes, groupSums);
                groupSums[..unit.Width].CopyTo(part.Slice(1 + unit.FirstColumn, unit.Width));
            }
            part[_cols + 1] = TensorPrimitives.Sum(r);
        }
        finally
        {
            pool.Return(zBuf);
            pool.Return(eBuf);
            pool.Return(lBuf);
        }
    }

    /// <summary>
    /// Σ sᵢ·(max(−mᵢ, 0) + log(1 + eᵢ)) and rᵢ = −sᵢ·tᵢ·σ(−mᵢ), where σ(−m) = e/(1+e) for m ≥ 0 and 1/(1+e) otherwise.
    /// log(1 + e) is taken in place of log1p(e): e ≤ 1, so the absolute error is below 2⁻⁵³ per row.
    /// </summary>
    private static double LossAndResidual(Span<double> m, Span<double> e, ReadOnlySpan<double> t,
        ReadOnlySpan<double> s, Span<double> r)
    {
        int len = m.Length, k = 0;
        double loss = 0;
        var onePlus = r; // reuse r's storage for 1 + e, then log(1 + e)
        TensorPrimitives.Add(e, 1.0, onePlus);
        if (Vector.IsHardwareAccelerated)
        {
            var lossAcc = Vector<double>.Zero;
            var one = Vector<double>.One;
            for (; k <= len - Vector<double>.Count; k += Vector<double>.Count)
            {
                var mv = new Vector<double>(m[k..]);
                var ev = new Vector<double>(e[k..]);
                var qv = new Vector<double>(onePlus[k..]);
                var sv = new Vector<double>(s[k..]);
                var tv = new Vector<double>(t[k..]);
                var sig = Vector.ConditionalSelect(Vector.GreaterThanOrEqual(mv, Vector<double>.Zero), ev, one) / qv;
                lossAcc += sv * Vector.Max(-mv, Vector<double>.Zero);
                // Stash the residual in e (no longer needed) so log(1+e) can be taken in one vectorised call below.
                (-(sv * tv * sig)).CopyTo(e[k..]);
            }
            loss = Vector.Sum(lossAcc);
        }
        for (; k < len; k++)
        {
            double sig = (m[k] >= 0 ? e[k] : 1.0) / onePlus[k];
            loss += s[k] * Math.Max(-m[k], 0);
            e[k] = -s[k] * t[k] * sig;
        }
        TensorPrimitives.Log(onePlus, onePlus);
        loss += TensorPrimitives.Dot(s, onePlus);
        e.CopyTo(r); // residual back into r (r and onePlus share storage; the log term is already summed)
        return loss;
    }

    /// <summary>
    /// The (d+1)×(d+1) Hessian Xₐᵀ diag(sᵢ pᵢ(1−pᵢ)) Xₐ + I/C (no penalty on the intercept) at <paramref name="p"/>,
    /// row-major, upper triangle computed then mirrored. Same chunks as the gradient, summed in chunk order.
    /// </summary>
    public void Hessian(ReadOnlySpan<double> p, double[] hessian)
    {
        int k = _cols + 1, block = k * k;
        p.CopyTo(_params);
        HessianPasses++;
        _hessianPartials ??= new double[Math.Min(HessianChunkBatch, _chunks) * block];
        _hessianChunk ??= HessianChunk;
        Array.Clear(hessian);
        for (_hessianBatchStart = 0; _hessianBatchStart < _chunks; _hessianBatchStart += HessianChunkBatch)
        {
            int count = Math.Min(HessianChunkBatch, _chunks - _hessianBatchStart);
            ParallelLoop.For(count, _parallel, _hessianChunk);
            for (int c = 0; c < count; c++)
                VectorMath.AddScaled(hessian, _hessianPartials.AsSpan(c * block, block), 1.0);
        }
        for (int j = 0; j < _cols; j++) hessian[j * k + j] += _inverseC;
        for (int r = 0; r < k; r++)
            for (int j = 0; j < r; j++) hessian[r * k + j] = hessian[j * k + r];
    }

    private void HessianChunk(int local)
    {
        int c = _hessianBatchStart + local, d = _cols, k = d + 1;
        var (start, len) = ChunkRange(c);
        var h = _hessianPartials!.AsSpan(local * k * k, k * k);
        h.Clear();
        var pool = ArrayPool<double>.Shared;
        int widest = _widestGroup + 1;
        double[] curvBuf = pool.Rent(len), tmpBuf = pool.Rent(len);
        double[] lanesBuf = pool.Rent(ScatterLanes * widest * widest), sumsBuf = pool.Rent(widest * widest);
        try
        {
            Span<double> curv = curvBuf.AsSpan(0, len), scaled = tmpBuf.AsSpan(0, len);
            Margins(start, len, curv);
            // p(1−p) = e/(1+e)² with e = exp(−|z|), symmetric in z and free of cancellation.
            TensorPrimitives.Abs(curv, curv);
            TensorPrimitives.Negate(curv, curv);
            TensorPrimitives.Exp(curv, curv);
            TensorPrimitives.Add(curv, 1.0, scaled);
            TensorPrimitives.Multiply(scaled, scaled, scaled);
            TensorPrimitives.Divide(curv, scaled, curv);
            TensorPrimitives.Multiply(curv, _weight.AsSpan(start, len), curv);
            var units = _units;
            // Dense columns against dense columns: blocks of four against four in one pass each where the machine has
            // 512-bit vectors (blocked); the rest, column by column.
            int blocked = Vector512.IsHardwareAccelerated ? units.DenseCount / DenseBlock * DenseBlock : 0;
            for (int a = 0; a < blocked; a += DenseBlock)
                for (int b = a; b < blocked; b += DenseBlock)
                    CurvatureBlock(start, len, curv, a, b, h, k);
            // Dense column q against every later dense column not done above, every group (by code) and the intercept.
            for (int q = 0; q < units.DenseCount; q++)
            {
                int jq = units.DenseColumns[q];
                TensorPrimitives.Multiply(Column(start, len, q), curv, scaled);
                for (int q2 = Math.Max(q, blocked); q2 < units.DenseCount; q2++)
                    h[jq * k + units.DenseColumns[q2]] = TensorPrimitives.Dot(scaled, Column(start, len, q2));
                h[jq * k + d] = TensorPrimitives.Sum(scaled);
                for (int g = 0; g < units.GroupCount; g++)
                {
                    int first = units.GroupFirstColumn[g], width = units.GroupWidth[g];
                    var sums = sumsBuf.AsSpan(0, width + 1);
                    ScatterAdd(Codes(start, len, g), scaled, lanesBuf, sums);
                    for (int t = 0; t < width; t++)
                        h[jq < first ? jq * k + first + t : (first + t) * k + jq] = sums[t];
                }
            }
            // Group g: diagonal only within it (one 1 per row), its intercept column, then every later group by code
            // pairs.
            for (int g = 0; g < units.GroupCount; g++)
            {
                int first = units.GroupFirstColumn[g], width = units.GroupWidth[g];
                var codes = Codes(start, len, g);
                var sums = sumsBuf.AsSpan(0, width + 1);
                ScatterAdd(codes, curv, lanesBuf, sums);
                for (int t = 0; t < width; t++)
                {
                    h[(first + t) * k + first + t] = sums[t];
                    h[(first + t) * k + d] = sums[t];
                }
                for (int g2 = g + 1; g2 < units.GroupCount; g2++)
                {
                    int first2 = units.GroupFirstColumn[g2], width2 = units.GroupWidth[g2];
                    var pairs = sumsBuf.AsSpan(0, (width + 1) * (width2 + 1));
                    PairSums(codes, Codes(start, len, g2), width2 + 1, curv, pairs);
                    for (int t = 0; t < width; t++)
                        pairs.Slice(t * (width2 + 1), width2).CopyTo(h.Slice((first + t) * k + first2, width2));
                }
            }
            h[d * k + d] = TensorPrimitives.Sum(curv);
        }
        finally
        {
            pool.Return(curvBuf);
            pool.Return(tmpBuf);
            pool.Return(lanesBuf);
            pool.Return(sumsBuf);
        }
    }

    /// <summary>Whether units u..u+3 are dense columns stored next to each other (so one span holds all
    /// four).</summary>
    private static bool DenseRun(ColumnUnit[] units, int u)
    {
        for (int t = 1; t < DenseBlock; t++)
            if (units[u + t].IsGroup || units[u + t].Index != units[u].Index + t
                || units[u + t].FirstColumn != units[u].FirstColumn + t) return false;
        return true;
    }

    /// <summary>
    /// z += w₀·col₀ + w₁·col₁ + w₂·col₂ + w₃·col₃ for four dense columns stored one after another (length
    /// <paramref name="len"/> each, from <paramref name="columns"/>), added in that order: one pass over z instead of
    /// four.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void AddColumns(ReadOnlySpan<double> columns, int len, ReadOnlySpan<double> w, Span<double> z)
    {
        ref double c0 = ref MemoryMarshal.GetReference(columns);
        ref double z0 = ref MemoryMarshal.GetReference(z);
        double w0 = w[0], w1 = w[1], w2 = w[2], w3 = w[3];
        nint l1 = len, l2 = 2 * (nint)len, l3 = 3 * (nint)len;
        int i = 0;
        var (v0, v1, v2, v3) = (Vector512.Create(w0), Vector512.Create(w1), Vector512.Create(w2), Vector512.Create(w3));
        for (; i <= len - Vector512<double>.Count; i += Vector512<double>.Count)
        {
            nuint at = (nuint)i;
            // Multiply, then add (not fused): the rounding of TensorPrimitives.MultiplyAdd column by column, so margins
            // are the same to the last bit however the columns are grouped (and as one-hot codes give them).
            var acc = Vector512.LoadUnsafe(ref z0, at);
            acc += Vector512.LoadUnsafe(ref c0, at) * v0;
            acc += Vector512.LoadUnsafe(ref Unsafe.Add(ref c0, l1), at) * v1;
            acc += Vector512.LoadUnsafe(ref Unsafe.Add(ref c0, l2), at) * v2;
            acc += Vector512.LoadUnsafe(ref Unsafe.Add(ref c0, l3), at) * v3;
            acc.StoreUnsafe(ref z0, at);
        }
        for (; i < len; i++)
        {
            double acc = Unsafe.Add(ref z0, i);
            acc += Unsafe.Add(ref c0, i) * w0;
            acc += Unsafe.Add(ref c0, l1 + i) * w1;
            acc += Unsafe.Add(ref c0, l2 + i) * w2;
            acc += Unsafe.Add(ref c0, l3 + i) * w3;
            Unsafe.Add(ref z0, i) = acc;
        }
    }

    /// <summary>dots[j] = colⱼ·r for four dense columns stored one after another: one pass over r instead of
    /// four.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void DotColumns(ReadOnlySpan<double> columns, int len, ReadOnlySpan<double> r, Span<double> dots)
    {
        ref double c0 = ref MemoryMarshal.GetReference(columns);
        ref double r0 = ref MemoryMarshal.GetReference(r);
        nint l1 = len, l2 = 2 * (nint)len, l3 = 3 * (nint)len;
        Vector512<double> s0 = default, s1 = default, s2 = default, s3 = default;
        int i = 0;
        for (; i <= len - Vector512<double>.Count; i += Vector512<double>.Count)
        {
            nuint at = (nuint)i;
            var rv = Vector512.LoadUnsafe(ref r0, at);
            s0 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref c0, at), rv, s0);
            s1 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref Unsafe.Add(ref c0, l1), at), rv, s1);
            s2 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref Unsafe.Add(ref c0, l2), at), rv, s2);
            s3 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref Unsafe.Add(ref c0, l3), at), rv, s3);
        }
        double d0 = Vector512.Sum(s0), d1 = Vector512.Sum(s1), d2 = Vector512.Sum(s2), d3 = Vector512.Sum(s3);
        for (; i < len; i++)
        {
            double rv = Unsafe.Add(ref r0, i);
            d0 += Unsafe.Add(ref c0, i) * rv;
            d1 += Unsafe.Add(ref c0, l1 + i) * rv;
            d2 += Unsafe.Add(ref c0, l2 + i) * rv;
            d3 += Unsafe.Add(ref c0, l3 + i) * rv;
        }
        (dots[0], dots[1], dots[2], dots[3]) = (d0, d1, d2, d3);
    }

    /// <summary>Dense columns a blocked pass takes at once (<see cref="AddColumns"/>, <see cref="DotColumns"/>, each
    /// side of a <see cref="CurvatureBlock"/>).</summary>
    private const int DenseBlock = 4;

    /// <summary>
    /// h[j·k + l] = Σᵢ curvᵢ·xᵢⱼ·xᵢₗ for the four dense columns j from <paramref name="a"/> and the four l from
    /// <paramref name="b"/> (b ≥ a; on the diagonal block only l ≥ j is kept), in one pass over the chunk's rows with
    /// sixteen 512-bit accumulators. Column by column it took one pass per pair, and reading the columns again for each
    /// pair was most of a Hessian pass on COMPAS's fourteen dense columns.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void CurvatureBlock(int start, int len, ReadOnlySpan<double> curv, int a, int b, Span<double> h, int k)
    {
        ref double c = ref MemoryMarshal.GetReference(curv);
        // Each side's four columns are one span (stored one after another), so every read below stays inside it.
        ref double a0 = ref MemoryMarshal.GetReference(Columns(start, len, a, DenseBlock));
        ref double b0 = ref MemoryMarshal.GetReference(Columns(start, len, b, DenseBlock));
        nint l1 = len, l2 = 2 * (nint)len, l3 = 3 * (nint)len;
        ref double a1 = ref Unsafe.Add(ref a0, l1), a2 = ref Unsafe.Add(ref a0, l2), a3 = ref Unsafe.Add(ref a0, l3);
        ref double b1 = ref Unsafe.Add(ref b0, l1), b2 = ref Unsafe.Add(ref b0, l2), b3 = ref Unsafe.Add(ref b0, l3);
        Vector512<double> s00 = default, s01 = default, s02 = default, s03 = default, s10 = default, s11 = default, s12
            = default, s13 = default;
        Vector512<double> s20 = default, s21 = default, s22 = default, s23 = default, s30 = default, s31 = default, s32
            = default, s33 = default;
        int i = 0;
        for (; i <= len - Vector512<double>.Count; i += Vector512<double>.Count)
        {
            nuint at = (nuint)i;
            var w = Vector512.LoadUnsafe(ref c, at);
            Vector512<double> x0 = w * Vector512.LoadUnsafe(ref a0, at), x1 = w * Vector512.LoadUnsafe(ref a1, at);
            Vector512<double> x2 = w * Vector512.LoadUnsafe(ref a2, at), x3 = w * Vector512.LoadUnsafe(ref a3, at);
            var y = Vector512.LoadUnsafe(ref b0, at);
            s00 = Vector512.FusedMultiplyAdd(x0, y, s00); s10 = Vector512.FusedMultiplyAdd(x1, y, s10);
            s20 = Vector512.FusedMultiplyAdd(x2, y, s20); s30 = Vector512.FusedMultiplyAdd(x3, y, s30);
            y = Vector512.LoadUnsafe(ref b1, at);
            s01 = Vector512.FusedMultiplyAdd(x0, y, s01); s11 = Vector512.FusedMultiplyAdd(x1, y, s11);
            s21 = Vector512.FusedMultiplyAdd(x2, y, s21); s31 = Vector512.FusedMultiplyAdd(x3, y, s31);
            y = Vector512.LoadUnsafe(ref b2, at);
            s02 = Vector512.FusedMultiplyAdd(x0, y, s02); s12 = Vector512.FusedMultiplyAdd(x1, y, s12);
            s22 = Vector512.FusedMultiplyAdd(x2, y, s22); s32 = Vector512.FusedMultiplyAdd(x3, y, s32);
            y = Vector512.LoadUnsafe(ref b3, at);
            s03 = Vector512.FusedMultiplyAdd(x0, y, s03); s13 = Vector512.FusedMultiplyAdd(x1, y, s13);
            s23 = Vector512.FusedMultiplyAdd(x2, y, s23); s33 = Vector512.FusedMultiplyAdd(x3, y, s33);
        }
        Span<double> sums =
        [
            Vector512.Sum(s00), Vector512.Sum(s01), Vector512.Sum(s02), Vector512.Sum(s03),
            Vector512.Sum(s10), Vector512.Sum(s11), Vector512.Sum(s12), Vector512.Sum(s13),
            Vector512.Sum(s20), Vector512.Sum(s21), Vector512.Sum(s22), Vector512.Sum(s23),
            Vector512.Sum(s30), Vector512.Sum(s31), Vector512.Sum(s32), Vector512.Sum(s33),
        ];
        for (; i < len; i++)
        {
            double w = Unsafe.Add(ref c, i);
            for (int r = 0; r < DenseBlock; r++)
            {
                double x = w * Unsafe.Add(ref Unsafe.Add(ref a0, (nint)r * len), i);
                for (int t = 0; t < DenseBlock; t++)
                    sums[r * DenseBlock + t] += x * Unsafe.Add(ref Unsafe.Add(ref b0, (nint)t * len), i);
            }
        }
        var columns = _units.DenseColumns;
        for (int r = 0; r < DenseBlock; r++)
            for (int t = 0; t < DenseBlock; t++)
                if (b + t >= a + r) h[columns[a + r] * k + columns[b + t]] = sums[r * DenseBlock + t];
    }

    /// <summary>sums[a·stride + b] = Σ v over rows with codes (a, b) in two groups.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void PairSums(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b, int stride, ReadOnlySpan<double> v,
        Span<double> sums)
    {
        sums.Clear();
        for (int i = 0; i < v.Length; i++) sums[a[i] * stride + b[i]] += v[i];
    }
}
