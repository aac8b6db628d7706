using System.Text.Json;
using System.Text.Json.Nodes;

namespace FairCollective.Tests.Reporting.Browser;

/// <summary>What a reader's browser shows of one figure: whether its image loaded, its size, and how much of it is
/// ink.</summary>
public sealed record FigureView(string Name, bool Loaded, double Width, double Height, double InkShare);

/// <summary>The result of opening a page in the browser: console errors and exceptions, the figures, a full-page
/// screenshot.</summary>
public sealed record PageInspection(IReadOnlyList<string> Errors, IReadOnlyList<FigureView> Figures, int ImageCount,
    int BrokenImages, byte[] Screenshot)
{
    /// <summary>
    /// Per figure: the image has loaded and has a size on the page, and the share of its pixels that are not
    /// (near-)white, drawn onto a canvas -- a figure that rendered blank has almost no ink. Data URIs are same-origin,
    /// so reading the canvas back is allowed.
    /// </summary>
    private const string FigureProbe = """
        JSON.stringify({
          images: document.images.length,
          broken: Array.from(document.images).filter(i => !(i.complete && i.naturalWidth > 0)).length,
          figures: Array.from(document.querySelectorAll('figure[data-figure]')).map(f => {
            const img = f.querySelector('img');
            if (!img) return { name: f.dataset.figure, loaded: false, width: 0, height: 0, ink: 0 };
            const r = img.getBoundingClientRect();
            const loaded = img.complete && img.naturalWidth > 0;
            let ink = 0;
            if (loaded) {
              const c = document.createElement('canvas');
              c.width = 400; c.height = Math.max(1, Math.round(400 * img.naturalHeight / img.naturalWidth));
              const g = c.getContext('2d');
              g.drawImage(img, 0, 0, c.width, c.height);
              const d = g.getImageData(0, 0, c.width, c.height).data;
              let n = 0;
              for (let p = 0; p < d.length; p += 4) if (d[p] < 235 || d[p + 1] < 235 || d[p + 2] < 235) n++;
              ink = n / (c.width * c.height);
            }
            return { name: f.dataset.figure, loaded: loaded, width: r.width, height: r.height, ink: ink };
          })
        })
        """;

    /// <summary>Width of the emulated window, in CSS pixels: a laptop screen.</summary>
    public const int ViewportWidth = 1280;
    public const int ViewportHeight = 900;

    public static async Task<PageInspection> OpenAsync(CdpConnection cdp, Uri page, CancellationToken ct)
    {
        var target = await cdp.SendAsync("Target.createTarget", new JsonObject { ["url"] = "about:blank" }, null, ct);
        var attached = await cdp.SendAsync("Target.attachToTarget",
            new JsonObject { ["targetId"] = target["targetId"]!.GetValue<string>(), ["flatten"] = true }, null, ct);
        var session = attached["sessionId"]!.GetValue<string>();
        foreach (var domain in new[] { "Runtime.enable", "Log.enable", "Page.enable" }) await cdp.SendAsync(domain,
            null, session, ct);
        await cdp.SendAsync("Emulation.setDeviceMetricsOverride",
            new JsonObject
            {
                ["width"] = ViewportWidth, ["height"] = ViewportHeight, ["deviceScaleFactor"] = 1,
                ["mobile"] = false
            }, session, ct);
        var nav = await cdp.SendAsync("Page.navigate", new JsonObject { ["url"] = page.AbsoluteUri }, session, ct);
        if (nav["errorText"] is JsonNode navError) throw new
            InvalidOperationException($"navigation to {page} failed: {navError}");
        await cdp.WaitForEventAsync("Page.loadEventFired", ct);

        var probe = await cdp.SendAsync("Runtime.evaluate", new JsonObject
        {
            ["expression"] = FigureProbe,
            ["returnByValue"] = true
        }, session, ct);
        if (probe["exceptionDetails"] is JsonNode ex) throw new
            InvalidOperationException($"the figure probe threw: {ex.ToJsonString()}");
        using var doc = JsonDocument.Parse(probe["result"]!["value"]!.GetValue<string>());
        var figures = doc.RootElement.GetProperty("figures").EnumerateArray()
            .Select(f => new FigureView(f.GetProperty("name").GetString()!, f.GetProperty("loaded").GetBoolean(),
                f.GetProperty("width").GetDouble(),
                f.GetProperty("height").GetDouble(), f.GetProperty("ink").GetDouble()))
            .ToArray();

        var metrics = await cdp.SendAsync("Page.getLayoutMetrics", null, session, ct);
        var size = metrics["cssContentSize"]!;
        var shot = await cdp.SendAsync("Page.captureScreenshot", new JsonObject
        {
            ["format"] = "png", ["captureBeyondViewport"] = true,
            ["clip"] = new JsonObject
            {
                ["x"] = 0, ["y"] = 0, ["width"] = size["width"]!.GetValue<double>(),
                ["height"] = size["height"]!.GetValue<double>(), ["scale"] = 1
            },
        }, session, ct);

        return new PageInspection(CollectErrors(cdp, session), figures,
            doc.RootElement.GetProperty("images").GetInt32(),
            doc.RootElement.GetProperty("broken").GetInt32(),
                Convert.FromBase64String(shot["data"]!.GetValue<string>()));
    }

    /// <summary>Console errors, uncaught exceptions and browser log errors (e.g. a resource that failed to
    /// load).</summary>
    private static IReadOnlyList<string> CollectErrors(CdpConnection cdp, string session) =>
        cdp.Events.Where(e => e.SessionId == session).Select(e => e.Method switch
            {
                "Runtime.consoleAPICalled" when e.Params["type"]?.GetValue<string>() is "error" or "assert"
                    => "console: " + e.Params["args"]?.ToJsonString(),
                "Runtime.exceptionThrown" => "exception: " + e.Params["exceptionDetails"]?.ToJsonString(),
                "Log.entryAdded" when e.Params["entry"]?["level"]?.GetValue<string>() == "error"
                    => "log: " + e.Params["entry"]?["text"]?.GetValue<string>(),
                _ => null,
            })
            .OfType<string>()
            .ToArray();
}
