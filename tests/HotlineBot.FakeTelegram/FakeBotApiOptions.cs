namespace HotlineBot.FakeTelegram;

public sealed class FakeBotApiOptions
{
    public long BotId { get; set; } = 7_000_000_001;
    public string BotFirstName { get; set; } = "Hotline Test Bot";
    public string BotUsername { get; set; } = "hotline_test_bot";

    /// <summary>Token to advertise; generated as "{BotId}:AA..." when null. Any well-formed token is accepted.</summary>
    public string? Token { get; set; }

    /// <summary>Enable ASP.NET Core console logging (off by default).</summary>
    public bool EnableLogging { get; set; }

    /// <summary>Faults armed before the server starts.</summary>
    public IList<FaultRule> Faults { get; } = [];

    /// <summary>Apply Telegram-like flood limits to send methods (429 with retry_after past them).</summary>
    public bool EnforceTelegramLimits { get; set; }

    public TelegramLimits Limits { get; set; } = new();

    /// <summary>Answer 400 "Bad Request: chat not found" when the bot sends to a chat nobody wrote from.</summary>
    public bool RequireKnownChats { get; set; }

    /// <summary>Validate HTML markup (parse_mode HTML) like Telegram: 400 "can't parse entities".</summary>
    public bool ValidateHtml { get; set; } = true;

    /// <summary>Upper bound for a getUpdates long poll, whatever timeout the client asks (seconds).</summary>
    public int MaxLongPollSeconds { get; set; } = 50;

    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// The bot has topics in private chats (@BotFather's threaded mode; getMe → has_topics_enabled, Bot API 9.3):
    /// createForumTopic and message_thread_id work in private chats. Off by default, like a new bot.
    /// </summary>
    public bool TopicsInPrivateChats { get; set; }

    /// <summary>With <see cref="TopicsInPrivateChats"/>: users may create and delete topics there too (getMe → allows_users_to_create_topics, Bot API 9.4).</summary>
    public bool UsersMayCreateTopics { get; set; } = true;
}

/// <summary>Flood limits used when <see cref="FakeBotApiOptions.EnforceTelegramLimits"/> is on.</summary>
public sealed class TelegramLimits
{
    /// <summary>Private chats: burst size.</summary>
    public int PrivateBurst { get; set; } = 3;
    /// <summary>Private chats: sustained messages per second.</summary>
    public double PrivatePerSecond { get; set; } = 1;
    /// <summary>Groups/channels (negative chat id): burst size.</summary>
    public int GroupBurst { get; set; } = 20;
    /// <summary>Groups/channels: sustained messages per minute.</summary>
    public double GroupPerMinute { get; set; } = 20;
    /// <summary>All chats together: messages per second (0 disables).</summary>
    public double GlobalPerSecond { get; set; } = 30;

    /// <summary>Methods counted. Case-insensitive.</summary>
    public ISet<string> Methods { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "sendMessage", "copyMessage", "forwardMessage", "sendDocument", "sendPhoto", "sendVideo", "sendVoice",
        "sendAudio", "sendAnimation", "sendSticker", "sendMediaGroup", "sendLocation", "sendContact", "editMessageText",
        // Each posts a service message into the chat (forum_topic_created / forum_topic_edited). Telegram does not say
        // whether these count against a group's 20 a minute; counting them keeps a sender that renames topics honest.
        "createForumTopic", "editForumTopic",
    };
}

public enum FaultKind { Fail, DropConnection, Delay }

/// <summary>An armed fault. Method "*" matches every method; ChatId null matches any chat.</summary>
public sealed class FaultRule
{
    public required FaultKind Kind { get; init; }
    public required string Method { get; init; }
    public long? ChatId { get; init; }
    public int StatusCode { get; init; } = 500;
    public string Description { get; init; } = "Internal Server Error";
    public int? RetryAfter { get; init; }
    public TimeSpan Delay { get; init; }
    /// <summary>How many more requests it applies to; int.MaxValue for "forever".</summary>
    public int Remaining { get; set; } = 1;

    /// <summary>Matching requests let through before the fault applies (e.g. fail the second piece of a long text).</summary>
    public int Skip { get; set; }

    public static FaultRule Fail(string method, long? chatId, int statusCode, string description, int? retryAfter = null, int times = 1)
        => new() { Kind = FaultKind.Fail, Method = method, ChatId = chatId, StatusCode = statusCode, Description = description, RetryAfter = retryAfter, Remaining = times };

    public static FaultRule Drop(string method, long? chatId, int times = 1)
        => new() { Kind = FaultKind.DropConnection, Method = method, ChatId = chatId, Remaining = times };

    public static FaultRule Slow(string method, TimeSpan delay, int times = 1, long? chatId = null)
        => new() { Kind = FaultKind.Delay, Method = method, ChatId = chatId, Delay = delay, Remaining = times };

    internal bool Matches(string method, long? chatId) =>
        Remaining > 0
        && (Method == "*" || string.Equals(Method, method, StringComparison.OrdinalIgnoreCase))
        && (ChatId is null || ChatId == chatId);
}
