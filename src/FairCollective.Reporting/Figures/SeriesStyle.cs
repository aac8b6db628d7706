using ScottPlot;

namespace FairCollective.Reporting.Figures;

/// <summary>
/// How one named series is drawn. Every series differs from the others in colour, marker AND line pattern, so the
/// figures stay readable when printed in greyscale (colour alone would not survive).
/// </summary>
/// <param name="Name">Method name the style belongs to, as the legend shows it.</param>
/// <param name="Color">Line and marker colour.</param>
/// <param name="Marker">Marker shape.</param>
/// <param name="Pattern">Line pattern.</param>
public sealed record SeriesStyle(string Name, Color Color, MarkerShape Marker, LinePattern Pattern)
{
    /// <summary>Dash-dot, the one pattern ScottPlot does not predefine; used for reference lines.</summary>
    public static LinePattern DashDot { get; } = new([10, 4, 2, 4], 0, "DashDot");

    /// <summary>The no-action base line of every figure.</summary>
    public static SeriesStyle Base { get; } = new("Base (no action)", Color.FromHex("#D55E00"),
        MarkerShape.FilledDiamond, DashDot);

    /// <summary>
    /// The paper's strategies with fixed styles (Okabe-Ito colours, chosen so their grey values also differ). Names are
    /// the paper's own, so legends read as the paper does.
    /// </summary>
    private static readonly SeriesStyle[] Known =
    [
        new("RB-prob", Color.FromHex("#0072B2"), MarkerShape.FilledCircle, LinePattern.Solid),
        new("RB-label", Color.FromHex("#E69F00"), MarkerShape.FilledSquare, LinePattern.Dashed),
        new("RB-dist", Color.FromHex("#009E73"), MarkerShape.FilledTriangleUp, LinePattern.Dotted),
        new("Random", Color.FromHex("#7F7F7F"), MarkerShape.OpenDiamond, LinePattern.DenselyDashed),
        new("Oracle", Color.FromHex("#000000"), MarkerShape.Asterisk, DashDot),
        new(Experiments.Summaries.FirmSideSummary.CollectiveSeries, Color.FromHex("#0072B2"), MarkerShape.FilledCircle,
            LinePattern.Solid),
    ];

    /// <summary>
    /// Styles handed out in order to methods the list above does not name (firm-side methods, new strategies). Their
    /// colours differ from every fixed colour above and from the base line's, and from each other (any two of all these
    /// colours are more than 60 apart in RGB), so any series drawn together are told apart; only a figure with more
    /// than <see cref="ExtraCount"/> unnamed methods repeats a style.
    /// </summary>
    private static readonly SeriesStyle[] Extra =
    [
        new("", Color.FromHex("#CC79A7"), MarkerShape.OpenSquare, LinePattern.Dashed),
        new("", Color.FromHex("#56B4E9"), MarkerShape.OpenTriangleDown, LinePattern.Dotted),
        new("", Color.FromHex("#882255"), MarkerShape.OpenCircle, LinePattern.DenselyDashed),
        new("", Color.FromHex("#999933"), MarkerShape.Cross, DashDot),
        new("", Color.FromHex("#332288"), MarkerShape.Eks, LinePattern.Dashed),
        new("", Color.FromHex("#8C510A"), MarkerShape.OpenCircleWithDot, LinePattern.Dotted),
        new("", Color.FromHex("#E7298A"), MarkerShape.OpenTriangleUp, DashDot),
        new("", Color.FromHex("#00CED1"), MarkerShape.FilledTriangleDown, LinePattern.DenselyDashed),
        new("", Color.FromHex("#44AA99"), MarkerShape.OpenCircleWithCross, LinePattern.Dotted),
        new("", Color.FromHex("#661100"), MarkerShape.HashTag, LinePattern.DenselyDashed),
        new("", Color.FromHex("#117733"), MarkerShape.OpenCircleWithEks, LinePattern.Dashed),
    ];

    /// <summary>Methods outside the paper's names that get styles of their own before styles repeat.</summary>
    public static int ExtraCount => Extra.Length;

    /// <summary>Paper order of the strategies; legends and tables list methods in this order, others after
    /// it.</summary>
    public static int Order(string method)
    {
        int i = Array.FindIndex(Known, s => s.Name == method);
        return i < 0 ? Known.Length : i;
    }

    /// <summary>Sorts method names the way the paper lists them, unknown ones alphabetically after.</summary>
    public static IReadOnlyList<string> Sorted(IEnumerable<string> methods) =>
        methods.Distinct().OrderBy(Order).ThenBy(m => m, StringComparer.Ordinal).ToArray();

    /// <summary>Styles for the given methods: the fixed style for a known name, else the next unused extra
    /// style.</summary>
    public static IReadOnlyDictionary<string, SeriesStyle> For(IEnumerable<string> methods)
    {
        var styles = new Dictionary<string, SeriesStyle>(StringComparer.Ordinal);
        int next = 0;
        foreach (var m in Sorted(methods))
        {
            var known = Known.FirstOrDefault(s => s.Name == m);
            styles[m] = known ?? Extra[next++ % Extra.Length] with { Name = m };
        }
        return styles;
    }
}
