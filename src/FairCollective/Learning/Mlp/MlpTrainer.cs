using FairCollective.Common;
using FairCollective.Data;
using FairCollective.Learning.Optimization;

namespace FairCollective.Learning.Mlp;

/// <summary>
/// A small fully connected network (one or two ReLU hidden layers, sigmoid output, weighted log-loss) trained with
/// Adam on seeded, shuffled mini-batches and early stopping, after scikit-learn's MLPClassifier.
/// Written by hand because no well-kept small .NET MLP library exists: TorchSharp drags in libtorch's native
/// binaries, and ML.NET has no MLP trainer. Single-threaded per fit, hence deterministic for a seed.
/// </summary>
public sealed class MlpTrainer : ITrainer
{
    /// <summary>A trainer with <paramref name="options"/> (defaults when null).</summary>
    /// <exception cref="UserInputException">An option is out of range.</exception>
    public MlpTrainer(MlpOptions? options = null)
    {
        Options = options ?? new MlpOptions();
        Options.Validate();
    }

    /// <summary>The validated settings every fit uses.</summary>
    public MlpOptions Options { get; }

    /// <inheritdoc/>
    public string Name => "mlp";

    /// <inheritdoc/>
    public IClassifier Fit(DesignMatrix x, ReadOnlySpan<int> y, ReadOnlySpan<double> sampleWeights = default) =>
        FitModel(x, y, sampleWeights);

    /// <summary><see cref="Fit"/> with the concrete model type (epochs run, best monitored loss).</summary>
    public MlpModel FitModel(DesignMatrix x, ReadOnlySpan<int> y, ReadOnlySpan<double> sampleWeights = default)
    {
        var weights = TrainingInput.Validate(Name, x, y, sampleWeights);
        var o = Options;
        var network = new MlpNetwork(x.Cols, o.HiddenLayerSizes);
        var parameters = Initialize(network, o.Seed);
        var (train, validation) = Split(x.Rows, o);
        var labels = y.ToArray();

        var state = new TrainingState(network);
        double best = double.PositiveInfinity;
        var bestParameters = (double[])parameters.Clone();
        int epochsWithoutImprovement = 0, epoch = 0;
        while (epoch < o.MaxEpochs)
        {
            var order = (int[])train.Clone();
            Shuffle(order, Seeds.Create(o.Seed, "mlp-shuffle", epoch));
            double trainingLoss = RunEpoch(network, parameters, state, x, labels, weights, order);
            epoch++;
            double monitored = o.EarlyStopping ? MeanLogLoss(network, parameters, x, labels, weights, validation,
                state.Activations) : trainingLoss;
            // scikit-learn's rule: count an epoch as no improvement unless it beats the best by tol.
            epochsWithoutImprovement = monitored > best - o.Tolerance ? epochsWithoutImprovement + 1 : 0;
            if (monitored < best)
            {
                best = monitored;
                if (o.EarlyStopping) parameters.CopyTo(bestParameters, 0);
            }
            if (epochsWithoutImprovement >= o.Patience) break;
        }
        return new MlpModel(network, o.EarlyStopping ? bestParameters : parameters, epoch, best);
    }

    /// <summary>He-uniform weights for ReLU layers, Glorot-uniform for the sigmoid output, zero biases.</summary>
    private static double[] Initialize(MlpNetwork network, int seed)
    {
        var rng = Seeds.Create(seed, "mlp-init");
        var p = new double[network.ParameterCount];
        for (int l = 0; l < network.Layers; l++)
        {
            int fanIn = network.Widths[l], fanOut = network.Widths[l + 1];
            bool output = l == network.Layers - 1;
            double bound = output ? Math.Sqrt(6.0 / (fanIn + fanOut)) : Math.Sqrt(6.0 / fanIn);
            for (int k = 0; k < fanIn * fanOut; k++) p[network.WeightOffsets[l] + k] = bound * (2 * rng.NextDouble() -
                1);
        }
        return p;
    }

    /// <summary>Seeded hold-out of ValidationFraction of the rows (at least one row on each side) when early
    /// stopping.</summary>
    private static (int[] Train, int[] Validation) Split(int n, MlpOptions o)
    {
        if (!o.EarlyStopping || n < 2) return (Enumerable.Range(0, n).ToArray(), []);
        var perm = Seeds.Permutation(n, Seeds.Create(o.Seed, "mlp-validation"));
        int validation = Math.Clamp((int)Math.Round(o.ValidationFraction * n), 1, n - 1);
        return (perm[validation..], perm[..validation]);
    }

