using Bunit;
using Hw4.Dashboard.Features.Access;
using MudBlazor.Services;

namespace Hw4.Dashboard.Tests.Components;

/// <summary>
/// Shared bUnit setup for MudBlazor components (as MudBlazor's own BunitTest does): loose JS interop, Mud services, the access model,
/// and an async dispose, because some Mud services are only IAsyncDisposable.
/// </summary>
public abstract class MudBunitTest : IAsyncLifetime
{
    /// <summary>The bUnit context.</summary>
    protected BunitContext Context { get; } = new();

    /// <summary>Registers Mud services; subclasses add their own.</summary>
    protected MudBunitTest()
    {
        Context.JSInterop.Mode = JSRuntimeMode.Loose;
        // bUnit waits 1 s by default for a WaitFor* condition; a render that waits on a thread-pool continuation can take
        // longer on a shared 2-core machine under load. A condition that holds returns at once, so the bound is generous.
        BunitContext.DefaultWaitTimeout = TimeSpan.FromSeconds(30);
        Context.Services.AddMudServices();
        // Pages ask who the user is; with no listen address or password configured that is the local admin (an
        // anonymous user here: not a share link's viewer, who is a viewer on every server).
        Context.Services.AddHw4Access();
        Context.AddAuthorization();
    }

    /// <inheritdoc />
    public Task InitializeAsync()
    {
        // Components render as in the app's circuit (interactive server); a test of a prerender sets its own. Here, not
        // in the constructor: the renderer locks the services, and the subclasses' constructors add theirs.
        Context.Renderer.SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", true));
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task DisposeAsync() => await Context.DisposeAsync();
}
