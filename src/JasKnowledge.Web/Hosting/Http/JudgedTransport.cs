using System.Buffers;
using System.IO.Pipelines;

namespace JasKnowledge.Web.Hosting.Http;

/// <summary>
/// The connection as Kestrel reads and writes it, with every request line judged first (<see cref="RequestFraming"/>). Bytes pass
/// unchanged; once a request Kestrel would refuse for its HTTP version is found, Kestrel sees the connection end just before it,
/// so it answers the requests before and closes, and the output stays open for the portal's own 400 after them.
/// </summary>
public sealed class JudgedTransport(IDuplexPipe connection, int maxRequestLine) : IDuplexPipe
{
    private readonly RequestFraming _framing = new(maxRequestLine);

    /// <summary>Whether the connection ended, for Kestrel, at a request it would refuse, and the 400 is the portal's to write. When
    /// that line arrived in pieces and Kestrel had already read its start, Kestrel answers the cut-off line with its own 400.</summary>
    public bool FoundForeign => _framing.ForeignAt is { } foreign && ((JudgedInput)Input).Examined <= foreign;

    public PipeReader Input => field ??= new JudgedInput(connection.Input, _framing);

    public PipeWriter Output => field ??= new HeldOutput(connection.Output, this);

    private sealed class JudgedInput(PipeReader inner, RequestFraming framing) : PipeReader
    {
        /// <summary>Bytes Kestrel consumed so far: the offset of the start of every buffer the connection gives.</summary>
        private long _consumed;
        /// <summary>Bytes the framing has read so far.</summary>
        private long _fed;
        private ReadOnlySequence<byte> _given;

        /// <summary>How far into the connection Kestrel has looked.</summary>
        public long Examined { get; private set; }

        public override ValueTask<ReadResult> ReadAsync(CancellationToken cancellationToken = default)
        {
            var read = inner.ReadAsync(cancellationToken);
            // Data already there (pipelined requests, a body after its head) is judged without an await.
            return read.IsCompletedSuccessfully ? new ValueTask<ReadResult>(Judge(read.Result)) : JudgeWhenReadAsync(read);
        }

        // Pooled: a connection waits for every request it reads, and a state machine each time would be garbage each time.
        [System.Runtime.CompilerServices.AsyncMethodBuilder(typeof(System.Runtime.CompilerServices.PoolingAsyncValueTaskMethodBuilder<>))]
        private async ValueTask<ReadResult> JudgeWhenReadAsync(ValueTask<ReadResult> read) => Judge(await read);

        public override bool TryRead(out ReadResult result)
        {
            if (!inner.TryRead(out var read)) { result = default; return false; }
            result = Judge(read);
            return true;
        }

        private ReadResult Judge(ReadResult read)
        {
            var buffer = read.Buffer;
            _given = buffer;
            if (framing.Following && _fed - _consumed < buffer.Length)
            {
                foreach (var segment in buffer.Slice(_fed - _consumed))
                {
                    framing.Feed(segment.Span, _fed);
                    _fed += segment.Length;
                    if (!framing.Following) break;
                }
            }
            if (framing.ForeignAt is not { } foreign) return read;
            // The end of the connection as far as Kestrel is concerned: the requests before it are whole, and are given as they
            // are; the end is said only once they are all read, as a client that closed after them would. Said together with
            // them, it ended the connection before a request whose body was still being read had its answer.
            var kept = Math.Clamp(foreign - _consumed, 0, buffer.Length);
            return new ReadResult(buffer.Slice(0, kept), read.IsCanceled, isCompleted: kept == 0);
        }

        public override void AdvanceTo(SequencePosition consumed) => AdvanceTo(consumed, consumed);

        public override void AdvanceTo(SequencePosition consumed, SequencePosition examined)
        {
            Examined = Math.Max(Examined, _consumed + _given.Slice(_given.Start, examined).Length);
            _consumed += _given.Slice(_given.Start, consumed).Length;
            inner.AdvanceTo(consumed, examined);
        }

        public override void CancelPendingRead() => inner.CancelPendingRead();

        public override void Complete(Exception? exception = null) => inner.Complete(exception);

        public override ValueTask CompleteAsync(Exception? exception = null) => inner.CompleteAsync(exception);
    }

    /// <summary>Kestrel's writes pass unchanged; its completion does not complete the connection when the portal's 400 follows.</summary>
    private sealed class HeldOutput(PipeWriter inner, JudgedTransport transport) : PipeWriter
    {
        public override void Advance(int bytes) => inner.Advance(bytes);

        public override Memory<byte> GetMemory(int sizeHint = 0) => inner.GetMemory(sizeHint);

        public override Span<byte> GetSpan(int sizeHint = 0) => inner.GetSpan(sizeHint);

        public override ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default) => inner.FlushAsync(cancellationToken);

        public override void CancelPendingFlush() => inner.CancelPendingFlush();

        public override bool CanGetUnflushedBytes => inner.CanGetUnflushedBytes;

        public override long UnflushedBytes => inner.UnflushedBytes;

        public override void Complete(Exception? exception = null)
        {
            if (!transport.FoundForeign) inner.Complete(exception);
        }

        public override ValueTask CompleteAsync(Exception? exception = null) =>
            transport.FoundForeign ? ValueTask.CompletedTask : inner.CompleteAsync(exception);
    }
}