    private static void Shuffle(int[] order, Random rng)
    {
        for (int i = order.Length - 1; i > 0; i--)
        {
            int j = rng.Next(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }
    }

    /// <summary>One pass of Adam over the shuffled mini-batches; returns the epoch's mean penalised training
    /// loss.</summary>
    private double RunEpoch(MlpNetwork net, double[] p, TrainingState s, DesignMatrix x, int[] y, double[] w,
        int[] order)
    {
        var o = Options;
        double lossSum = 0, weightSum = 0;
        for (int start = 0; start < order.Length; start += o.BatchSize)
        {
            int end = Math.Min(start + o.BatchSize, order.Length);
            Array.Clear(s.Gradient);
            double batchLoss = 0, batchWeight = 0;
            for (int b = start; b < end; b++)
            {
                int i = order[b];
                double si = w[i];
                if (si == 0) continue;
                double z = net.Forward(p, x.Row(i), s.Activations);
                batchLoss += si * VectorMath.LogOnePlusExpNeg(y[i] == 1 ? z : -z);
                batchWeight += si;
                Backward(net, p, s, x.Row(i), si * (VectorMath.Sigmoid(z) - y[i]));
            }
            if (batchWeight == 0) continue;
            // Mean over the batch's weight, plus α‖W‖²/2 on that same scale (scikit-learn divides by the batch size).
            double inverse = 1.0 / batchWeight, penalty = 0;
            for (int k = 0; k < s.Gradient.Length; k++) s.Gradient[k] *= inverse;
            for (int l = 0; l < net.Layers; l++)
            {
                var wl = p.AsSpan(net.WeightOffsets[l], net.Widths[l] * net.Widths[l + 1]);
                penalty += VectorMath.Dot(wl, wl);
                VectorMath.AddScaled(s.Gradient.AsSpan(net.WeightOffsets[l], wl.Length), wl, o.L2Penalty * inverse);
            }
            lossSum += batchLoss + 0.5 * o.L2Penalty * penalty;
            weightSum += batchWeight;
            AdamStep(p, s);
        }
        return weightSum > 0 ? lossSum / weightSum : double.PositiveInfinity;
    }

    /// <summary>Backpropagates the output error <paramref name="outputDelta"/> = sᵢ(pᵢ − yᵢ) of one row into the
    /// gradient.</summary>
    private static void Backward(MlpNetwork net, double[] p, TrainingState s, ReadOnlySpan<double> input,
        double outputDelta)
    {
        int last = net.Layers - 1;
        s.Deltas[last + 1][0] = outputDelta;
        for (int l = last; l >= 0; l--)
        {
            int fanIn = net.Widths[l], fanOut = net.Widths[l + 1];
            ReadOnlySpan<double> aIn = l == 0 ? input : s.Activations[l].AsSpan(0, fanIn);
            var delta = s.Deltas[l + 1];
            if (l > 0) Array.Clear(s.Deltas[l], 0, fanIn);
            for (int j = 0; j < fanOut; j++)
            {
                double dj = delta[j];
                if (dj == 0) continue;
                VectorMath.AddScaled(s.Gradient.AsSpan(net.WeightOffsets[l] + j * fanIn, fanIn), aIn, dj);
                s.Gradient[net.BiasOffsets[l] + j] += dj;
                if (l > 0) VectorMath.AddScaled(s.Deltas[l].AsSpan(0, fanIn), p.AsSpan(net.WeightOffsets[l] + j * fanIn,
                    fanIn), dj);
            }
            if (l > 0)
            {
                var prev = s.Deltas[l];
                for (int k = 0; k < fanIn; k++) if (aIn[k] <= 0) prev[k] = 0; // ReLU'
            }
        }
    }

    /// <summary>Adam with bias correction folded into the step size (Kingma &amp; Ba, section 2; scikit-learn's
    /// form).</summary>
    private void AdamStep(double[] p, TrainingState s)
    {
        var o = Options;
        s.Step++;
        double step = o.LearningRate * Math.Sqrt(1 - Math.Pow(o.Beta2, s.Step)) / (1 - Math.Pow(o.Beta1, s.Step));
        for (int k = 0; k < p.Length; k++)
        {
            double g = s.Gradient[k];
            s.FirstMoment[k] = o.Beta1 * s.FirstMoment[k] + (1 - o.Beta1) * g;
            s.SecondMoment[k] = o.Beta2 * s.SecondMoment[k] + (1 - o.Beta2) * g * g;
            p[k] -= step * s.FirstMoment[k] / (Math.Sqrt(s.SecondMoment[k]) + o.Epsilon);
        }
    }

    /// <summary>Weighted mean log-loss on <paramref name="rows"/> (unweighted if their weights sum to zero).</summary>
    private static double MeanLogLoss(MlpNetwork net, double[] p, DesignMatrix x, int[] y, double[] w, int[] rows,
        double[][] activations)
    {
        double loss = 0, total = 0, plain = 0;
        foreach (int i in rows)
        {
            double z = net.Forward(p, x.Row(i), activations);
            double l = VectorMath.LogOnePlusExpNeg(y[i] == 1 ? z : -z);
            loss += w[i] * l;
            total += w[i];
            plain += l;
        }
        return total > 0 ? loss / total : plain / rows.Length;
    }

    /// <summary>Buffers reused across every row and batch of one fit.</summary>
    private sealed class TrainingState
    {
        public TrainingState(MlpNetwork net)
        {
            Gradient = new double[net.ParameterCount];
            FirstMoment = new double[net.ParameterCount];
            SecondMoment = new double[net.ParameterCount];
            Activations = net.NewActivationBuffers();
            Deltas = new double[net.Layers + 1][];
            for (int l = 0; l <= net.Layers; l++) Deltas[l] = new double[net.Widths[l]];
        }

        public double[] Gradient { get; }
        public double[] FirstMoment { get; }
        public double[] SecondMoment { get; }
        public double[][] Activations { get; }

        /// <summary>Deltas[l] = ∂loss/∂(pre-activation of layer-l units), l = 1..Layers.</summary>
        public double[][] Deltas { get; }
        public long Step { get; set; }
    }
}
