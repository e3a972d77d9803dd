using JasKnowledge.Data;
using JasKnowledge.Tests.Integration.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace JasKnowledge.Tests.Integration.Portal;

/// <summary>The tables and columns each engine's migrations create are exactly those the EF model
/// expects, with the same nullability, on both databases (MigrationsUpToDateTests checks the
/// snapshots; this checks what a real database holds after the portal started).</summary>
public abstract class MigrationsMatchModelTests<TFixture>(TFixture fixture) : IClassFixture<TFixture> where TFixture : PortalFixture
{
    [Fact]
    public async Task Every_table_and_column_of_the_model_exists_with_its_nullability()
    {
        using var scope = fixture.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<JasDbContext>();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();

        foreach (var entity in db.Model.GetEntityTypes())
        {
            var table = entity.GetTableName()!;
            var expected = entity.GetProperties()
                .Select(p => $"{p.GetColumnName()}:{(p.IsNullable ? "null" : "not null")}")
                .Order(StringComparer.Ordinal).ToList();

            await using var command = connection.CreateCommand();
            command.CommandText = fixture.Kind == DatabaseKind.Sqlite
                ? $"SELECT name, CASE WHEN \"notnull\" = 1 OR pk = 1 THEN 'not null' ELSE 'null' END FROM pragma_table_info('{table}')"
                : "SELECT column_name, CASE WHEN is_nullable = 'NO' THEN 'not null' ELSE 'null' END FROM information_schema.columns "
                    + $"WHERE table_schema = 'public' AND table_name = '{table}'";
            var actual = new List<string>();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync()) actual.Add($"{reader.GetString(0)}:{reader.GetString(1)}");

            Assert.Equal(expected, actual.Order(StringComparer.Ordinal).ToList());
        }
    }
}

public sealed class SqliteMigrationsMatchModelTests(SqlitePortal fixture) : MigrationsMatchModelTests<SqlitePortal>(fixture);
public sealed class PostgresMigrationsMatchModelTests(PostgresPortal fixture) : MigrationsMatchModelTests<PostgresPortal>(fixture);
