using System.Buffers.Binary;
using FairCollective.Common;

namespace FairCollective.Data.Csv;

/// <summary>
/// Detects truncated gzip files. .NET's GZipStream ends silently when the compressed data stops early
/// (verified on .NET 10), so a half-copied file would load as a shorter dataset. A gzip member ends with the
/// uncompressed size mod 2^32 (ISIZE, RFC 1952); this stream counts the decompressed bytes and compares them
/// with that trailer at the end. A bgzip file ends with a fixed empty member, its own truncation marker,
/// so its trailer check is skipped.
/// </summary>
internal sealed class GzipTrailerCheck : Stream
{
    // RFC 1952: the last 4 bytes of a member are ISIZE, little-endian.
    private const int TrailerSizeBytes = 4;

    // The 28-byte BGZF end-of-file block (SAM/BAM specification, section 4.1.2).
    private static ReadOnlySpan<byte> BgzfEof =>
    [
        0x1f, 0x8b, 0x08, 0x04, 0x00, 0x00, 0x00, 0x00, 0x00, 0xff, 0x06, 0x00, 0x42, 0x43, 0x02, 0x00,
        0x1b, 0x00, 0x03, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    ];

    private readonly Stream _inner;
    private readonly string _displayName;
    private readonly uint? _expectedSize;
    private ulong _count;

    private GzipTrailerCheck(Stream inner, string displayName, uint? expectedSize)
    {
        _inner = inner;
        _displayName = displayName;
        _expectedSize = expectedSize;
    }

    /// <summary>Wraps <paramref name="decompressed"/>, reading the trailer of the seekable
    /// <paramref name="compressed"/> (then rewinds it).</summary>
    public static Stream Wrap(Stream decompressed, Stream compressed, string displayName)
    {
        if (!compressed.CanSeek || compressed.Length < BgzfEof.Length) return new GzipTrailerCheck(decompressed,
            displayName, null);
        long start = compressed.Position;
        Span<byte> tail = stackalloc byte[BgzfEof.Length];
        compressed.Seek(-BgzfEof.Length, SeekOrigin.End);
        compressed.ReadExactly(tail);
        compressed.Position = start;
        uint? expected = tail.SequenceEqual(BgzfEof) ? null :
            BinaryPrimitives.ReadUInt32LittleEndian(tail[^TrailerSizeBytes..]);
        return new GzipTrailerCheck(decompressed, displayName, expected);
    }

    public override int Read(Span<byte> buffer)
    {
        int n = _inner.Read(buffer);
        _count += (uint)n;
        if (n == 0 && buffer.Length > 0 && _expectedSize is { } expected && (uint)_count != expected)
            throw new UserInputException(
                $"{_displayName}: gzip data is truncated or corrupt (decompressed {_count:N0} bytes, the gzip " +
                    $"trailer records {expected:N0}); copy the file again");
        return n;
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => (long)_count; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) _inner.Dispose();
        base.Dispose(disposing);
    }
}
