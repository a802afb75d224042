using DigestBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace DigestBot.StorageEngines.Postgres;

/// <summary>The PostgreSQL flavour of <see cref="DigestDbContext"/>, for running several instances on one database.</summary>
public sealed class PostgresDigestDbContext(DbContextOptions<PostgresDigestDbContext> options) : DigestDbContext(options);
