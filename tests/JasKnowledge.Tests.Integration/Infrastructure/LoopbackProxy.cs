namespace JasKnowledge.Tests.Integration.Infrastructure;

/// <summary>deploy/nginx.conf as a test can load it: Docker's names and DNS do not exist here, so the nodes become loopback
/// ports, the logs and pid file go into <paramref name="folder"/>, and with <paramref name="listen"/> it listens on
/// 127.0.0.1 at that port instead of port 80.</summary>
public static class LoopbackProxy
{
    public static string Nginx => Environment.GetEnvironmentVariable("JAS_TEST_NGINX") is { Length: > 0 } nginx ? nginx : "nginx";

    public static async Task<string> WriteConfigAsync(string repository, string folder, int nodeA, int nodeB, int? listen = null)
    {
        var text = (await File.ReadAllTextAsync(Path.Combine(repository, "deploy", "nginx.conf")))
            .Replace("web-a:8080", $"127.0.0.1:{nodeA}").Replace("web-b:8080", $"127.0.0.1:{nodeB}")
            .Replace(" resolve;", ";").Replace("resolver 127.0.0.11", "# resolver")
            .Replace("/var/log/nginx/", folder + "/").Replace("/var/run/nginx.pid", Path.Combine(folder, "nginx.pid"));
        if (listen is { } port) text = text.Replace("listen 80;", $"listen 127.0.0.1:{port};");
        var config = Path.Combine(folder, "nginx.conf");
        await File.WriteAllTextAsync(config, text);
        return config;
    }
}
