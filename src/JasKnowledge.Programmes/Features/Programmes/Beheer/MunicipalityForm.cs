using System.Globalization;
using System.Text.RegularExpressions;
using JasKnowledge.Core.Formats;
using JasKnowledge.Core.Modules;
using JasKnowledge.Programmes.Model;

namespace JasKnowledge.Programmes.Features.Programmes.Beheer;

/// <summary>
/// The edit form of a municipality's record as posted: every number arrives as text, so that "twaalf"
/// or "-4" gets a Dutch message next to its field instead of a binding error. Empty rows (the form
/// always offers one more) are ignored. Errors use the field names of <see cref="ProgrammeRules"/>, with
/// the number of the form's row, which is not the programme's when a row above was left empty or removed,
/// and the partners' one text box for an error about one partner.
/// </summary>
public sealed partial class MunicipalityForm
{
    public string? Status { get; set; }
    public string? Since { get; set; }
    public string? Blueprint { get; set; }
    public string? Sources { get; set; }
    public List<PeriodRow> Periods { get; set; } = [];
    public List<ComponentRow> Components { get; set; } = [];
    public List<TrackRow> Tracks { get; set; } = [];
    public string? Contact { get; set; }
    public string? Under30 { get; set; }
    public string? Partners { get; set; }
    public string? Notes { get; set; }
    public string? Body { get; set; }
    public string? ChangeNote { get; set; }

    public sealed class PeriodRow
    {
        public string? Name { get; set; }
        public string? Weeks { get; set; }
        public string? Hours { get; set; }
        public bool IsEmpty => string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(Weeks) && string.IsNullOrWhiteSpace(Hours);
    }

    public sealed class ComponentRow
    {
        public string? Key { get; set; }
        public string? Name { get; set; }
        public List<string> Periods { get; set; } = [];
        public string? Partner { get; set; }
        public string? Note { get; set; }
        public bool Remove { get; set; }
        public bool IsEmpty => string.IsNullOrWhiteSpace(Key) && string.IsNullOrWhiteSpace(Name) && Periods.Count == 0;
    }

    public sealed class TrackRow
    {
        public string? Code { get; set; }
        public string? Description { get; set; }
        public bool IsEmpty => string.IsNullOrWhiteSpace(Code) && string.IsNullOrWhiteSpace(Description);
    }

    public static MunicipalityForm From(MunicipalityFields fields, Programme programme, string body) => new()
    {
        Status = fields.Status,
        Since = fields.Since,
        Blueprint = fields.Blueprint,
        Sources = string.Join("\n", fields.Sources),
        Periods = programme.Periods.Select(p => new PeriodRow { Name = p.Name, Weeks = Number(p.Weeks), Hours = Number(p.Hours) }).ToList(),
        Components = programme.Components.Select(
            c => new ComponentRow { Key = c.Key, Name = c.Name, Periods = c.Periods.Select(Number).ToList(), Partner = c.Partner, Note = c.Note })
            .ToList(),
        Tracks = programme.Tracks.Select(t => new TrackRow { Code = t.Code, Description = t.Description }).ToList(),
        Contact = programme.Contact,
        Under30 = programme.Under30,
        Partners = string.Join("\n", programme.Partners),
        Notes = programme.Notes,
        Body = body,
    };

