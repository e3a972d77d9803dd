using JasKnowledge.Data;
using JasKnowledge.Data.Migrations;
using JasKnowledge.Tests.Integration.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace JasKnowledge.Tests.Integration.Portal;

/// <summary>A database made by the release with hand-written migrations (Fixtures/, made by
/// Fixtures/make-legacy-databases.sh with that release) starts with this one: it takes the generated
/// baseline in their place, keeps every row, serves its pages, and its schema is then the one the
/// generated migrations give a new database.</summary>
public abstract class LegacyDatabaseUpgradeTests(DatabaseKind kind)
{
    private static readonly string[] Tables =
    [
        "ContentItems", "ContentVersions", "Assets", "AssetRevisions", "AuditLog", "AspNetUsers", "AspNetRoles", "AspNetUserRoles",
        "DataProtectionKeys", "StartupSteps", "SearchOutbox",
    ];

    [Fact]
    public async Task A_database_of_the_hand_written_migrations_takes_the_baseline_and_keeps_every_row()
    {
        await using var legacy = await TestDatabase.CreateAsync(kind);
        await LoadFixtureAsync(legacy);
        var before = await CountAsync(legacy);
        Assert.All(["ContentItems", "ContentVersions", "AssetRevisions", "AuditLog", "AspNetUsers", "SearchOutbox"],
            table => Assert.True(before[table] > 0, $"the fixture has no rows in {table}"));
        var lastSequence = await legacy.CountAsync("""SELECT MAX("Sequence") FROM "SearchOutbox" """);

        // No content folder to import: the fixture's rows are what is compared, whatever the content
        // shipped today adds (the fixture was made without the first-start import).
        var logs = new CapturedLogs();
        await using (var factory = new PortalFactory(legacy, contentFolder: ContentFolders.NewEmpty()))
        {
            var portal = factory.WithWebHostBuilder(builder => builder.ConfigureLogging(logging => logging.AddProvider(logs)));
            using var client = portal.CreateClient();
            var home = await client.GetAsync("/");
            Assert.Equal(System.Net.HttpStatusCode.OK, home.StatusCode);
            var search = await client.GetAsync("/api/v1/search?q=gesprek");
            Assert.True(search.IsSuccessStatusCode, $"search answered {search.StatusCode}");

            using var scope = portal.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<JasDbContext>();
            Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
            Assert.False(await HandWrittenMigrations.AdoptAsync(db)); // once is enough
            // The outbox kept its counter: its rows predate the sections of a document, so start-up wrote them
            // again, each under a new number after the last one of the old release.
            Assert.Equal(
                await legacy.CountAsync("""SELECT COUNT(*) FROM "SearchOutbox" WHERE "Type" IS NOT NULL"""),
                await legacy.CountAsync($"""SELECT COUNT(*) FROM "SearchOutbox" WHERE "Type" IS NOT NULL AND "Sequence" > {lastSequence}"""));
            Assert.Equal(0, await legacy.CountAsync("""SELECT COUNT(*) FROM "SearchOutbox" WHERE "Type" IS NOT NULL AND "Sections" IS NULL"""));
            // Every node then applies all of it: the log says why.
            Assert.Single(logs.Lines, line => line.Contains("written again from what is published", StringComparison.Ordinal));
        }
        var after = await CountAsync(legacy);
        foreach (var table in Tables)
        {
            // Starting may add to the key ring and the start-up steps; it never removes a row.
            if (table is "DataProtectionKeys" or "StartupSteps")
                Assert.True(after[table] >= before[table], $"{table}: {before[table]} rows before the start, {after[table]} after");
            else Assert.True(after[table] == before[table], $"{table}: {before[table]} rows before the start, {after[table]} after");
        }

        await using var fresh = await TestDatabase.CreateAsync(kind);
        await using (var portal = new PortalFactory(fresh, contentFolder: ContentFolders.NewEmpty()))
        {
            portal.CreateClient().Dispose();
        }
        Assert.Equal(await SchemaAsync(fresh), await SchemaAsync(legacy));
    }

