using System.Buffers.Binary;
using System.IO.MemoryMappedFiles;
using Lucene.Net.Store;

namespace JasKnowledge.Data.Search;

/// <summary>
/// The index folder with its files read through memory maps, as Lucene's <see cref="MMapDirectory"/> reads
/// them, without its register of copies. Every search copies open files many times over (each word's
/// postings reader works on a copy), and Lucene.Net's directory enters each copy in a table of weak
/// references so that closing a file can reach them: the garbage collector walks that table in every
/// collection, and under a flood of searches at 100,000 documents each gen-0 collection stopped the portal
/// for 8–19 ms, a gen-1 for 17–31 ms (2–3 and 7–9 ms without the register). Here a copy only shares the file's mapping; closing the file marks
/// the mapping closed, so a copy used afterwards fails as Lucene's would, and the memory is unmapped when
/// the mapping is no longer reachable (so no read can ever touch unmapped memory).
/// </summary>
internal sealed class MappedDirectory(DirectoryInfo folder) : FSDirectory(folder, null)
{
    public override IndexInput OpenInput(string name, IOContext context)
    {
        EnsureOpen();
        var path = Path.Combine(Directory.FullName, name);
        var mapping = Mapping.Open(path);
        return new MappedInput($"MappedInput(path=\"{path}\")", mapping, 0, mapping.Length, owner: true);
    }

    /// <summary>Slices of a compound file read the same mapping, at an offset: no buffer in between.</summary>
    public override IndexInputSlicer CreateSlicer(string name, IOContext context) => new Slicer((MappedInput)OpenInput(name, context));

    private sealed class Slicer(MappedInput file) : IndexInputSlicer
    {
        public override IndexInput OpenSlice(string sliceDescription, long offset, long length) => file.Slice(sliceDescription, offset, length);

        [Obsolete("Only for reading CFS files from 3.x indexes.")]
        public override IndexInput OpenFullSlice() => (IndexInput)file.Clone();

        protected override void Dispose(bool disposing)
        {
            if (disposing) file.Dispose();
        }
    }
}

/// <summary>A file mapped into memory, shared by the file's input and all its copies and slices.</summary>
internal sealed unsafe class Mapping
{
    private readonly MemoryMappedFile? _file;
    private readonly MemoryMappedViewAccessor? _view;

    public readonly byte* Start;
    public readonly long Length;

    /// <summary>Set when the file's own input is closed: every copy then refuses to read.</summary>
    public volatile bool Closed;

    private Mapping(MemoryMappedFile? file, MemoryMappedViewAccessor? view, byte* start, long length)
    {
        _file = file;
        _view = view;
        Start = start;
        Length = length;
    }

    public static Mapping Open(string path)
    {
        // The descriptor is not needed once the file is mapped; deleting the file (a merged-away segment) stays possible.
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var length = stream.Length;
        if (length == 0) return new Mapping(null, null, null, 0);
        var file = MemoryMappedFile.CreateFromFile(stream, null, 0, MemoryMappedFileAccess.Read, HandleInheritability.None, leaveOpen: true);
        try
        {
            var view = file.CreateViewAccessor(0, length, MemoryMappedFileAccess.Read);
            byte* start = null;
            view.SafeMemoryMappedViewHandle.AcquirePointer(ref start);
            return new Mapping(file, view, start + view.PointerOffset, length);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>Unmaps once neither the file's input nor any copy can reach the mapping any more.</summary>
    ~Mapping()
    {
        if (_view is null) return;
        _view.SafeMemoryMappedViewHandle.ReleasePointer();
        _view.Dispose();
        _file!.Dispose();
    }
}

/// <summary>One open file, a copy of it, or a slice of it (a file inside a compound file): a window on its mapping.</summary>
internal sealed unsafe class MappedInput : IndexInput
{
    private readonly Mapping _mapping;
    /// <summary>Where the window starts in the file, and its length.</summary>
    private readonly long _offset, _length;
    private long _position;
    /// <summary>The input opened on the file (not a copy or a slice): closing it closes the file.</summary>
    private bool _owner;

    public MappedInput(string description, Mapping mapping, long offset, long length, bool owner) : base(description)
    {
        (_mapping, _offset, _length, _owner) = (mapping, offset, length, owner);
    }

    public override long Length => _length;

    public override long Position => _position;

    public override void Seek(long pos)
    {
        EnsureOpen();
        if (pos < 0) throw new ArgumentOutOfRangeException(nameof(pos), $"Seeking to negative position: {this}");
        if (pos > _length) throw new EndOfStreamException($"seek past EOF: {this}");
        _position = pos;
    }

    public override byte ReadByte()
    {
        EnsureOpen();
        var position = _position;
        if (position >= _length) throw new EndOfStreamException($"read past EOF: {this}");
        _position = position + 1;
        return _mapping.Start[_offset + position];
    }

    public override void ReadBytes(byte[] b, int offset, int len) => Read(len).CopyTo(b.AsSpan(offset, len));

    public override short ReadInt16() => BinaryPrimitives.ReadInt16BigEndian(Read(2));

    public override int ReadInt32() => BinaryPrimitives.ReadInt32BigEndian(Read(4));

    public override long ReadInt64() => BinaryPrimitives.ReadInt64BigEndian(Read(8));

    /// <summary>The next <paramref name="count"/> bytes, after which the position is past them.</summary>
    private ReadOnlySpan<byte> Read(int count)
    {
        EnsureOpen();
        var position = _position;
        if (count < 0 || count > _length - position) throw new EndOfStreamException($"read past EOF: {this}");
        _position = position + count;
        return new ReadOnlySpan<byte>(_mapping.Start + _offset + position, count);
    }

    public override object Clone()
    {
        EnsureOpen();
        var copy = (MappedInput)base.Clone();
        copy._owner = false;
        return copy;
    }

    public MappedInput Slice(string description, long offset, long length)
    {
        EnsureOpen();
        if (offset < 0 || length < 0 || offset > _length - length)
            throw new ArgumentException($"slice() {description} out of bounds: offset={offset}, length={length}, fileLength={_length}: {this}");
        return new MappedInput($"{this} [slice={description}]", _mapping, _offset + offset, length, owner: false);
    }

    private void EnsureOpen()
    {
        if (_mapping.Closed) throw new ObjectDisposedException(ToString(), "this IndexInput is closed");
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && _owner) _mapping.Closed = true;
    }
}
