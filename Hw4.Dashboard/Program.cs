using Hw4.Dashboard.Cli;
using Hw4.Dashboard.Hosting;

// A verb (taylor, denoise, train, worker, reindex, …) runs headless; no verb starts the web server.
if (CliApp.IsVerb(args))
    return await CliApp.RunAsync(args, Console.Out, Console.Error);

return await WebHost.RunAsync(args);
