using System.Buffers;
using System.Buffers.Text;
using System.Text;

namespace JasKnowledge.Web.Hosting.Http;

/// <summary>
/// Follows the requests of one HTTP/1.x connection byte by byte, as Kestrel frames them (RFC 9112: the head up to its empty
/// line, then a body of Content-Length bytes or in chunks), only to find where each request line begins, so that every request
/// line, not only a connection's first, can be judged before Kestrel reads it (<see cref="ForeignHttpVersions"/>). Wherever
/// Kestrel's framing and this one could differ (both lengths given, an unknown coding, an upgrade, a line longer than Kestrel
/// takes), it stops following, and the connection is Kestrel's alone from there, as every connection was before.
/// </summary>
public sealed class RequestFraming(int maxRequestLine)
{
    private enum State { BeforeLine, RequestLine, HeaderLine, Body, ChunkSize, ChunkData, ChunkEnd, Trailer, Stopped }

    /// <summary>Enough of a header line to read the fields the framing depends on; longer lines of other fields are skipped.</summary>
    private const int KeptHeaderBytes = 256;

    private State _state = State.BeforeLine;
    private readonly byte[] _line = new byte[Math.Max(maxRequestLine, KeptHeaderBytes) + 1];
    private int _lineLength;
    private bool _lineTooLong;
    private long _requestStart;
    private long _remaining;
    private long? _contentLength;
    private bool _chunked, _upgrade, _closes, _http10, _keepAlive;

    /// <summary>Where the first request Kestrel would refuse for its version begins (blank lines before it included), once found.</summary>
    public long? ForeignAt { get; private set; }

    /// <summary>Whether more bytes can still change anything: false once a foreign request was found or following stopped.</summary>
    public bool Following => _state != State.Stopped;

    /// <summary>Reads the next bytes of the connection, which begin at <paramref name="offset"/> from its start.</summary>
    public void Feed(ReadOnlySpan<byte> bytes, long offset)
    {
        var i = 0;
        while (i < bytes.Length && _state != State.Stopped)
        {
            switch (_state)
            {
                case State.BeforeLine:
                    // Kestrel skips empty lines before a request line (RFC 9112 §2.2).
                    var first = bytes[i..].IndexOfAnyExcept((byte)'\r', (byte)'\n');
                    if (first < 0) { i = bytes.Length; break; }
                    i += first;
                    // A request line begins with its method; a TLS handshake or HTTP/2's frames never do.
                    if (!ForeignHttpVersions.IsMethodByte(bytes[i])) { Stop(); break; }
                    _state = State.RequestLine;
                    _lineLength = 0;
                    _lineTooLong = false;
                    break;
                case State.RequestLine:
                    if (!TakeLine(bytes, ref i, _line.Length - 1)) break;
                    if (_lineTooLong) { Stop(); break; }
                    JudgeRequestLine(offset);
                    break;
                case State.HeaderLine:
                case State.Trailer:
                    if (!TakeLine(bytes, ref i, KeptHeaderBytes)) break;
                    var line = Line(out var truncated);
                    if (line.Length == 0)
                    {
                        if (_state == State.Trailer) NextRequest(offset + i);
                        else EndOfHead(offset + i);
                    }
                    else if (_state == State.HeaderLine) Header(line, truncated);
                    break;
                case State.Body:
                case State.ChunkData:
                    var skip = (int)Math.Min(_remaining, bytes.Length - i);
                    i += skip;
                    _remaining -= skip;
                    if (_remaining > 0) break;
                    if (_state == State.Body) NextRequest(offset + i);
                    else { _state = State.ChunkEnd; _remaining = 2; }
                    break;
                case State.ChunkEnd:
                    // The CRLF after a chunk's data.
                    if (bytes[i] != (_remaining == 2 ? (byte)'\r' : (byte)'\n')) { Stop(); break; }
                    i++;
                    if (--_remaining == 0) { _state = State.ChunkSize; _lineLength = 0; _lineTooLong = false; }
                    break;
                case State.ChunkSize:
                    if (!TakeLine(bytes, ref i, KeptHeaderBytes)) break;
                    ChunkSize(Line(out var longSize), longSize);
                    break;
            }
        }
    }

    /// <summary>Copies bytes of the current line (at most <paramref name="keep"/>) until its LF; true when the line is complete.</summary>
    private bool TakeLine(ReadOnlySpan<byte> bytes, ref int i, int keep)
    {
        var rest = bytes[i..];
        var end = rest.IndexOf((byte)'\n');
        var part = end < 0 ? rest : rest[..end];
        var room = keep - _lineLength;
        if (part.Length > room) _lineTooLong = true;
        part[..Math.Min(part.Length, Math.Max(room, 0))].CopyTo(_line.AsSpan(_lineLength));
        _lineLength += Math.Min(part.Length, Math.Max(room, 0));
        if (end < 0) { i = bytes.Length; return false; }
        i += end + 1;
        return true;
    }

