using Lucene.Net.Analysis;

namespace JasKnowledge.Data.Search;

/// <summary>
/// Tigrinya writes a short word onto the one before it with an apostrophe (ገንዘብ'ውን, "money too"; ግዜ'ቲ,
/// "that time"), and the ICU tokenizer keeps such a run as one word, as it keeps Dutch "auto's": a search
/// for ገንዘብ then missed every text that said "money too". Between two Ethiopic letters an apostrophe is read
/// as a space, in every language's analysis alike (the exact field is shared). The text keeps its length, so
/// every offset, and with it every snippet mark, stays where it was.
/// </summary>
public sealed class EthiopicClitics(TextReader input) : CharFilter(input)
{
    /// <summary>The character read after an apostrophe at the end of a block, handed out first next time.</summary>
    private int _ahead = -1;

    /// <summary>The last character handed out: what stands before the first one of the next block.</summary>
    private char _last;

    public override int Read(char[] buffer, int index, int count)
    {
        if (count <= 0) return 0;
        var filled = 0;
        if (_ahead >= 0)
        {
            buffer[index] = (char)_ahead;
            _ahead = -1;
            filled = 1;
        }
        var read = m_input.Read(buffer, index + filled, count - filled);
        if (read > 0) filled += read;
        var end = index + filled;
        for (var i = index; i < end; i++)
        {
            if (!IsApostrophe(buffer[i]) || !IsEthiopic(i > index ? buffer[i - 1] : _last)) continue;
            if (i + 1 < end)
            {
                if (IsEthiopic(buffer[i + 1])) buffer[i] = ' ';
            }
            else if (m_input.Read() is >= 0 and var next)
            {
                _ahead = next;
                if (IsEthiopic((char)next)) buffer[i] = ' ';
            }
        }
        if (filled > 0) _last = buffer[end - 1];
        return filled;
    }

    protected override int Correct(int currentOff) => currentOff;

    private static bool IsApostrophe(char c) => c is '\'' or '\u2019';

    /// <summary>The Ethiopic blocks: the syllables, their supplement and the extended syllables.</summary>
    private static bool IsEthiopic(char c) => c is >= '\u1200' and <= '\u139F' or >= '\u2D80' and <= '\u2DDF' or >= '\uAB00' and <= '\uAB2F';
}
