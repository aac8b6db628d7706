using FairCollective.Reporting.Figures;

namespace FairCollective.Reporting.Content;

/// <summary>A figure rendered for the report: its PNG bytes and the written files' paths relative to the report.</summary>
public sealed record RenderedFigure(Figure Figure, byte[] Png, string PngPath, string SvgPath);