    /// <summary>The current line without its CR, and whether it was longer than what was kept of it (never empty then).</summary>
    private ReadOnlySpan<byte> Line(out bool truncated)
    {
        var line = _line.AsSpan(0, _lineLength);
        if (line.Length > 0 && line[^1] == (byte)'\r') line = line[..^1];
        truncated = _lineTooLong;
        _lineLength = 0;
        _lineTooLong = false;
        return line;
    }

    private void JudgeRequestLine(long offset)
    {
        // The buffer has room for the line's LF, which the judge reads as its end.
        _line[_lineLength] = (byte)'\n';
        var line = _line.AsSpan(0, _lineLength);
        if (ForeignHttpVersions.Judge(new ReadOnlySequence<byte>(_line, 0, _lineLength + 1), _line.Length - 1) == ForeignHttpVersions.Verdict.Foreign)
        {
            ForeignAt = _requestStart;
            _state = State.Stopped;
            return;
        }
        if (line.Length > 0 && line[^1] == (byte)'\r') line = line[..^1];
        // Only a request Kestrel takes goes on to its head; HTTP/2's preface or anything else is Kestrel's from here.
        _http10 = line.EndsWith(" HTTP/1.0"u8);
        if (!_http10 && !line.EndsWith(" HTTP/1.1"u8) || line.StartsWith("CONNECT "u8)) { Stop(); return; }
        _state = State.HeaderLine;
        _lineLength = 0;
        _lineTooLong = false;
        _contentLength = null;
        _chunked = _upgrade = _closes = _keepAlive = false;
    }

    private void Header(ReadOnlySpan<byte> line, bool truncated)
    {
        var colon = line.IndexOf((byte)':');
        if (colon <= 0) return; // Kestrel refuses such a line and closes the connection
        var name = line[..colon];
        var value = line[(colon + 1)..].Trim(" \t"u8);
        if (name.Length is not (7 or 10 or 14 or 17)) return;
        if (Ascii.EqualsIgnoreCase(name, "Content-Length"u8))
        {
            if (truncated || _contentLength is not null || !Utf8Parser.TryParse(value, out long length, out var used) || used != value.Length
                || length < 0 || value.ContainsAnyExcept("0123456789"u8))
                Stop();
            else _contentLength = length;
        }
        else if (Ascii.EqualsIgnoreCase(name, "Transfer-Encoding"u8))
        {
            if (truncated || _chunked || !Ascii.EqualsIgnoreCase(value, "chunked"u8)) Stop();
            else _chunked = true;
        }
        else if (Ascii.EqualsIgnoreCase(name, "Upgrade"u8)) _upgrade = true;
        else if (Ascii.EqualsIgnoreCase(name, "Connection"u8))
        {
            // Kestrel closes after a request that asks it to, or an HTTP/1.0 one that does not ask to keep the connection.
            foreach (var option in value.Split((byte)','))
            {
                var token = value[option].Trim(" \t"u8);
                if (Ascii.EqualsIgnoreCase(token, "close"u8)) _closes = true;
                else if (Ascii.EqualsIgnoreCase(token, "keep-alive"u8)) _keepAlive = true;
                else if (Ascii.EqualsIgnoreCase(token, "upgrade"u8)) _upgrade = true;
            }
        }
    }

    private void EndOfHead(long next)
    {
        // Both lengths, a protocol switch, or a connection that ends after this request: nothing after it is Kestrel's to read
        // as a request, or this framing could differ from Kestrel's.
        if (_chunked && (_contentLength is not null || _http10) || _upgrade || _closes || _http10 && !_keepAlive) { Stop(); return; }
        if (_chunked) { _state = State.ChunkSize; _lineLength = 0; _lineTooLong = false; return; }
        if (_contentLength is > 0) { _state = State.Body; _remaining = _contentLength.Value; return; }
        NextRequest(next);
    }

    private void ChunkSize(ReadOnlySpan<byte> line, bool truncated)
    {
        var semicolon = line.IndexOf((byte)';');
        var digits = (semicolon < 0 ? line : line[..semicolon]).Trim(" \t"u8);
        if (truncated || digits.Length is 0 or > 15 || !Utf8Parser.TryParse(digits, out long size, out var used, 'X') || used != digits.Length)
        {
            Stop();
            return;
        }
        if (size == 0) { _state = State.Trailer; return; }
        _state = State.ChunkData;
        _remaining = size;
    }

    private void NextRequest(long start)
    {
        _state = State.BeforeLine;
        _requestStart = start;
    }

    private void Stop() => _state = State.Stopped;
}
