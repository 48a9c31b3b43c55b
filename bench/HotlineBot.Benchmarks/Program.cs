using System.Diagnostics;
using HotlineBot.Benchmarks;

// Usage: dotnet run -c Release --project bench/HotlineBot.Benchmarks -- [users]
// Runs the echo ceiling and the real bot against the same loopback fake Bot API, in one run, and prints one line.
var users = args.Length > 0 && int.TryParse(args[0], out var n) ? n : 200;
var echo = await Scenarios.EchoAsync(users);
var bot = await Scenarios.BotAsync(users);
Console.WriteLine($"echo: {echo}");
Console.WriteLine($"bot:  {bot}");
Console.WriteLine($"bench: bot={bot.PerSecond:0}/s echo={echo.PerSecond:0}/s ratio={bot.PerSecond / echo.PerSecond:0.00} p50={bot.P50:0.0} p99={bot.P99:0.0} peak_mb={Process.GetCurrentProcess().PeakWorkingSet64 / 1024 / 1024}");
