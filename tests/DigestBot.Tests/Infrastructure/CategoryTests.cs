using System.Reflection;

namespace DigestBot.Tests.Infrastructure;

/// <summary>Keeps <c>dotnet test --filter Category!=Slow</c> fast: a class that shares the PostgreSQL server or the
/// emulator is marked slow.</summary>
public sealed class CategoryTests
{
    [Fact]
    public void Classes_on_PostgreSQL_or_the_emulator_are_marked_slow()
    {
        var shared = new[] { PostgresCollection.Name, TelegramEmulatorCollection.Name };
        var unmarked = typeof(CategoryTests).Assembly.GetTypes()
            .Where(type => type.GetCustomAttribute<CollectionAttribute>() is not null)
            .Where(type => type.GetCustomAttributesData().Any(a => a.AttributeType == typeof(CollectionAttribute)
                && shared.Contains(a.ConstructorArguments[0].Value as string)))
            .Where(type => !type.GetCustomAttributesData().Any(a => a.AttributeType == typeof(TraitAttribute)
                && a.ConstructorArguments.Select(c => c.Value as string).SequenceEqual(["Category", "Slow"])))
            .Select(type => type.Name)
            .ToList();

        unmarked.Should().BeEmpty("they start PostgreSQL or the emulator, which the fast subset leaves out");
    }
}
