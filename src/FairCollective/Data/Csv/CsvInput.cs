using System.IO.Compression;
using FairCollective.Common;

namespace FairCollective.Data.Csv;

/// <summary>
/// Opens a data file for reading: gzip is recognised by its magic bytes (so a gzip file without the .gz suffix
/// also works), decompressed transparently, and checked for truncation. Missing files are user errors.
/// </summary>
public static class CsvInput
{
    private const byte GzipMagic0 = 0x1f;
    private const byte GzipMagic1 = 0x8b;
    private const int FileBufferBytes = 1 << 16;

    /// <summary>Opens <paramref name="path"/>, decompressing gzip. Throws <see cref="UserInputException"/> when
    /// absent.</summary>
    public static Stream Open(string path)
    {
        if (string.IsNullOrWhiteSpace(path)) throw new UserInputException("no data file given (empty path)");
        InputFile.Require(path, "data file", $"{path}: file not found");
        FileStream file;
        try
        {
            file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileBufferBytes);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UserInputException($"{path}: cannot open ({e.Message})", e);
        }
        Span<byte> head = stackalloc byte[2];
        int n = file.ReadAtLeast(head, 2, throwOnEndOfStream: false);
        file.Position = 0;
        bool gzip = n == 2 && head[0] == GzipMagic0 && head[1] == GzipMagic1;
        if (!gzip)
        {
            if (path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
            {
                file.Dispose();
                throw new UserInputException($"{path}: name ends in .gz but the file is not gzip data");
            }
            return file;
        }
        return GzipTrailerCheck.Wrap(new GZipStream(file, CompressionMode.Decompress), file, path);
    }
}
