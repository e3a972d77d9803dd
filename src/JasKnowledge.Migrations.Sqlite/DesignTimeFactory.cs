using JasKnowledge.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace JasKnowledge.Migrations.Sqlite;

/// <summary>How `dotnet ef` makes the context for this engine's migrations. It reads the model only:
/// no database is opened, so the connection string is a placeholder.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<JasDbContext>
{
    public JasDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<JasDbContext>();
        options.UseJasDatabase(isPostgreSql: false, "Data Source=design-time.db");
        return new JasDbContext(options.Options);
    }
}
