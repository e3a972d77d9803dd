using System.Globalization;
using System.Text.RegularExpressions;

namespace JasKnowledge.Tests.Unit;

/// <summary>
/// The content stays true to the source documents of the method (the seeds beside the repository):
/// a figure about the programme or the four municipalities that the content states (a percentage, a
/// number of participants, statushouders or weeks, a month and year or a year) must be in a seed,
/// unless it is an illustration that its page marks as an example. And the two claims that once stood
/// on the home page in all eight languages cannot come back.
/// </summary>
public sealed partial class SourceFiguresTests
{
    private static readonly string Content = Path.Combine(AppContext.BaseDirectory, "content");

    /// <summary>Figures that are in no seed but may stand. An example is an illustration its page marks as
    /// one (the Dutch file of the set says "voorbeeld"); a fact from another source is not about the
    /// programme or the four municipalities, and its page names that source.
    /// Key: the item's path without culture, and the figure as the check reads it.</summary>
    private static readonly Dictionary<(string Set, string Figure), (bool Example, string Reason)> Allowed = new()
    {
        [("handboek/sessie-2-vrijheid-en-gelijkwaardigheid", "2001")] = (
            false, "Dutch law: two men or two women may marry since 2001; not about the programme."),
        [("pages/over", "2023")] = (false, "The CBS municipality list and boundaries of 1 January 2023, open data named on the page."),
        [("programmas/uitkomsten/jas-leidse-regio-2016-2019", "382 deelnemers")] = (
            false, "The sum of the source's own cohort columns 1-4, named on the page to show that they do not add up to the source's 391."),
        [("pages/over", "januari 2023")] = (false, "The same CBS open data."),
        [("pages/over", "january 2023")] = (false, "The same CBS open data, in English."),
        [("pages/open-data", "2023")] = (false, "The CBS municipality list of 1 January 2023 that the API serves, named on the page."),
        [("pages/open-data", "januari 2023")] = (false, "The same CBS open data."),
        [("pages/open-data", "january 2023")] = (false, "The same CBS open data, in English."),
    };

