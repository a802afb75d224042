namespace DigestBot.Storage;

/// <summary>The database engines the bot can store in, and the one place where <c>Storage:Provider</c> picks one.</summary>
public static class StorageProviders
{
    /// <summary>The engine used when <c>Storage:Provider</c> is not set.</summary>
    public const string Default = "Sqlite";

    /// <summary>Every engine this build holds: each is one folder under <c>StorageEngines/</c>, found here by its
    /// <see cref="IStorageProvider"/> class, the default first.</summary>
    public static IReadOnlyList<IStorageProvider> All { get; } = [.. typeof(IStorageProvider).Assembly.GetTypes()
        .Where(type => type is { IsClass: true, IsAbstract: false } && typeof(IStorageProvider).IsAssignableFrom(type))
        .Select(type => (IStorageProvider)Activator.CreateInstance(type)!)
        .OrderBy(provider => provider.Name != Default)
        .ThenBy(provider => provider.Name, StringComparer.Ordinal)];

    /// <summary>The engine with this name (as <c>Storage:Provider</c> gives it, in any case), or null.</summary>
    public static IStorageProvider? Find(string? name) =>
        All.FirstOrDefault(provider => string.Equals(provider.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The engine <see cref="StorageOptions.Provider"/> names: the one place the setting picks an engine. A name
    /// no engine has gets the default here, and <see cref="StorageOptionsValidator"/> stops the start with a line that
    /// names the setting.</summary>
    public static IStorageProvider For(StorageOptions options) => Find(options.Provider) ?? Find(Default)!;

    /// <summary>The names <c>Storage:Provider</c> accepts, for a line: "Sqlite or Postgres".</summary>
    public static string Names(IEnumerable<IStorageProvider> providers)
    {
        var names = providers.Select(provider => provider.Name).ToList();
        return names.Count < 2 ? string.Concat(names) : $"{string.Join(", ", names[..^1])} or {names[^1]}";
    }
}
