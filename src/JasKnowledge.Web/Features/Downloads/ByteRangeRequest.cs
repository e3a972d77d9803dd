using JasKnowledge.Core.Blobs;

namespace JasKnowledge.Web.Features.Downloads;

/// <summary>What to send for a Range header (RFC 9110 §14): one range, the whole file, or 416.
/// Anything this portal does not serve as a part (several ranges, other units, malformed syntax) is
/// answered with the whole file, which the RFC allows; a client never gets a 500 for its header.</summary>
public abstract record RangeDecision
{
    public sealed record Whole : RangeDecision;
    public sealed record Part(long From, long To) : RangeDecision
    {
        public long Count => To - From + 1;
        public ByteRange ToByteRange() => new(From, To);
    }
    public sealed record Unsatisfiable : RangeDecision;
}

public static class ByteRangeRequest
{
    public static RangeDecision Evaluate(string? header, long length)
    {
        if (string.IsNullOrWhiteSpace(header)) return new RangeDecision.Whole();
        var value = header.Trim();
        if (!value.StartsWith("bytes=", StringComparison.OrdinalIgnoreCase)) return new RangeDecision.Whole();
        var spec = value["bytes=".Length..].Trim();
        if (spec.Contains(',')) return new RangeDecision.Whole();
        var dash = spec.IndexOf('-');
        if (dash < 0) return new RangeDecision.Whole();
        var first = spec[..dash].Trim();
        var last = spec[(dash + 1)..].Trim();

        if (first.Length == 0)
        {
            // "bytes=-500": the last 500 bytes.
            if (!TryParseDigits(last, out var suffix)) return new RangeDecision.Whole();
            if (suffix == 0 || length == 0) return new RangeDecision.Unsatisfiable();
            return new RangeDecision.Part(Math.Max(0, length - suffix), length - 1);
        }
        if (!TryParseDigits(first, out var from)) return new RangeDecision.Whole();
        // A last position past the end means "to the end" (RFC 9110 §14.1.2), however many digits it has.
        long to;
        if (last.Length == 0) to = length - 1;
        else if (!IsDigits(last)) return new RangeDecision.Whole();
        else if (!TryParseDigits(last, out to)) to = long.MaxValue;
        if (from >= length) return new RangeDecision.Unsatisfiable();
        if (to < from) return new RangeDecision.Whole();
        return new RangeDecision.Part(from, Math.Min(to, length - 1));
    }

    private static bool IsDigits(string text) => text.Length > 0 && text.All(char.IsAsciiDigit);

    private static bool TryParseDigits(string text, out long value)
    {
        value = 0;
        return text.Length is > 0 and <= 18 && text.All(char.IsAsciiDigit) && long.TryParse(text, out value);
    }
}