    // Digits in Arabic-Indic and Persian script count as the same figures.
    private static string Normalise(string text)
    {
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            var c = chars[i];
            if (c is >= '\u0660' and <= '\u0669') chars[i] = (char)('0' + (c - '\u0660'));
            else if (c is >= '\u06F0' and <= '\u06F9') chars[i] = (char)('0' + (c - '\u06F0'));
            else if (c is '\u066A') chars[i] = '%';
        }
        return new string(chars);
    }

    private static readonly string[] DutchMonths = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
        "oktober", "november", "december"];
    private static readonly string[] EnglishMonths = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
        "october", "november", "december"];

    [GeneratedRegex(@"(?<!\d)(\d+(?:,\d+)?)\s?(?:%|procent\b)", RegexOptions.IgnoreCase)]
    private static partial Regex SeedPercent();

    [GeneratedRegex(@"(?<!\d)(\d+) naar (\d+) procent", RegexOptions.IgnoreCase)]
    private static partial Regex SeedPercentRange();

    [GeneratedRegex(@"(?<![\d,.])(\d+(?:,\d+)?)(?![\d])")]
    private static partial Regex AnyNumber();

    [GeneratedRegex(@"(?<![\d/])(\d{1,2})-(\d{1,2})-((?:19|20)\d\d)(?!\d)")]
    private static partial Regex DayMonthYear();

    [GeneratedRegex(@"(?<![\d.,])(\d+(?:[.,]\d+)?)\s?%")]
    private static partial Regex ContentPercent();

    [GeneratedRegex(@"(?<![\d.,])(\d+(?:[.,]\d+)?)\s?(?:procent|percent|per cent)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ContentPercentWord();

    [GeneratedRegex(
        @"(?<![\d.,])(\d+)[ \u00A0]+(?:volwassen[ \u00A0]+)?(deelnemers|statushouders|vergunninghouders|weken|participants|refugees|weeks)\b",
        RegexOptions.IgnoreCase)]
    private static partial Regex ContentCount();

    [GeneratedRegex(@"(?<![\d\-/.])((?:19|20)\d\d)(?:-(0[1-9]|1[0-2]))?(?![\d])")]
    private static partial Regex ContentYear();

    private sealed record Seeds(HashSet<string> Percents, HashSet<string> Numbers, HashSet<string> Years, HashSet<(int Year, int Month)> Months);

    private static readonly Lazy<Seeds> SeedFacts = new(ReadSeeds);

    private static string SeedFolder() => SeedDocuments.Folder();

    private static Seeds ReadSeeds()
    {
        var files = Directory.GetFiles(SeedFolder(), "*.txt");
        Assert.True(files.Length >= 5, "Expected the five source documents.");
        var text = string.Join("\n", files.Order(StringComparer.Ordinal).Select(File.ReadAllText));
        var percents = SeedPercent().Matches(text).Select(m => m.Groups[1].Value).ToHashSet();
        foreach (Match m in SeedPercentRange().Matches(text)) { percents.Add(m.Groups[1].Value); percents.Add(m.Groups[2].Value); }
        var numbers = AnyNumber().Matches(text).Select(m => m.Groups[1].Value).ToHashSet();
        var years = numbers.Where(
            n => n.Length == 4 && (n.StartsWith("19", StringComparison.Ordinal) || n.StartsWith("20", StringComparison.Ordinal))).ToHashSet();
        var months = new HashSet<(int, int)>();
        foreach (Match m in DayMonthYear().Matches(text))
            months.Add((int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture)));
        foreach (var (name, index) in DutchMonths.Select((n, i) => (n, i + 1)))
            foreach (Match m in Regex.Matches(text, $@"\b{name}\s+((?:19|20)\d\d)\b", RegexOptions.IgnoreCase))
                months.Add((int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), index));
        return new Seeds(percents, numbers, years, months);
    }

    /// <summary>Every Markdown and subtitle file of the content, except open data (its own sources) and the
    /// editors' notes.</summary>
    private static IEnumerable<(string Set, string Culture, string Text)> ContentFiles()
    {
        foreach (var file in Directory.EnumerateFiles(Content, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(Content, file).Replace('\\', '/');
            if (relative.StartsWith("data/", StringComparison.Ordinal)
                || Path.GetFileName(file).Equals("README.md", StringComparison.OrdinalIgnoreCase)) continue;
            var match = Regex.Match(relative, @"^(?<set>.+)\.(?<culture>[a-z]{2,3})\.(?:md|vtt)$");
            if (!match.Success) continue;
            yield return (match.Groups["set"].Value, match.Groups["culture"].Value, Normalise(File.ReadAllText(file)));
        }
    }

    /// <summary>The figures one text states that no seed has, as "kind figure" strings.</summary>
    private static IEnumerable<string> UnsourcedFigures(string text, Seeds seeds)
    {
        foreach (Match m in ContentPercent().Matches(text).Concat(ContentPercentWord().Matches(text)))
        {
            var value = m.Groups[1].Value.Replace('.', ',');
            if (!seeds.Percents.Contains(value)) yield return $"{value}%";
        }
        foreach (Match m in ContentCount().Matches(text))
        {
            if (!seeds.Numbers.Contains(m.Groups[1].Value)) yield return $"{m.Groups[1].Value} {m.Groups[2].Value.ToLowerInvariant()}";
        }
        foreach (Match m in ContentYear().Matches(text))
        {
            var year = m.Groups[1].Value;
            if (!seeds.Years.Contains(year)) { yield return year; continue; }
            if (m.Groups[2].Success
                && !seeds.Months.Contains(
                (int.Parse(year, CultureInfo.InvariantCulture), int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture))))
                yield return $"{year}-{m.Groups[2].Value}";
        }
        foreach (var months in new[] { DutchMonths, EnglishMonths })
        {
            foreach (var (name, index) in months.Select((n, i) => (n, i + 1)))
            {
                foreach (Match m in Regex.Matches(text, $@"\b{name}\s+((?:19|20)\d\d)\b", RegexOptions.IgnoreCase))
                {
                    var year = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
                    if (!seeds.Months.Contains((year, index))) yield return $"{name} {year}";
                }
            }
        }
    }

    [Fact]
    public void The_seeds_give_the_figures_the_check_relies_on()
    {
        var seeds = SeedFacts.Value;
        Assert.Contains("50", seeds.Percents);
        Assert.Contains("16", seeds.Percents);
        Assert.Contains("75", seeds.Percents);
        Assert.Contains("452", seeds.Numbers);
        Assert.Contains((2015, 10), seeds.Months);
        Assert.Contains((2019, 5), seeds.Months);
        Assert.DoesNotContain("17", seeds.Percents);
    }

    [Fact]
    public void The_check_finds_a_figure_that_no_seed_has()
    {
        var seeds = SeedFacts.Value;
        Assert.Equal(["55%", "333 deelnemers", "2012", "maart 2017"],
            UnsourcedFigures("Uitstroom van 55%, 333 deelnemers, sinds 2012 en maart 2017; 50% en 452 deelnemers in oktober 2015.", seeds));
        Assert.Equal(["55%"], UnsourcedFigures(Normalise("۵۵٪ و ۵۰٪"), seeds));
    }

    [Fact]
    public void Every_figure_about_the_programme_in_the_content_is_in_a_source_or_marked_as_an_example()
    {
        var seeds = SeedFacts.Value;
        var found = new List<string>();
        var used = new HashSet<(string, string)>();
        var dutch = ContentFiles().Where(f => f.Culture == "nl").GroupBy(f => f.Set)
            .ToDictionary(g => g.Key, g => string.Join("\n", g.Select(f => f.Text)));
        foreach (var (set, culture, text) in ContentFiles())
        {
            foreach (var figure in UnsourcedFigures(text, seeds).Distinct())
            {
                if (Allowed.ContainsKey((set, figure)))
                {
                    used.Add((set, figure));
                    continue;
                }
                found.Add($"{set}.{culture}: {figure}");
            }
        }
        Assert.True(found.Count == 0,
            "These figures are in no source document (../shared/seeds). Take them from a source, or mark the page's illustration as an example and " +
                "add it to the allow-list with the reason:\n" + string.Join("\n", found));

        foreach (var ((set, figure), (example, reason)) in Allowed)
        {
            Assert.True(used.Contains((set, figure)), $"The allow-list entry {set}: {figure} ({reason}) matches nothing any more; remove it.");
            if (example)
                Assert.True(dutch.TryGetValue(set, out var text) && text.Contains("voorbeeld", StringComparison.OrdinalIgnoreCase),
                    $"{set}: {figure} is allowed as an example, so the page must say it is one (voorbeeld).");
        }
    }

    // ---- The claims of issue 25, points 1 and 2 ----

    /// <summary>How each language says "work or education" (from the home page's summary): JAS's 50% is
    /// outflow out of benefits, and must not be told as outflow into work or education.</summary>
    private static readonly Dictionary<string, string[]> WorkOrEducation = new()
    {
        ["nl"] = ["werk of opleiding", "werk of een opleiding", "werk of onderwijs"],
        ["en"] = ["work or education"],
        ["ar"] = ["العمل أو التعليم"],
        ["ti"] = ["ስራሕ ወይ ትምህርቲ"],
        ["fa"] = ["کار یا تحصیل"],
        ["prs"] = ["کار یا تحصیل"],
        ["so"] = ["shaqo ama waxbarasho"],
        ["uk"] = ["роботи або навчання", "роботи чи навчання", "роботу або навчання",
            "роботу чи навчання"],
    };

    [GeneratedRegex(@"(?<=[.!?።])\s+|\n\s*\n")]
    private static partial Regex SentenceBreak();

    [GeneratedRegex(@"(?<![\d.,])50\s?%")]
    private static partial Regex FiftyPercent();

    [GeneratedRegex(@"(?<![\d\-/.])((?:19|20)\d\d)(?![\d])")]
    private static partial Regex AnyYear();

    private static string Body(string text) => text.StartsWith("---", StringComparison.Ordinal)
        ? text[(text.IndexOf("\n---", 3, StringComparison.Ordinal) + 4)..] : text;

    [Fact]
    public void The_fifty_percent_is_told_as_outflow_out_of_benefits_in_every_language()
    {
        var checkedLanguages = new HashSet<string>();
        foreach (var (set, culture, text) in ContentFiles())
        {
            foreach (var sentence in SentenceBreak().Split(Body(text)).Where(s => FiftyPercent().IsMatch(s)))
            {
                checkedLanguages.Add(culture);
                Assert.True(sentence.Contains("uitstroom", StringComparison.OrdinalIgnoreCase),
                    $"{set}.{culture}: the 50% is JAS's outflow (uitstroom) out of benefits; "
                    + $"name it with the Dutch term as the source does: {sentence}");
                foreach (var phrase in WorkOrEducation.GetValueOrDefault(culture, []))
                    Assert.False(sentence.Contains(phrase, StringComparison.OrdinalIgnoreCase),
                        $"{set}.{culture}: the 50% is outflow out of benefits, not outflow into work or education ('{phrase}'): {sentence}");
            }
        }
        Assert.Equal(WorkOrEducation.Keys.Order(), checkedLanguages.Order());
    }

    [Fact]
    public void No_dutch_text_turns_outflow_into_outflow_into_work_or_education_or_starts_leiden_in_2016()
    {
        foreach (var (set, culture, text) in ContentFiles())
        {
            Assert.DoesNotMatch(new Regex(@"uitstroom\s+naar\s+werk\s+of\s+(een\s+)?(opleiding|onderwijs)", RegexOptions.IgnoreCase), text);
            Assert.DoesNotMatch(new Regex(@"begeleidde\s+statushouders\s+(vanaf|sinds)\s+2016", RegexOptions.IgnoreCase), text);
        }
    }

    [Fact]
    public void The_home_page_starts_leiden_in_october_2015_in_every_language()
    {
        var homes = ContentFiles().Where(f => f.Set == "pages/home").ToList();
        Assert.Equal(8, homes.Count);
        foreach (var (_, culture, text) in homes)
        {
            var firstYear = AnyYear().Match(Body(text));
            Assert.True(firstYear.Success && firstYear.Value == "2015",
                $"home.{culture}: the first year the page names is when Leiden began, October 2015 (seeds 000 and 003), not {firstYear.Value}.");
        }
    }

    [Fact]
    public void The_24x24_sheet_tells_that_the_may_2019_version_has_six_periods_of_24_weeks_in_every_language()
    {
        // Seed 002 ("versie mei 2019"): "een educatief programma van 6 periodes van 24 weken".
        var sheets = ContentFiles().Where(f => f.Set == "informatie/het-24x24-programma").ToList();
        Assert.Equal(8, sheets.Count);
        Assert.Contains("regio Leiden uit mei 2019. Daarin zijn het zes periodes van 24 weken", Body(sheets.Single(s => s.Culture == "nl").Text));
        foreach (var (_, culture, text) in sheets)
            Assert.True(Body(text).Contains("2019", StringComparison.Ordinal),
                $"het-24x24-programma.{culture}: the sheet names the May 2019 version and its six periods of 24 weeks, as the Dutch text does.");
    }
}
