using System.IO.Compression;
using System.Text;

namespace FairCollective.Tests.Data;

/// <summary>A fresh directory under the system temp folder, deleted on dispose; writes plain or gzip text
/// files.</summary>
public sealed class TempDirectory : IDisposable
{
    public TempDirectory() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(),
        "fc-data-" + Guid.NewGuid().ToString("N"));

    public string Write(string name, string text)
    {
        string p = System.IO.Path.Combine(Path, name);
        File.WriteAllText(p, text);
        return p;
    }

    public string WriteGzip(string name, string text) => WriteGzip(name, System.Text.Encoding.UTF8.GetBytes(text));

    public string WriteGzip(string name, byte[] content)
    {
        string p = System.IO.Path.Combine(Path, name);
        using var file = File.Create(p);
        using var gz = new GZipStream(file, CompressionLevel.Optimal);
        gz.Write(content);
        return p;
    }

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { }
    }
}
