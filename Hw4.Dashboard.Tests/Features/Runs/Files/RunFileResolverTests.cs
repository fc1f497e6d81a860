using Hw4.Dashboard.Features.Runs.Files;

namespace Hw4.Dashboard.Tests.Features.Runs.Files;

public sealed class RunFileResolverTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("hw4-files-").FullName;

    public RunFileResolverTests()
    {
        Directory.CreateDirectory(Path.Combine(_root, "runs", "r1", "checkpoints"));
        File.WriteAllText(Path.Combine(_root, "runs", "r1", "checkpoints", "model_1.params"), "w");
        File.WriteAllText(Path.Combine(_root, "secret.txt"), "s");
        File.WriteAllText(Path.Combine(_root, "runs", "r2.txt"), "other");
    }

    private string ArtifactsDir => Path.Combine(_root, "runs");

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Resolve_FileInsideRun_ReturnsItsFullPath()
    {
        Assert.Equal(Path.Combine(ArtifactsDir, "r1", "checkpoints", "model_1.params"), RunFileResolver.Resolve(ArtifactsDir, "r1", "checkpoints/model_1.params"));
    }

    [Theory]
    [InlineData("r1", "../../secret.txt")]
    [InlineData("r1", "checkpoints/../../r2.txt")]
    [InlineData("r1", "/etc/passwd")]
    [InlineData("r1", "./checkpoints/model_1.params")]
    [InlineData("r1", "checkpoints//model_1.params")]
    [InlineData("r1", "")]
    [InlineData("r1", "checkpoints")]
    [InlineData("r1", "missing.json")]
    [InlineData("..", "secret.txt")]
    [InlineData("r1", "..\\..\\secret.txt")]
    public void Resolve_TraversalAbsoluteDottedFolderOrMissing_ReturnsNull(string runId, string path)
    {
        Assert.Null(RunFileResolver.Resolve(ArtifactsDir, runId, path));
    }

    [Fact]
    public void Resolve_SymlinkPointingOutOfTheRun_ReturnsNull()
    {
        File.CreateSymbolicLink(Path.Combine(ArtifactsDir, "r1", "leak.txt"), Path.Combine(_root, "secret.txt"));
        Directory.CreateSymbolicLink(Path.Combine(ArtifactsDir, "r1", "up"), _root);

        Assert.Null(RunFileResolver.Resolve(ArtifactsDir, "r1", "leak.txt"));
        Assert.Null(RunFileResolver.Resolve(ArtifactsDir, "r1", "up/secret.txt"));
    }

    [Fact]
    public async Task Resolve_NamedPipeInsideRun_ReturnsNullAtOnce()
    {
        var fifo = Path.Combine(ArtifactsDir, "r1", "metrics.jsonl");
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", fifo))
            mkfifo.WaitForExit();
        Assert.True(File.Exists(fifo), "mkfifo did not create the pipe");

        var resolve = Task.Run(() => RunFileResolver.Resolve(ArtifactsDir, "r1", "metrics.jsonl"));

        Assert.True(await Task.WhenAny(resolve, Task.Delay(TimeSpan.FromSeconds(5))) == resolve, "Resolve blocked on the named pipe");
        Assert.Null(await resolve);
    }

    [Theory]
    [InlineData("model_3.params", "application/octet-stream")]
    [InlineData("0.png", "image/png")]
    [InlineData("evaluation.json", "application/json")]
    [InlineData("metrics.jsonl", "text/plain; charset=utf-8")]
    [InlineData("report.html", "application/octet-stream")]
    [InlineData("figure.svg", "application/octet-stream")]
    public void ContentType_KnownExtensions_MatchesTheFileKind(string name, string expected)
    {
        Assert.Equal(expected, RunFileEndpoints.ContentType(name));
    }
}
