namespace JasKnowledge.Programmes.Features.Programmes;

/// <summary>/nl/blauwdrukken: the reference programmes and their versions.</summary>
public sealed class BlueprintsModel(ProgrammeCatalog catalog) : ProgrammePageModel
{
    public ProgrammeData Data { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Data = await catalog.LoadAsync(cancellationToken);
        Describe("Blauwdrukken van het programma", "De referentieprogramma's van de 24x24-aanpak, per versie, om te lezen en te downloaden.");
    }
}
