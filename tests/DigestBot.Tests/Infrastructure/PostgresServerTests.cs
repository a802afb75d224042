using Npgsql;

namespace DigestBot.Tests.Infrastructure;

/// <summary>Checks the PostgreSQL fixture gives a working, isolated server.</summary>
[Trait("Category", "Slow")]
[Collection(PostgresCollection.Name)]
public sealed class PostgresServerTests(PostgresServer postgres)
{
    [Fact]
    public async Task Server_is_postgresql_15()
    {
        await using var connection = new NpgsqlConnection(postgres.ConnectionString());
        await connection.OpenAsync();

        connection.PostgreSqlVersion.Major.Should().Be(15);
    }

    [Fact]
    public async Task Table_round_trips_rows()
    {
        var connectionString = await postgres.CreateDatabaseAsync("round_trip");
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();

        await Execute(connection, "CREATE TABLE articles (id serial PRIMARY KEY, title text NOT NULL)");
        await using (var insert = new NpgsqlCommand("INSERT INTO articles (title) VALUES ($1), ($2)", connection))
        {
            insert.Parameters.Add(new NpgsqlParameter { Value = "Дайджест" });
            insert.Parameters.Add(new NpgsqlParameter { Value = "Digest" });
            await insert.ExecuteNonQueryAsync();
        }

        await using var select = new NpgsqlCommand("SELECT title FROM articles WHERE lower(title) = 'дайджест'", connection);
        (await select.ExecuteScalarAsync()).Should().Be("Дайджест", "the cluster uses UTF-8 with C.UTF-8 character classes");
    }

    [Fact]
    public async Task Databases_are_isolated_from_each_other()
    {
        var first = await postgres.CreateDatabaseAsync("isolated_first");
        var second = await postgres.CreateDatabaseAsync("isolated_second");
        await using (var connection = new NpgsqlConnection(first))
        {
            await connection.OpenAsync();
            await Execute(connection, "CREATE TABLE only_here (id int)");
        }

        await using var other = new NpgsqlConnection(second);
        await other.OpenAsync();
        await using var lookup = new NpgsqlCommand("SELECT to_regclass('only_here') IS NULL", other);

        (await lookup.ExecuteScalarAsync()).Should().Be(true);
    }

    [Fact]
    public async Task Database_names_must_be_plain_identifiers()
    {
        var create = () => postgres.CreateDatabaseAsync("Bad\"Name");

        await create.Should().ThrowAsync<ArgumentException>();
    }

    private static async Task Execute(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
