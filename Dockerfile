# The portal as a container image (server mode: PostgreSQL + Azure Blob Storage, see docker-compose.yml).
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
# ReadyToRun: precompiled code starts the portal in about 1.6 s instead of 2.4 s (bench/pages.sh).
RUN dotnet publish src/JasKnowledge.Web -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o /app --nologo

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
# DOTNET_GCgen0size: collect young objects after 64 MB per heap, not after the few MB .NET falls back to
# on virtual machines that hide the CPU's cache sizes. A search under load leaves almost nothing alive, so
# a collection costs about a millisecond however large the budget, and fewer of them served more first-time
# searches with a lower p99 (README, Performance, "Search"), for about 110 MB more resident memory.
# The benchmarks read this line (bench/lib.sh) and run the portal with it.
ENV ASPNETCORE_ENVIRONMENT=Production \
    Urls=http://0.0.0.0:8080 \
    Jas__DataDirectory=/var/lib/jas \
    DOTNET_GCgen0size=0x4000000
USER app
EXPOSE 8080
ENTRYPOINT ["dotnet", "JasKnowledge.Web.dll"]
