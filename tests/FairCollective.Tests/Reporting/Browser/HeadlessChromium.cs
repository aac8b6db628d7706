using System.Diagnostics;

namespace FairCollective.Tests.Reporting.Browser;

/// <summary>
/// A headless Chromium process with its own throw-away profile, listening for DevTools on a port it picks itself
/// (read back from the profile's DevToolsActivePort file, so parallel runs never collide on a port).
/// </summary>
public sealed class HeadlessChromium : IAsyncDisposable
{
    /// <summary>Where Debian's chromium package installs the browser (what test.sh installs).</summary>
    public const string DefaultPath = "/usr/bin/chromium";

    /// <summary>Overrides the browser location.</summary>
    public const string PathVariable = "FAIRCOLLECTIVE_CHROMIUM";

    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private readonly Process _process;
    private readonly string _profile;

    private HeadlessChromium(Process process, string profile, CdpConnection connection)
    {
        _process = process;
        _profile = profile;
        Connection = connection;
    }

    public CdpConnection Connection { get; }

    /// <summary>The browser to run, or null when none is installed.</summary>
    public static string? Locate()
    {
        var configured = Environment.GetEnvironmentVariable(PathVariable);
        if (!string.IsNullOrEmpty(configured)) return File.Exists(configured) ? configured : null;
        if (File.Exists(DefaultPath)) return DefaultPath;
        return (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .SelectMany(d => new[] { "chromium", "chromium-browser", "google-chrome" }.Select(n => Path.Combine(d, n)))
            .FirstOrDefault(File.Exists);
    }

    public static async Task<HeadlessChromium> StartAsync(string executable, CancellationToken ct)
    {
        var profile = Directory.CreateTempSubdirectory("fc-chromium-").FullName;
        var info = new ProcessStartInfo(executable)
        {
            RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false,
        };
        foreach (var arg in new[]
                 {
                     "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                         "--disable-background-networking",
                     "--disable-component-update", "--disable-sync", "--disable-extensions", "--hide-scrollbars",
                     $"--user-data-dir={profile}", "--remote-debugging-port=0", "about:blank",
                 })
            info.ArgumentList.Add(arg);
        var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {executable}");
        // Drain the pipes so a chatty browser never blocks on a full buffer.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            var endpoint = await ReadEndpointAsync(profile, process, ct);
            return new HeadlessChromium(process, profile, await CdpConnection.ConnectAsync(endpoint, ct));
        }
        catch
        {
            Kill(process);
            throw;
        }
    }

    private static async Task<Uri> ReadEndpointAsync(string profile, Process process, CancellationToken ct)
    {
        var file = Path.Combine(profile, "DevToolsActivePort");
        var deadline = DateTime.UtcNow + StartTimeout;
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited) throw new
                InvalidOperationException($"chromium exited with code {process.ExitCode} before opening DevTools");
            if (File.Exists(file))
            {
                var lines = (await File.ReadAllLinesAsync(file, ct)).Where(l => l.Length > 0).ToArray();
                if (lines.Length >= 2) return new Uri($"ws://127.0.0.1:{lines[0]}{lines[1]}");
            }
            await Task.Delay(100, ct);
        }
        throw new TimeoutException($"chromium did not open DevTools within {StartTimeout.TotalSeconds} s");
    }

    private static void Kill(Process process)
    {
        try
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            process.WaitForExit(5000);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Connection.DisposeAsync();
        Kill(_process);
        _process.Dispose();
        try
        {
            Directory.Delete(_profile, true);
        }
        catch (IOException)
        {
            // A crash-reporter file may still be open; the temp directory is cleaned by the system.
        }
    }
}
