using JasKnowledge.Tests.Integration.Infrastructure;

namespace JasKnowledge.Tests.Integration.Portal;

/// <summary>No Docker engine runs here, but docker-compose can still validate the file it would run, and
/// nginx the proxy configuration it would load.</summary>
public sealed class ComposeFileTests
{
    internal static string Repository()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "JasKnowledge.sln"))) folder = folder.Parent;
        return folder?.FullName ?? throw new InvalidOperationException("The repository root (JasKnowledge.sln) was not found above the test folder.");
    }

    private static Task<(int ExitCode, string Output, string Error)> RunAsync(string tool, params string[] arguments) =>
        CommandLineTool.ExecuteAsync(tool, Repository(), arguments);


    [Fact]
    public async Task The_compose_file_runs_two_web_nodes_behind_nginx_that_wait_for_healthy_dependencies()
    {
        var (exitCode, _, error) = await RunAsync("docker-compose", "-f", "docker-compose.yml", "config", "-q");
        Assert.True(exitCode == 0, $"docker-compose config -q failed: {error}");

        var services = (await RunAsync("docker-compose", "-f", "docker-compose.yml", "config", "--services")).Output
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Order(StringComparer.Ordinal);
        Assert.Equal(["azurite", "postgres", "proxy", "web-a", "web-b"], services);

        // The resolved file: the anchors expanded, so each service's settings can be read as written out.
        var resolved = (await RunAsync("docker-compose", "-f", "docker-compose.yml", "config")).Output;
        var web = Section(resolved, "  web-a:");
        Assert.Equal(web.Replace("web-a", "web-b"), Section(resolved, "  web-b:").Replace("web-a", "web-b"));
        Assert.Contains("Jas__Database__Provider: PostgreSQL", web);
        Assert.Contains("Jas__Blobs__Provider: Azure", web);
        Assert.Contains("ASPNETCORE_FORWARDEDHEADERS_ENABLED: \"true\"", web);
        Assert.Contains("/health/ready", web);
        Assert.Contains("stop_grace_period: 40s", web);
        Assert.DoesNotContain("ports:", web);
        Assert.Equal(2, Count(web, "condition: service_healthy"));
        var proxy = Section(resolved, "  proxy:");
        Assert.Equal(2, Count(proxy, "condition: service_healthy"));
        Assert.Contains("deploy/nginx.conf", proxy);
        Assert.Contains("127.0.0.1", proxy);
        Assert.Contains("pg_isready", Section(resolved, "  postgres:"));
        Assert.Contains("postgres-data:/var/lib/postgresql/data", Section(resolved, "  postgres:"));
        Assert.Contains("healthcheck:", Section(resolved, "  azurite:"));
    }

    [Fact]
    public async Task The_proxy_configuration_is_valid_nginx()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"jas-nginx-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        try
        {
            var config = await LoopbackProxy.WriteConfigAsync(Repository(), folder, LoopbackPort.Free(), LoopbackPort.Free());
            Assert.Contains("proxy_request_buffering off", await File.ReadAllTextAsync(config));
            var (exitCode, output, error) = await RunAsync(LoopbackProxy.Nginx, "-t", "-q", "-e",
                Path.Combine(folder, "error.log"), "-c", config);
            Assert.True(exitCode == 0, $"nginx -t: {output}{error}");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>A top-level service's block of the resolved file: its line and the deeper-indented lines after it.</summary>
    private static string Section(string yaml, string header)
    {
        var lines = yaml.Split('\n');
        var start = Array.FindIndex(lines, l => l == header);
        Assert.True(start >= 0, $"{header.Trim()} is missing.");
        return string.Join('\n', lines.Skip(start + 1).TakeWhile(l => l.StartsWith("    ", StringComparison.Ordinal) || l.Length == 0));
    }

    private static int Count(string text, string part) => (text.Length - text.Replace(part, "").Length) / part.Length;

}
