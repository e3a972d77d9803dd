using System.Numerics;

namespace JasKnowledge.Data.Search;

/// <summary>
/// Which questions were asked before, by hash, one per slot: a newer question takes the slot, so the memory is
/// fixed however many different questions come. What is kept only from a question's second asking (an answer, a
/// word's analysis) is never filled by a crawler's or a typist's thousands of one-off questions. Races and the
/// rare equal hash of two questions only keep something one asking early or late.
/// </summary>
internal sealed class AskedOnce(int slots)
{
    private readonly int[] _hashes = new int[BitOperations.RoundUpToPowerOf2((uint)Math.Max(slots, 2))];

    /// <summary>Whether the question with this hash was asked before; it is noted either way.</summary>
    public bool Before(int hash)
    {
        ref var slot = ref _hashes[hash & (_hashes.Length - 1)];
        return Interlocked.Exchange(ref slot, hash | 1) == (hash | 1); // never 0, the empty slot
    }
}
