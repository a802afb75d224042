# syntax=docker/dockerfile:1
# docker build -t digestbot .   then see README.md (Docker) for docker run and docker compose.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# Project files first: the restore layer is reused until a dependency changes.
COPY Directory.Build.props Directory.Packages.props DigestBot.sln ./
COPY src/DigestBot.Core/DigestBot.Core.csproj src/DigestBot.Core/
COPY src/DigestBot.Telegram/DigestBot.Telegram.csproj src/DigestBot.Telegram/
COPY src/DigestBot/DigestBot.csproj src/DigestBot/
COPY tests/DigestBot.Core.Tests/DigestBot.Core.Tests.csproj tests/DigestBot.Core.Tests/
RUN dotnet restore src/DigestBot/DigestBot.csproj && dotnet restore tests/DigestBot.Core.Tests/DigestBot.Core.Tests.csproj
COPY . .
# The fast unit tests gate the image; the integration tests need PostgreSQL and Node and run in CI.
RUN dotnet test tests/DigestBot.Core.Tests -c Release --no-restore
RUN dotnet publish src/DigestBot/DigestBot.csproj -c Release --no-restore -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
COPY seeds ./seeds
# Urls makes /healthz and /metrics listen in polling mode too (and is what webhook mode needs); the base image's
# ASPNETCORE_HTTP_PORTS is cleared so that Urls alone decides, without a start-up warning about overriding it.
# Workstation GC keeps a small bot small; the web SDK's default server GC reserves far more memory.
ENV ConnectionStrings__Articles="Data Source=/data/digestbot.db" \
    Seeds__Path=/app/seeds \
    Topics__CatalogPath=/app/seeds/topics.json \
    Urls=http://+:8080 \
    ASPNETCORE_HTTP_PORTS="" \
    DOTNET_gcServer=0
RUN mkdir -p /data && chown app:app /data
VOLUME /data
EXPOSE 8080
# The non-root user of the .NET images (app, uid 1654), by number so that orchestrators can check it is not root.
USER $APP_UID
# The image has no curl: the bot asks its own /healthz (the first address of Urls). Until the first success, within
# the start period (migrations and the seed import come before the port opens), it is asked every 5 s.
HEALTHCHECK --interval=30s --timeout=10s --start-period=2m --start-interval=5s --retries=3 \
    CMD ["dotnet", "digestbot.dll", "healthcheck"]
ENTRYPOINT ["dotnet", "digestbot.dll"]
CMD ["run"]
