using System.CommandLine;
using HotlineBot.Benchmarks;

// The benchmark: the real host against a loopback fake Bot API, compared in the same run with a bare echo bot.
var people = new Option<int>("--people") { Description = "Simulated people", DefaultValueFactory = _ => 400 };
var stored = new Option<int>("--stored") { Description = "People and closed cases stored before the start", DefaultValueFactory = _ => 0 };
var think = new Option<int>("--think-ms") { Description = "A person's pause between steps", DefaultValueFactory = _ => 1000 };
var root = new RootCommand("HotlineBot benchmark") { people, stored, think };
root.SetAction(async (result, ct) =>
{
    var line = await SteadyLoad.RunAsync(result.GetValue(people), result.GetValue(stored), TimeSpan.FromMilliseconds(result.GetValue(think)));
    Console.WriteLine(line);
    return 0;
});

var burstPeople = new Option<int>("--people") { Description = "People arriving within one second", DefaultValueFactory = _ => 5000 };
var cold = new Option<bool>("--cold") { Description = "No warm-up: the surge meets a bot that has just started" };
var burst = new Command("burst", "Telegram-like limits in the fake server; thousands arrive at once, 1 in 100 in crisis") { burstPeople, cold };
burst.SetAction(async (result, ct) =>
{
    Console.WriteLine(await BurstLoad.RunAsync(result.GetValue(burstPeople), result.GetValue(cold)));
    return 0;
});
root.Subcommands.Add(burst);

var casesPerMinute = new Option<int>("--cases-per-minute") { Description = "New cases a minute, each from a different person", DefaultValueFactory = _ => 60 };
var minutes = new Option<double>("--minutes") { Description = "How long cases keep opening", DefaultValueFactory = _ => 2 };
var staff = new Command("staff", "Telegram-like limits; two workers, cases opening steadily, then a crisis and 100 messages in 2 s from five live chats") { casesPerMinute, minutes };
staff.SetAction(async (result, ct) =>
{
    Console.WriteLine(await StaffLoad.RunAsync(result.GetValue(casesPerMinute), result.GetValue(minutes)));
    return 0;
});
root.Subcommands.Add(staff);

// Not for people: the benchmark starts itself with this to run the echo bot in a process of its own.
var apiUrl = new Option<string>("--api-url") { Required = true };
var echoBot = new Command("echo-bot") { apiUrl };
echoBot.Hidden = true;
echoBot.SetAction(async (result, ct) =>
{
    await EchoBot.RunAsync(result.GetValue(apiUrl)!, ct);
    return 0;
});
root.Subcommands.Add(echoBot);
return await root.Parse(args).InvokeAsync();
