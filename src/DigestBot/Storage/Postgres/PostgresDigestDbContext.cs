using Microsoft.EntityFrameworkCore;

namespace DigestBot.Storage.Postgres;

/// <summary>The PostgreSQL flavour of <see cref="DigestDbContext"/>, for running several instances on one database.</summary>
public sealed class PostgresDigestDbContext(DbContextOptions<PostgresDigestDbContext> options) : DigestDbContext(options);
