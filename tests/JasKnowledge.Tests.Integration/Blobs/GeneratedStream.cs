using System.Security.Cryptography;

namespace JasKnowledge.Tests.Integration.Blobs;

/// <summary>A non-seekable stream of unknown length that makes deterministic pseudo-random bytes as
/// they are read (so a 100 MB upload never needs 100 MB), hashing them on the way out. It records
/// what the reader asked of it, and can break down part-way through.</summary>
internal sealed class GeneratedStream(long length, long breakAt = long.MaxValue, Action? atBreak = null) : Stream
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private long _position;
    private bool _broken;

    /// <summary>The largest number of bytes any single read asked for.</summary>
    public int LargestReadRequested { get; private set; }

    /// <summary>The highest GC.GetTotalMemory(false) seen at any read: the heap while the reader works.</summary>
    public long HeapPeak { get; private set; }

    public long Produced => _position;

    public byte[] Sha256() => _hash.GetCurrentHash();

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        LargestReadRequested = Math.Max(LargestReadRequested, buffer.Length);
        HeapPeak = Math.Max(HeapPeak, GC.GetTotalMemory(false));
        if (_position >= breakAt && !_broken)
        {
            _broken = true;
            (atBreak ?? (() => throw new IOException("The generated stream broke down on purpose.")))();
        }
        var end = _position < breakAt ? Math.Min(length, breakAt) : length;
        var count = (int)Math.Min(buffer.Length, end - _position);
        for (var i = 0; i < count; i++)
        {
            var at = _position + i;
            buffer[i] = (byte)(Mix((ulong)at >> 3) >> (int)((at & 7) * 8));
        }
        _hash.AppendData(buffer[..count]);
        _position += count;
        return count;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(Read(buffer.Span));
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) _hash.Dispose();
        base.Dispose(disposing);
    }

    // SplitMix64: eight well-mixed bytes per word index, so any byte follows from its position alone.
    private static ulong Mix(ulong x)
    {
        x += 0x9E3779B97F4A7C15;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EB;
        return x ^ (x >> 31);
    }
}