    /// <summary>The record's fields and body text, or the mistakes by field. The programme is kept only
    /// when it differs from the blueprint: a municipality that changes nothing follows its blueprint.</summary>
    public (MunicipalityFields Fields, Programme Programme, List<Core.Content.ContentFieldError> Errors) ToFields(
        string code, Blueprint? blueprint, bool fictional)
    {
        var errors = new List<Core.Content.ContentFieldError>();
        var programme = new Programme
        {
            Contact = Clean(Contact),
            Under30 = Clean(Under30),
            Notes = Clean(Notes),
            Partners = Lines(Partners),
            Tracks = Tracks.Where(t => !t.IsEmpty)
                .Select(t => new ProgrammeTrack { Code = (t.Code ?? "").Trim(), Description = (t.Description ?? "").Trim() }).ToList(),
        };
        // The form's rows and the programme's periods are numbered alike until a row is emptied to take its period away.
        var rows = new Dictionary<string, List<int>>
        {
            ["periods"] = KeptRows(Periods, p => !p.IsEmpty),
            ["components"] = KeptRows(Components, c => !c.IsEmpty && !c.Remove),
            ["tracks"] = KeptRows(Tracks, t => !t.IsEmpty),
        };
        foreach (var row in rows["periods"])
        {
            var number = programme.Periods.Count;
            programme.Periods.Add(new ProgrammePeriod
            {
                Name = Clean(Periods[row].Name),
                Weeks = Parse(Periods[row].Weeks, $"periods[{number}].weeks", $"Periode {row + 1}: het aantal weken", errors),
                Hours = Parse(Periods[row].Hours, $"periods[{number}].hours", $"Periode {row + 1}: het aantal uren per week", errors),
            });
        }
        var periodOfRow = rows["periods"].Select((row, index) => (row, index)).ToDictionary(r => r.row + 1, r => r.index + 1);
        foreach (var row in rows["components"].Select(r => Components[r]))
        {
            var number = programme.Components.Count;
            var periods = new List<int>();
            foreach (var value in row.Periods)
            {
                // A tick names a row of the form. A tick on an empty row goes with the period that row took away; the
                // periods after it move up. A number beyond the form's rows is kept, for the rules to refuse.
                if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var tick))
                    errors.Add(new($"programme.components[{number}].periods", $"'{Excerpt.Of(value, 40)}' is geen periode."));
                else if (periodOfRow.TryGetValue(tick, out var period)) periods.Add(period);
                else if (tick < 1 || tick > Periods.Count) periods.Add(tick);
            }
            programme.Components.Add(new ProgrammeComponent
            {
                Key = string.IsNullOrWhiteSpace(row.Key) ? Gemeenten.Gemeente.SlugOf(row.Name ?? "") : row.Key.Trim(),
                Name = (row.Name ?? "").Trim(),
                Periods = periods,
                Partner = Clean(row.Partner),
                Note = Clean(row.Note),
            });
        }
        var keepOwn = blueprint is null || ProgrammeDiff.Compare(blueprint.Programme, programme).Count > 0;
        var fields = new MunicipalityFields
        {
            Code = code,
            Status = (Status ?? "").Trim(),
            Since = Clean(Since),
            Blueprint = Clean(Blueprint),
            Sources = Lines(Sources),
            Programme = keepOwn && programme.Periods.Count + programme.Components.Count > 0 ? programme : null,
            Fictional = fictional,
        };
        // A number that could not be read has its own message; the rules would only add "0 weeks".
        var unreadable = errors.Select(e => e.Field).ToHashSet();
        errors.AddRange(new MunicipalityFieldRules().Check(new Core.Content.VersionText("check", "", Fields: ProgrammeJson.Write(fields)))
            .Where(e => !unreadable.Contains(e.Field)));
        if (!string.IsNullOrEmpty(fields.Blueprint) && blueprint is null)
            errors.Add(new("blueprint", $"De blauwdruk '{Excerpt.Of(fields.Blueprint, 40)}' bestaat niet."));
        // The rules count the rows that are kept; the form shows every row it was sent, an empty or removed one too.
        return (fields, programme, errors.DistinctBy(e => (e.Field, e.Message)).Select(e => AtFormRow(e, rows, programme)).ToList());
    }

    private static List<int> KeptRows<T>(List<T> rows, Func<T, bool> kept) =>
        rows.Select((row, index) => (row, index)).Where(r => kept(r.row)).Select(r => r.index).ToList();

    [GeneratedRegex(@"^programme\.(periods|components|tracks)\[(\d+)\]")]
    private static partial Regex RowField();

    /// <summary>"programme.periods[1].weeks" of the programme as "programme.periods[2].weeks" of the form, when the
    /// form's second row was left empty, and an unnamed period called by the number the table shows for its row; an
    /// error about one partner belongs to the one text box that holds them all.</summary>
    private static Core.Content.ContentFieldError AtFormRow(
        Core.Content.ContentFieldError error, Dictionary<string, List<int>> rows, Programme programme)
    {
        if (error.Field is "programme.partners" || error.Field.StartsWith("programme.partners[", StringComparison.Ordinal))
            return error with { Field = "partners" };
        var match = RowField().Match(error.Field);
        if (!match.Success) return error;
        var part = match.Groups[1].Value;
        var kept = rows[part];
        if (!int.TryParse(match.Groups[2].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var index) || index >= kept.Count)
            return error;
        var row = kept[index];
        var field = $"programme.{part}[{row.ToString(CultureInfo.InvariantCulture)}]{error.Field[match.Length..]}";
        // The kept periods are the programme's periods, one for one.
        var label = part == "periods" && row != index && string.IsNullOrWhiteSpace(programme.Periods[index].Name) ? programme.PeriodName(index + 1) : null;
        var message = label is not null && (error.Message.StartsWith(label + ":", StringComparison.Ordinal)
            || error.Message.StartsWith(label + ",", StringComparison.Ordinal))
            ? $"Periode {(row + 1).ToString(CultureInfo.InvariantCulture)}{error.Message[label.Length..]}"
            : error.Message;
        return error with { Field = field, Message = message };
    }

    private static int Parse(string? value, string field, string label, List<Core.Content.ContentFieldError> errors)
    {
        if (int.TryParse(value?.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)) return number;
        errors.Add(new("programme." + field, $"{label} is geen heel getal ('{Excerpt.Of(value, 40)}')."));
        return 0;
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    private static List<string> Lines(string? value) => (value ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
}
