namespace DigestBot.Storage;

/// <summary>Work that must follow the migrations before anything reads the database, such as filling a derived index.</summary>
public interface IStorageStartupStep
{
    Task RunAsync(DigestDbContext db, CancellationToken cancellationToken);
}
