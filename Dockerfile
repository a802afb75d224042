# syntax=docker/dockerfile:1
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY Directory.Build.props Directory.Packages.props DigestBot.sln ./
COPY src/DigestBot.Core/DigestBot.Core.csproj src/DigestBot.Core/
COPY src/DigestBot.Telegram/DigestBot.Telegram.csproj src/DigestBot.Telegram/
COPY src/DigestBot/DigestBot.csproj src/DigestBot/
COPY tests/DigestBot.Core.Tests/DigestBot.Core.Tests.csproj tests/DigestBot.Core.Tests/
RUN dotnet restore src/DigestBot/DigestBot.csproj && dotnet restore tests/DigestBot.Core.Tests/DigestBot.Core.Tests.csproj
COPY . .
RUN dotnet test tests/DigestBot.Core.Tests -c Release --no-restore
RUN dotnet publish src/DigestBot/DigestBot.csproj -c Release --no-restore -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
COPY seeds ./seeds
ENV ConnectionStrings__Articles="Data Source=/data/digestbot.db" \
    Seeds__Path=/app/seeds \
    DOTNET_gcServer=0
RUN mkdir -p /data && chown app:app /data
VOLUME /data
USER app
ENTRYPOINT ["dotnet", "digestbot.dll"]
CMD ["run"]
