using System.Globalization;
using JasKnowledge.Core.Content;
using JasKnowledge.Data.Content;
using JasKnowledge.Programmes.Model;

namespace JasKnowledge.Programmes;

/// <summary>
/// The opt-in generator behind the <c>demo-data</c> command: fills every municipality without a sourced
/// record with made-up adoption, configurations and outcomes, for demos and load tests. Every record it
/// writes has <c>fictional: true</c>, so pages and exports mark it; records from sources are never
/// touched. The same seed gives the same data.
/// </summary>
public sealed class DemoData(ProgrammeCatalog catalog, ContentStore store, TimeProvider clock)
{
    public const string Actor = "demo-data";

    private static readonly (string Key, string Name)[] ExtraComponents =
    [
        ("taalcafe", "Taalcafé met vrijwilligers"),
        ("budgetcursus", "Budgetcursus"),
        ("ouderbetrokkenheid", "Ouderbetrokkenheid bij school"),
        ("werkfit", "Werkfit-traject"),
    ];

    public async Task<DemoReport> GenerateAsync(int seed = 2023, CancellationToken cancellationToken = default)
    {
        var data = await catalog.LoadAsync(cancellationToken);
        var blueprints = data.Blueprints;
        if (blueprints.Count == 0 || data.Gemeenten.All.Count == 0) return new DemoReport(
            0, 0, "There are no blueprints or no municipality list: import the content first.");
        var random = new Random(seed);
        var created = 0;
        var skipped = 0;
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var municipality in data.Municipalities)
        {
            if (municipality.Record is not null)
            {
                skipped++;
                continue;
            }
            var status = Pick(random);
            // Most start from the newest blueprint, some from the first.
            var blueprint = random.Next(5) == 0 ? blueprints[0] : blueprints[^1];
            var fields = new MunicipalityFields
            {
                Code = municipality.Gemeente.Code,
                Status = status.Code(),
                Fictional = true,
                Sources = ["Verzonnen demodata (demo-data), geen echte gegevens"],
            };
            if (status != AdoptionStatus.GeenInformatie)
            {
                fields.Since = new DateTime(2019, 1, 1).AddMonths(random.Next(84)).ToString("yyyy-MM", CultureInfo.InvariantCulture);
                fields.Blueprint = blueprint.Slug;
                if (status is AdoptionStatus.Actief or AdoptionStatus.Voorbereidend && random.Next(4) > 0)
                    fields.Programme = Vary(blueprint.Programme, random);
            }
            var name = municipality.Gemeente.Name;
            var text = new VersionText(
                $"24x24 in {name} (fictief)",
                $"**Fictief.** Deze gegevens over {name} zijn verzonnen door de demodatagenerator. "
                    + "Ze tonen hoe het portaal werkt en zeggen niets over de echte gemeente.",
                Fields: ProgrammeJson.Write(fields),
                ChangeNote: "Demodata gegenereerd");
            var item = new ContentItem
            {
                Type = ProgrammeContentTypes.Municipality,
                Culture = ProgrammeContentTypes.Culture,
                LocalizationSet = ProgrammeContentTypes.MunicipalitySetPrefix + municipality.Gemeente.Slug,
                Slug = municipality.Gemeente.Slug,
                CreatedUtc = now,
            };
            await store.PublishNewVersionAsync(item, text, Actor, cancellationToken);
            created++;
            if (status == AdoptionStatus.Actief && random.Next(3) == 0)
                await PublishOutcomesAsync(municipality, random, now, cancellationToken);
        }
        return new DemoReport(created, skipped, null);
    }

    private static AdoptionStatus Pick(Random random) => random.Next(100) switch
    {
        < 30 => AdoptionStatus.GeenInformatie,
        < 48 => AdoptionStatus.Orienterend,
        < 63 => AdoptionStatus.Voorbereidend,
        < 95 => AdoptionStatus.Actief,
        _ => AdoptionStatus.Gestopt,
    };

    /// <summary>A copy of the blueprint with a few changes of the kinds municipalities make.</summary>
    private static Programme Vary(Programme blueprint, Random random)
    {
        var programme = ProgrammeJson.Read<Programme>(ProgrammeJson.Write(blueprint));
        var changes = 1 + random.Next(3);
        for (var i = 0; i < changes; i++)
        {
            switch (random.Next(5))
            {
                case 0:
                    var period = programme.Periods[random.Next(programme.Periods.Count)];
                    period.Weeks = Math.Max(4, period.Weeks + (random.Next(2) == 0 ? -4 : 8));
                    break;
                case 1 when programme.Components.Count > 3:
                    programme.Components.RemoveAt(random.Next(programme.Components.Count));
                    break;
                case 2:
                    var (key, name) = ExtraComponents[random.Next(ExtraComponents.Length)];
                    if (programme.Components.All(c => c.Key != key))
                        programme.Components.Add(
                            new ProgrammeComponent { Key = key, Name = name, Periods = [1 + random.Next(programme.Periods.Count)] });
                    break;
                case 3:
                    var component = programme.Components[random.Next(programme.Components.Count)];
                    component.Periods = [1 + random.Next(programme.Periods.Count)];
                    break;
                default:
                    var changed = programme.Periods[random.Next(programme.Periods.Count)];
                    changed.Hours = 16 + random.Next(4) * 4;
                    break;
            }
        }
        return programme;
    }

    private async Task PublishOutcomesAsync(MunicipalityView municipality, Random random, DateTime now, CancellationToken cancellationToken)
    {
        var participants = 20 + random.Next(280);
        var outflow = new Outflow
        {
            Education = random.Next(participants / 8 + 1),
            Work = random.Next(participants / 5 + 1),
            SelfEmployed = random.Next(3),
            HouseholdIncome = random.Next(participants / 20 + 1),
            Moving = random.Next(participants / 20 + 1),
            Other = random.Next(participants / 20 + 1),
        };
        outflow.Total = outflow.Education + outflow.Work + outflow.SelfEmployed + outflow.HouseholdIncome + outflow.Moving + outflow.Other;
        var fields = new OutcomeFields
        {
            Municipalities = [municipality.Gemeente.Code],
            Scope = $"{municipality.Gemeente.Name} (fictief)",
            Source = "Verzonnen demodata (demo-data), geen echte gegevens",
            Fictional = true,
            Cohorts = [new Cohort { Label = "Alle cohorten (fictief)", Participants = participants, Outflow = outflow,
                PartTime = random.Next(participants / 10 + 1) }],
        };
        var item = new ContentItem
        {
            Type = ProgrammeContentTypes.Outcomes,
            Culture = ProgrammeContentTypes.Culture,
            LocalizationSet = $"programmas/uitkomsten/demo-{municipality.Gemeente.Slug}",
            Slug = $"demo-{municipality.Gemeente.Slug}",
            CreatedUtc = now,
        };
        await store.PublishNewVersionAsync(
            item, new VersionText(
            $"Uitstroom in {municipality.Gemeente.Name} (fictief)", "**Fictief.** Verzonnen cijfers van de demodatagenerator.",
            Fields: ProgrammeJson.Write(fields), ChangeNote: "Demodata gegenereerd"), Actor, cancellationToken);
    }
}

public sealed record DemoReport(int Created, int Skipped, string? Problem);
