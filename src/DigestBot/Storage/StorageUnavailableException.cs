namespace DigestBot.Storage;

/// <summary>The database that <c>ConnectionStrings:Articles</c> names could not be reached, opened, written or brought to the schema.</summary>
public sealed class StorageUnavailableException(string message, Exception? innerException = null) : Exception(message, innerException);
