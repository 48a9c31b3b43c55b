using HotlineBot.Conversations;
using HotlineBot.Dialogs;
using HotlineBot.Hosting;
using HotlineBot.Settings;
using HotlineBot.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace HotlineBot.Tests.Core;

/// <summary>
/// The core built the way the app builds it (AddHotlineCore from configuration), with a fake clock,
/// driven one inbound at a time inside a transaction, exactly as the inbox processor does.
/// </summary>
internal sealed class CoreHarness : IDisposable
{
    public const long Worker1 = 900001;
    public const long Worker2 = 900002;
    public const long Supervisor = 900009;
    public static readonly long[] Staff = [Worker1, Worker2, Supervisor];

    private readonly ServiceProvider _provider;
    private long _updateId;
    private int _callbackId;

    /// <param name="withStaff">False: a hotline with no worker or supervisor configured.</param>
    /// <param name="configure">Changes to the services after the app's own registrations (e.g. a store that counts its calls).</param>
    public CoreHarness(string? storagePath = null, IDictionary<string, string?>? settings = null, bool withStaff = true, Action<IServiceCollection>? configure = null)
    {
        var staff = withStaff
            ? new Dictionary<string, string?>
            {
                ["Hotline:Workers:0"] = Worker1.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Hotline:Workers:1"] = Worker2.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Hotline:Supervisors:0"] = Supervisor.ToString(System.Globalization.CultureInfo.InvariantCulture),
            }
            : [];
        var config = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(RepoRoot, "config", "appsettings.json"), optional: false)
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Storage:Path"] = storagePath ?? ":memory:",
                ["Dialogs:Path"] = DialogsPath,
                ["Hotline:WorkingHours:AlwaysOpen"] = "true",
            })
            .AddInMemoryCollection(staff)
            .AddInMemoryCollection(settings ?? new Dictionary<string, string?>())
            .Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddHotlineCore(config);
        Time = new FakeTimeProvider(new DateTimeOffset(2025, 3, 3, 6, 0, 0, TimeSpan.Zero));
        services.AddSingleton<TimeProvider>(Time);
        configure?.Invoke(services);
        _provider = services.BuildServiceProvider();
        Engine = _provider.GetRequiredService<ConversationEngine>();
        Db = _provider.GetRequiredService<HotlineDatabase>();
        Dialogs = _provider.GetRequiredService<DialogSet>();
    }

    public static string RepoRoot => TestPaths.RepoRoot;
    public static string DialogsPath => TestPaths.Dialogs;

    public FakeTimeProvider Time { get; }
    public ConversationEngine Engine { get; }
    public HotlineDatabase Db { get; }
    public DialogSet Dialogs { get; }
    public IServiceProvider Services => _provider;

    /// <summary>Everything the core said in the most recent turn.</summary>
    public IReadOnlyList<Outbound> Last { get; private set; } = [];

    /// <summary>Everything the core said since this harness was built.</summary>
    public List<Outbound> All { get; } = [];

    public T Get<T>() where T : notnull => _provider.GetRequiredService<T>();

    public IReadOnlyList<Outbound> Handle(Inbound inbound)
    {
        var turn = Db.InTransaction(() => Engine.Handle(inbound, Time.GetUtcNow()));
        // As the processor does: deferred work runs after the commit, outside the transaction.
        IReadOnlyList<Outbound> said = [.. turn.Outbounds, .. turn.RunDeferred()];
        Time.Advance(TimeSpan.FromSeconds(5));
        Last = said;
        All.AddRange(said);
        return said;
    }

    public IReadOnlyList<Outbound> Say(long user, string text, string lang = "ru") => Handle(new Inbound
    {
        UpdateId = ++_updateId, ChatId = user, UserId = user, Kind = InboundKind.Text, Text = text, LanguageHint = lang,
        MessageId = 100 + (int)_updateId, SentAt = Time.GetUtcNow(),
    });

    public IReadOnlyList<Outbound> Press(long user, string data, int? messageId = 1, string lang = "ru") => Handle(new Inbound
    {
        UpdateId = ++_updateId, ChatId = user, UserId = user, Kind = InboundKind.Button, ButtonData = data,
        CallbackId = "cb" + ++_callbackId, MessageId = messageId, LanguageHint = lang, SentAt = Time.GetUtcNow(),
    });

    public IReadOnlyList<Outbound> Media(long user, string kind, string? caption = null, string lang = "ru")
    {
        var messageId = 100 + (int)++_updateId;
        return Handle(new Inbound
        {
            UpdateId = _updateId, ChatId = user, UserId = user, Kind = InboundKind.Media, LanguageHint = lang,
            Media = new InboundMedia(kind, caption, user, messageId), MessageId = messageId, SentAt = Time.GetUtcNow(),
        });
    }

    /// <summary>Messages (sends and edits, not button acknowledgements) the last turn addressed to <paramref name="chatId"/>.</summary>
    public IReadOnlyList<Outbound> RepliesTo(long chatId) =>
        Last.Where(o => o.ChatId == chatId && o.Kind is OutboundKind.Send or OutboundKind.Edit).ToList();

    public string TextTo(long chatId) => string.Join("\n---\n", RepliesTo(chatId).Select(o => o.Text));

    public static IEnumerable<string> ButtonData(IEnumerable<Outbound> outbounds) =>
        outbounds.SelectMany(o => o.Buttons ?? []).SelectMany(row => row).Select(b => b.Data);

    /// <summary>A new person who has chosen a language and sees the main menu.</summary>
    public void Onboard(long user, string lang = "ru")
    {
        Say(user, "/start", lang);
        Press(user, "l:" + lang, 1, lang);
    }

    public void Dispose() => _provider.Dispose();
}

/// <summary>A temporary folder removed when the test ends.</summary>
internal sealed class TempDir : IDisposable
{
    public string Path { get; } = TestPaths.TempDirectory();

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