    [Fact]
    public async Task A_database_of_an_even_older_release_is_refused_with_what_to_do_and_left_as_it_was()
    {
        await using var legacy = await TestDatabase.CreateAsync(kind);
        await LoadFixtureAsync(legacy);
        await legacy.ScalarAsync($"""DELETE FROM "__EFMigrationsHistory" WHERE "MigrationId" = '{HandWrittenMigrations.Last}'""");
        var options = new DbContextOptionsBuilder<JasDbContext>();
        options.UseJasDatabase(kind == DatabaseKind.PostgreSql, legacy.ConnectionString);
        await using var db = new JasDbContext(options.Options);

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => HandWrittenMigrations.AdoptAsync(db));
        Assert.Contains("start a release of 2 December 2026 on it once", refused.Message);
        Assert.Equal(7, await legacy.CountAsync("""SELECT COUNT(*) FROM "__EFMigrationsHistory" """));
    }

    private async Task LoadFixtureAsync(TestDatabase database)
    {
        var fixtures = Path.Combine(AppContext.BaseDirectory, "Fixtures");
        if (kind == DatabaseKind.Sqlite)
        {
            File.Copy(Path.Combine(fixtures, "legacy.sqlite"), new SqliteConnectionStringBuilder(database.ConnectionString).DataSource);
            return;
        }
        var connection = new NpgsqlConnectionStringBuilder(database.ConnectionString);
        var bin = Environment.GetEnvironmentVariable("JAS_TEST_PG_BIN") is { Length: > 0 } value ? value
            : throw new InvalidOperationException("JAS_TEST_PG_BIN is not set: run the tests through ./test.sh, which finds PostgreSQL's binaries.");
        await CommandLineTool.RunAsync(Path.Combine(bin, "psql"), "-q", "-v", "ON_ERROR_STOP=1", "-h", connection.Host!,
            "-p", connection.Port.ToString(), "-U", connection.Username!, "-d", connection.Database!,
            "-f", Path.Combine(fixtures, "legacy-postgresql.sql"));
    }

    private static async Task<Dictionary<string, long>> CountAsync(TestDatabase database)
    {
        var counts = new Dictionary<string, long>();
        foreach (var table in Tables) counts[table] = await database.CountAsync($"""SELECT COUNT(*) FROM "{table}" """);
        return counts;
    }

    /// <summary>Tables, columns (type, nullability, identity), keys, indexes and foreign keys, in a
    /// fixed order; not the order of columns, which ALTER TABLE leaves at the end.</summary>
    private async Task<List<string>> SchemaAsync(TestDatabase database)
    {
        var sql = kind == DatabaseKind.Sqlite
            ? """
              SELECT 'column ' || m.name || '.' || c.name || ' ' || c.type || CASE WHEN c."notnull" = 1 THEN ' not null' ELSE '' END
                  || CASE WHEN c.pk > 0 THEN ' pk' ELSE '' END
                  || CASE WHEN c.pk > 0 AND m.sql LIKE '%AUTOINCREMENT%' THEN ' autoincrement' ELSE '' END
              FROM sqlite_master m, pragma_table_info(m.name) c WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'
              UNION ALL
              SELECT 'index ' || m.name || '.' || i.name || CASE WHEN i."unique" = 1 THEN ' unique' ELSE '' END || ' ' || i.origin || ' ('
                  || (SELECT group_concat(x.name, ',') FROM pragma_index_info(i.name) x) || ')'
              FROM sqlite_master m, pragma_index_list(m.name) i WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'
              UNION ALL
              SELECT 'foreign key ' || m.name || '.' || f."from" || ' -> ' || f."table" || '.' || f."to" || ' ' || f.on_delete
              FROM sqlite_master m, pragma_foreign_key_list(m.name) f WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'
              """
            : """
              SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type || COALESCE('(' || character_maximum_length || ')', '')
                  || CASE WHEN is_nullable = 'NO' THEN ' not null' ELSE '' END || COALESCE(' identity ' || identity_generation, '')
                  || COALESCE(' default ' || column_default, '')
              FROM information_schema.columns WHERE table_schema = 'public'
              UNION ALL
              SELECT 'index ' || indexdef FROM pg_indexes WHERE schemaname = 'public'
              UNION ALL
              SELECT 'constraint ' || conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid)
              FROM pg_constraint WHERE connamespace = 'public'::regnamespace
              """;
        await using var connection = database.Connect();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) lines.Add(reader.GetString(0));
        return lines.Order(StringComparer.Ordinal).ToList();
    }
}

public sealed class SqliteLegacyDatabaseUpgradeTests() : LegacyDatabaseUpgradeTests(DatabaseKind.Sqlite);
public sealed class PostgresLegacyDatabaseUpgradeTests() : LegacyDatabaseUpgradeTests(DatabaseKind.PostgreSql);
