# The portal as a container image (server mode: PostgreSQL + Azure Blob Storage, see docker-compose.yml).
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
# ReadyToRun: precompiled code starts the portal in about 1.6 s instead of 2.4 s (bench/pages.sh).
RUN dotnet publish src/JasKnowledge.Web -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o /app --nologo

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
ENV ASPNETCORE_ENVIRONMENT=Production \
    Urls=http://0.0.0.0:8080 \
    Jas__DataDirectory=/var/lib/jas
USER app
EXPOSE 8080
ENTRYPOINT ["dotnet", "JasKnowledge.Web.dll"]
