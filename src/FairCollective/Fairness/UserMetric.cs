namespace FairCollective.Fairness;

/// <summary>
/// A metric the user supplies for a <see cref="MetricFrame"/>: called once per group, once on all rows and (with a
/// minority) once each on the pooled minority and majority, with that set's labels, predictions and sample weights
/// (null when unweighted). It becomes a column with its overall value, differences and ratios like the built-in ones.
/// </summary>
/// <param name="Name">Column name; must differ from the built-in ones (<see cref="MetricFrameColumns.BuiltIn"/>) and
/// from each other.</param>
/// <param name="Function">The metric of one set of rows: (y_true, y_pred, weights or null) to a value; NaN when
/// undefined.</param>
public sealed record UserMetric(string Name, Func<int[], int[], double[]?, double> Function);
