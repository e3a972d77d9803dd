using JasKnowledge.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace JasKnowledge.Tests.Unit;

/// <summary>A change to the model needs a migration for each engine (./migrations-add.sh Name): the
/// last model snapshot of each engine's set must equal the model, as `dotnet ef migrations
/// has-pending-model-changes` checks. No database is opened.</summary>
public sealed class MigrationsUpToDateTests
{
    [Theory]
    [InlineData(false, "Data Source=:memory:")]
    [InlineData(true, "Host=localhost;Database=jas")]
    public void Each_engine_has_a_migration_for_every_model_change(bool isPostgreSql, string connectionString)
    {
        using var db = Context(isPostgreSql, connectionString);
        Assert.False(db.Database.HasPendingModelChanges(),
            $"The model changed without a migration for {(isPostgreSql ? "PostgreSQL" : "SQLite")}: run ./migrations-add.sh <Name>.");
    }

    [Theory]
    [InlineData(false, "Data Source=:memory:", DatabaseProvider.SqliteMigrations)]
    [InlineData(true, "Host=localhost;Database=jas", DatabaseProvider.PostgreSqlMigrations)]
    public void Each_engine_starts_from_its_own_generated_baseline(bool isPostgreSql, string connectionString, string assembly)
    {
        using var db = Context(isPostgreSql, connectionString);
        var migrations = db.GetService<IMigrationsAssembly>();
        Assert.Equal(assembly, migrations.Assembly.GetName().Name);
        Assert.EndsWith("_Baseline", migrations.Migrations.Keys.First());
        Assert.NotNull(migrations.ModelSnapshot);
    }

    private static JasDbContext Context(bool isPostgreSql, string connectionString)
    {
        var options = new DbContextOptionsBuilder<JasDbContext>();
        options.UseJasDatabase(isPostgreSql, connectionString);
        return new JasDbContext(options.Options);
    }
}
