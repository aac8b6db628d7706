using FairCollective.Reporting.Figures;

namespace FairCollective.Reporting.Content;

/// <summary>A figure rendered for the report: its PNG bytes and the written files' paths relative to the
/// report.</summary>
/// <param name="Figure">The figure drawn.</param>
/// <param name="Png">PNG bytes, embedded in the HTML page.</param>
/// <param name="PngPath">Path of the PNG file relative to the report folder.</param>
/// <param name="SvgPath">Path of the SVG file relative to the report folder.</param>
public sealed record RenderedFigure(Figure Figure, byte[] Png, string PngPath, string SvgPath);
