using FairCollective.Data;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace FairCollective.Learning.Boosting;

/// <summary>Our design matrix as an ML.NET IDataView: a float vector column of the matrix's width, a label, a
/// weight.</summary>
internal static class FastTreeData
{
    public const string Features = nameof(Row.Features);
    public const string Label = nameof(Row.Label);
    public const string Weight = nameof(Row.Weight);
    public const string Probability = "Probability";

    public sealed class Row
    {
        public float[] Features { get; set; } = [];
        public bool Label { get; set; }
        public float Weight { get; set; }
    }

    public static IDataView Load(MLContext ml, DesignMatrix x, ReadOnlySpan<int> y, ReadOnlySpan<double> weights)
    {
        var rows = new Row[x.Rows];
        for (int i = 0; i < rows.Length; i++)
        {
            var features = new float[x.Cols];
            var source = x.Row(i);
            for (int j = 0; j < features.Length; j++) features[j] = (float)source[j];
            rows[i] = new Row
            {
                Features = features,
                Label = !y.IsEmpty && y[i] == 1,
                Weight = weights.IsEmpty ? 1f : (float)weights[i],
            };
        }
        // The vector width is only known at run time, so the schema is declared explicitly.
        var schema = SchemaDefinition.Create(typeof(Row));
        schema[Features].ColumnType = new VectorDataViewType(NumberDataViewType.Single, x.Cols);
        return ml.Data.LoadFromEnumerable(rows, schema);
    }
}
