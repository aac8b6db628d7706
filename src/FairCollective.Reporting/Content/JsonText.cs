using System.Text.Json;

namespace FairCollective.Reporting.Content;

/// <summary>Indents JSON for display; text that is not JSON is shown as it is (provenance must never break the
/// report).</summary>
public static class JsonText
{
    /// <summary>
    /// Relaxed escaping keeps &lt;, &amp; and non-ASCII readable (the default writes \u003C); the HTML writer encodes
    /// the text afterwards, so nothing is left unescaped in the page.
    /// </summary>
    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping
    };

    /// <summary><paramref name="json"/> indented, or unchanged when it does not parse as JSON.</summary>
    public static string Pretty(string json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            return JsonSerializer.Serialize(doc.RootElement, Indented);
        }
        catch (JsonException)
        {
            return json;
        }
    }
}
