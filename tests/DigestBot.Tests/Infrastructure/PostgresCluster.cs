using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;

namespace DigestBot.Tests.Infrastructure;

/// <summary>A throwaway PostgreSQL cluster in a temp folder, listening on a free loopback port until disposed.</summary>
/// <remarks>Plain code without a test framework, so that the benchmarks compile this file too.</remarks>
internal sealed partial class PostgresCluster : IAsyncDisposable
{
    private const string Superuser = "postgres";
    private static readonly TimeSpan ToolTimeout = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    // Runs postgres in the background and stops it (fast shutdown) once the owner closes our stdin,
    // which also happens when the owner crashes; exits when postgres does, so a failed start shows at once.
    private const string Supervisor = """
        log=$1; shift
        exec 3<&0
        "$@" 3<&- >>"$log" 2>&1 &
        server=$!
        { cat <&3; kill -INT "$server"; } >/dev/null 2>&1 &
        wait "$server"
        """;

    private readonly string binaries;
    private readonly string folder;
    private readonly string? serverUser;
    private readonly bool keep;
    private Process? server;
    private int port;

    private PostgresCluster(string binaries, string folder, string? serverUser, bool keep)
    {
        this.binaries = binaries;
        this.folder = folder;
        this.serverUser = serverUser;
        this.keep = keep;
    }

    private string DataFolder => Path.Combine(folder, "data");

    private string LogFile => Path.Combine(folder, "postgres.log");

    /// <summary>Creates a cluster and starts its server; <c>PG_BIN</c> names another folder of server binaries.</summary>
    /// <param name="settings">Server settings (<c>name=value</c>) on top of listening on the loopback port only.</param>
    /// <param name="keepIn">A folder that outlives the cluster: a cluster already there is started again, not created.</param>
    public static async Task<PostgresCluster> StartAsync(IEnumerable<string> settings, string? keepIn = null)
    {
        var binaries = Environment.GetEnvironmentVariable("PG_BIN") is { Length: > 0 } path ? path : "/usr/lib/postgresql/15/bin";
        if (!File.Exists(Path.Combine(binaries, "postgres")))
        {
            throw new InvalidOperationException($"PostgreSQL: no server binaries in {binaries}; set PG_BIN");
        }

        var folder = keepIn is null ? Directory.CreateTempSubdirectory("digestbot-pg-").FullName : Directory.CreateDirectory(keepIn).FullName;
        var serverUser = await ServerUserAsync();
        if (serverUser is not null)
        {
            await CommandLine.RunCheckedAsync("chown", [serverUser, folder], ToolTimeout);
        }

        var cluster = new PostgresCluster(binaries, folder, serverUser, keep: keepIn is not null);
        try
        {
            if (!Directory.Exists(cluster.DataFolder))
            {
                await cluster.RunToolAsync(
                    "initdb",
                    ["-D", cluster.DataFolder, "-U", Superuser, "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"]);
            }

            var arguments = settings.SelectMany(setting => (string[])["-c", setting]).ToList();
            for (var attempt = 1; !await cluster.TryStartAsync(FreePort.Next(), arguments); attempt++)
            {
                if (attempt == FreePort.Attempts)
                {
                    throw new InvalidOperationException($"PostgreSQL: unable to start:\n{cluster.ReadLog()}");
                }
            }

            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>The connection string of a database as the superuser, who needs no password.</summary>
    public string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = port,
        Username = Superuser,
        Database = database,
        IncludeErrorDetail = true,
    }.ConnectionString;

    /// <summary>Whether a database of that name exists.</summary>
    public async Task<bool> HasDatabaseAsync(string name)
    {
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var exists = new NpgsqlCommand("SELECT count(*) FROM pg_database WHERE datname = @name", connection);
        exists.Parameters.AddWithValue("name", name);
        return (long)(await exists.ExecuteScalarAsync())! > 0;
    }

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string name)
    {
        if (!DatabaseName().IsMatch(name))
        {
            throw new ArgumentException($"Use a lower-case identifier for a database, not '{name}'.", nameof(name));
        }

        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await create.ExecuteNonQueryAsync();
        return ConnectionString(name);
    }

