# syntax=docker/dockerfile:1
# AllexPortal: multi-stage build of the Blazor Server portal.
#   docker build -t allexportal .
#   docker run -p 8080:8080 -v allexportal-data:/data allexportal
# The database (SQLite by default) and the Data Protection key ring live under /data: back the volume up as one
# piece — losing the key ring loses every stored exchange secret. Several instances on PostgreSQL:
# deploy/docker-compose.yml and docs/deploy.md (the image carries both providers' migrations).

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
RUN apt-get update \
 && apt-get install -y --no-install-recommends nodejs npm \
 && rm -rf /var/lib/apt/lists/*
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig AllexPortal.sln ./
COPY src/ src/
COPY wwwroot/ wwwroot/
RUN dotnet restore src/AllexPortal.Web/AllexPortal.Web.csproj
RUN dotnet publish src/AllexPortal.Web/AllexPortal.Web.csproj -c Release -o /app --no-restore

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS final
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && mkdir -p /data && chown app:app /data
WORKDIR /app
COPY --from=build --chown=app:app /app ./
USER app
ENV ASPNETCORE_URLS=http://+:8080 \
    ASPNETCORE_ENVIRONMENT=Production \
    ConnectionStrings__PortalDb="Data Source=/data/portal.db" \
    DOTNET_CLI_TELEMETRY_OPTOUT=1
VOLUME ["/data"]
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD curl -fsS http://localhost:8080/healthz || exit 1
ENTRYPOINT ["dotnet", "AllexPortal.Web.dll"]
