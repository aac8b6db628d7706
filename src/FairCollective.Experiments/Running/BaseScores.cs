using System.Globalization;
using System.Text;
using FairCollective.Collective;
using FairCollective.Collective.Strategies;
using FairCollective.Common;
using FairCollective.Experiments.Specs;
using FairCollective.Learning.Catalog;

namespace FairCollective.Experiments.Running;

/// <summary>
/// What a post-processor sees: the base model's scores and labels on the rows it is fitted on (the validation split,
/// or the training split without one) and on the test split, with true labels and groups, for one dataset and seed,
/// built exactly as an experiment builds them (same split, encoding and learner). Exported as CSV
/// (<c>faircollective scores</c>) so that another library can post-process the same numbers; the agreement tests with
/// AIF360 and fairlearn are built on it.
/// </summary>
/// <param name="Dataset">The dataset's display name.</param>
/// <param name="Seed">The seed of the split and the learner.</param>
/// <param name="FitSplit">"validation" or "training": the rows post-processors are fitted on.</param>
/// <param name="FitScores">The base model's P(y = 1) on the fitting rows.</param>
/// <param name="FitLabels">True labels of the fitting rows.</param>
/// <param name="FitMinority">Whether each fitting row is in the minority.</param>
/// <param name="FitPredictions">The base model's labels on the fitting rows (what equalized-odds post-processing
/// mixes).</param>
/// <param name="TestScores">The base model's P(y = 1) on the test rows.</param>
/// <param name="TestLabels">True labels of the test rows.</param>
/// <param name="TestMinority">Whether each test row is in the minority.</param>
/// <param name="TestPredictions">The base model's labels on the test rows.</param>
public sealed record BaseScores(string Dataset, int Seed, string FitSplit, double[] FitScores, int[] FitLabels,
    bool[] FitMinority, int[] FitPredictions,
    double[] TestScores, int[] TestLabels, bool[] TestMinority, int[] TestPredictions)
{
    /// <summary>
    /// The base model of <paramref name="dataset"/> at <paramref name="seed"/> under a split of
    /// <paramref name="testFraction"/> test rows and <paramref name="validationFraction"/> validation rows, fitted by
    /// <paramref name="learner"/> with its default options.
    /// </summary>
    public static BaseScores Of(string dataset, int seed, double testFraction = SpecDefaults.TestFraction,
        double validationFraction = 0, string learner = SpecDefaults.Learner)
    {
        var spec = new ExperimentSpec
        {
            Name = "scores", Datasets = [new DatasetChoice(dataset)], Learners = [learner], Strategies =
                [StrategyCatalog.Random],
            Sizes = [CollectiveSize.Share(0)], Budgets = [FlipBudget.Flips(0)], MajorityRows = [null], Seeds = [seed],
            TestFraction = testFraction, ValidationFraction = validationFraction,
        };
        var plan = RunGrid.Build(spec);
        var split = plan.Splits.Single().Value;
        var model = LearnerCatalog.Create(learner, spec.Learner, seed, innerParallelism: 1).Fit(split.TrainX,
            split.TrainY);
        bool validation = split.ValidationX is not null;
        var fitX = validation ? split.ValidationX! : split.TrainX;
        return new BaseScores(plan.Splits.Single().Key.Dataset, seed, validation ? "validation" : "training",
            model.PredictProba(fitX), validation ? split.ValidationY! : split.TrainY, (validation ?
                split.ValidationGroups! : split.TrainGroups).MinorityFlags.ToArray(),
            model.Predict(fitX), model.PredictProba(split.TestX), split.TestY, split.TestGroups.MinorityFlags.ToArray(),
                model.Predict(split.TestX));
    }

    /// <summary>
    /// The rows as CSV: <c>split,label,minority,score,prediction</c>, fitting rows first, then test rows; scores in
    /// round-trip form, so another program reads exactly these doubles. Deterministic: the same dataset, seed and
    /// settings give the same bytes.
    /// </summary>
    public string ToCsv()
    {
        var b = new StringBuilder("split,label,minority,score,prediction\n");
        void Rows(string split, double[] scores, int[] labels, bool[] minority, int[] predictions)
        {
            for (int i = 0; i < scores.Length; i++)
                b.Append(split).Append(',').Append(labels[i].ToString(CultureInfo.InvariantCulture)).Append(',')
                    .Append(minority[i] ? '1' : '0').Append(',')
                    .Append(scores[i].ToString("R",
                        CultureInfo.InvariantCulture)).Append(',')
                        .Append(predictions[i].ToString(CultureInfo.InvariantCulture)).Append('\n');
        }
        Rows(FitSplit, FitScores, FitLabels, FitMinority, FitPredictions);
        Rows("test", TestScores, TestLabels, TestMinority, TestPredictions);
        return b.ToString();
    }

    /// <summary>Lower-case hex SHA-256 of <see cref="ToCsv"/>'s UTF-8 bytes: what the agreement golden file records of
    /// its inputs.</summary>
    public string Sha256()
        => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(ToCsv())));

    /// <summary>Writes <see cref="ToCsv"/> to <paramref name="path"/> atomically.</summary>
    public void WriteCsv(string path) => AtomicFile.WriteAllText(path, ToCsv());
}
