using System.Diagnostics;
using System.Globalization;

namespace JasKnowledge.Web.Features.Media.Films;

/// <summary>
/// Encodes a film's frames with ffmpeg into what the portal serves (see <see cref="FilmMembers"/>): H.264
/// MP4 at 720p and at 360p (about 300 kbit/s at most, for prepaid data), both with the index at the start
/// so playback begins before the download ends, and the poster frame as JPEG and WebP, with a WebP
/// thumbnail for the participants' index. One encoder thread and bit-exact muxing: the same frames give
/// the same bytes, so re-rendering an unchanged script adds no revision.
/// </summary>
public static class FilmEncoder
{
    public static async Task EncodeAsync(string frames, int framesPerSecond, int posterFrame, string output, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(output);
        var input = new[] { "-framerate", framesPerSecond.ToString(CultureInfo.InvariantCulture), "-i", Path.Combine(frames, "frame%05d.png") };
        string[] common = ["-an", "-c:v", "libx264", "-preset", "slow", "-tune", "animation", "-pix_fmt", "yuv420p", "-threads", "1",
            "-g", (framesPerSecond * 10).ToString(CultureInfo.InvariantCulture), "-movflags", "+faststart",
            "-map_metadata", "-1", "-fflags", "+bitexact", "-flags:v", "+bitexact"];
        await RunAsync([.. input, .. common, "-crf", "25", "-maxrate", "700k", "-bufsize", "1400k", "-profile:v", "high",
            Path.Combine(output, FilmMembers.Large.File)], cancellationToken);
        // Baseline profile: the cheapest phones decode it in hardware.
        await RunAsync([.. input, .. common, "-vf", "scale=640:360:flags=lanczos", "-crf", "27", "-maxrate", "300k", "-bufsize", "600k",
            "-profile:v", "baseline", "-level", "3.0", Path.Combine(output, FilmMembers.Small.File)], cancellationToken);

        var poster = Path.Combine(frames, FilmFrames.FrameName(posterFrame));
        string[] still = ["-i", poster, "-map_metadata", "-1", "-fflags", "+bitexact", "-flags:v", "+bitexact", "-frames:v", "1"];
        await RunAsync([.. still, "-vf", "scale=640:360:flags=lanczos", "-q:v", "4",
            Path.Combine(output, FilmMembers.Poster.File)], cancellationToken);
        await RunAsync([.. still, "-vf", "scale=640:360:flags=lanczos", "-c:v", "libwebp", "-quality", "70", "-compression_level", "6",
            Path.Combine(output, FilmMembers.PosterWebp.File)], cancellationToken);
        await RunAsync([.. still, "-vf", "scale=320:180:flags=lanczos", "-c:v", "libwebp", "-quality", "70", "-compression_level", "6",
            Path.Combine(output, FilmMembers.Thumbnail.File)], cancellationToken);
    }

    private static async Task RunAsync(string[] arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[] { "-nostdin", "-hide_banner", "-loglevel", "error", "-y" }.Concat(arguments)) start.ArgumentList.Add(argument);
        using var process = FilmFrames.Start(start);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.StandardOutput.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0) throw new FilmRenderException($"ffmpeg failed: {(await error).Trim()}");
    }
}