    /// <summary>Runs a plain SQL dump (pg_dump's default format) into a database, stopping at its first error.</summary>
    public Task RestoreAsync(string database, string dumpFile) =>
        RunToolAsync("psql", ["-h", "127.0.0.1", "-p", port.ToString(CultureInfo.InvariantCulture), "-U", Superuser, "-d", database, "-q", "-v", "ON_ERROR_STOP=1", "-f", dumpFile]);

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        try
        {
            if (server is not null)
            {
                await StopAsync(server);
            }
        }
        finally
        {
            if (!keep)
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    // initdb and postgres refuse to run as root, so as root they run as the postgres system user, else nobody.
    private static async Task<string?> ServerUserAsync()
    {
        if (!Environment.IsPrivilegedProcess)
        {
            return null;
        }

        var postgres = await CommandLine.RunAsync("id", ["-u", "postgres"], ToolTimeout);
        return postgres.ExitCode == 0 ? "postgres" : "nobody";
    }

    private async Task<bool> TryStartAsync(int candidatePort, IReadOnlyList<string> settings)
    {
        port = candidatePort;
        var startInfo = ServerUserStartInfo(
            "/bin/sh",
            [
                "-c", Supervisor, "postgres-supervisor", LogFile,
                Path.Combine(binaries, "postgres"),
                "-D", DataFolder,
                "-p", port.ToString(CultureInfo.InvariantCulture),
                "-k", folder,
                "-c", "listen_addresses=127.0.0.1",
                .. settings,
            ]);
        startInfo.RedirectStandardInput = true;
        server = Process.Start(startInfo) ?? throw new InvalidOperationException("PostgreSQL: unable to start");

        var waiting = Stopwatch.StartNew();
        while (waiting.Elapsed < StartTimeout)
        {
            if (server.HasExited)
            {
                server.Dispose();
                server = null;
                return false;
            }

            var ready = await CommandLine.RunAsync(
                Path.Combine(binaries, "pg_isready"),
                ["-h", "127.0.0.1", "-p", port.ToString(CultureInfo.InvariantCulture), "-U", Superuser, "-d", "postgres"],
                ToolTimeout);
            if (ready.ExitCode == 0)
            {
                return true;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }

        throw new TimeoutException($"PostgreSQL did not accept connections within {StartTimeout}:\n{ReadLog()}");
    }

    // pg_ctl waits for a clean shutdown; closing stdin then ends the supervisor, which would also stop
    // the server had pg_ctl failed.
    private async Task StopAsync(Process supervisor)
    {
        var stop = ServerUserStartInfo(
            Path.Combine(binaries, "pg_ctl"), ["stop", "-D", DataFolder, "-m", "fast", "-w"]);
        await CommandLine.RunAsync(stop.FileName, stop.ArgumentList, ToolTimeout);
        supervisor.StandardInput.Close();
        using var deadline = new CancellationTokenSource(ToolTimeout);
        try
        {
            await supervisor.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            supervisor.Kill(entireProcessTree: true);
        }

        supervisor.Dispose();
    }

    private Task<string> RunToolAsync(string tool, IEnumerable<string> arguments)
    {
        var startInfo = ServerUserStartInfo(Path.Combine(binaries, tool), arguments);
        return CommandLine.RunCheckedAsync(startInfo.FileName, startInfo.ArgumentList, ToolTimeout);
    }

    private ProcessStartInfo ServerUserStartInfo(string fileName, IEnumerable<string> arguments) =>
        serverUser is null
            ? new ProcessStartInfo(fileName, arguments)
            : new ProcessStartInfo("runuser", ["-u", serverUser, "--", fileName, .. arguments]);

    private string ReadLog() => File.Exists(LogFile) ? File.ReadAllText(LogFile) : "(no server log)";

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex DatabaseName();
}
