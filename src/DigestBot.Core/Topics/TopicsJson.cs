using System.Text.Json.Serialization;

namespace DigestBot.Core.Topics;

internal sealed record CatalogFile(List<CatalogEntry>? Topics);

internal sealed record CatalogEntry(
    string? Id,
    Dictionary<string, string>? Names,
    Dictionary<string, List<string>>? Aliases,
    Dictionary<string, List<string>>? Keywords);

[JsonSourceGenerationOptions(PropertyNameCaseInsensitive = true, ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip, AllowTrailingCommas = true)]
[JsonSerializable(typeof(CatalogFile))]
internal sealed partial class TopicsJson : JsonSerializerContext;
