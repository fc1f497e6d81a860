using Hw4.Dashboard.Cli;
using Hw4.Dashboard.Features.Runs;
using Hw4.Dashboard.Hosting;

// A verb (taylor, denoise, train, …) runs headless; no verb starts the web server.
if (ReindexCommand.Matches(args))
    return await ReindexCommand.RunAsync(args, Console.Out, Console.Error);
if (WorkerHost.Matches(args))
    return await WorkerHost.RunAsync(args, Console.Out, Console.Error);
if (CliApp.IsVerb(args))
    return await CliApp.RunAsync(args, Console.Out, Console.Error);

return await WebHost.RunAsync(args);
