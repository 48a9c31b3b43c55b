using System.Diagnostics;
using System.Text.Json.Nodes;

namespace HotlineBot.FakeTelegram;

/// <summary>
/// Topics, as the Bot API has them: forum supergroups (topics since Bot API 6.3) and private chats with the bot
/// (Bot API 9.3: topics in private chats, <c>has_topics_enabled</c> on getMe; 9.4: <c>createForumTopic</c> there).
/// A topic's id (<c>message_thread_id</c>) is the id of the <c>forum_topic_created</c> service message that opens it.
/// Behaviour follows telegram-bot-api's own checks: in a forum a send to the General topic (id 1) is refused with
/// "message thread not found" (sends to General go without a thread id), a non-forum supergroup ignores the thread
/// id, and in a forum every message of a topic carries <c>is_topic_message</c> and an implicit
/// <c>reply_to_message</c> (the topic's first message), which private-chat topics do not.
/// </summary>
public sealed partial class FakeBotApi
{
    /// <summary>The General topic of a forum supergroup; its messages carry no message_thread_id.</summary>
    public const int GeneralTopicId = 1;

    /// <summary>The icon colours Telegram accepts at creation (the colour cannot be changed afterwards).</summary>
    public static readonly IReadOnlyList<int> TopicIconColors = [0x6FB9F0, 0xFFD67E, 0xCB86DB, 0x8EEE98, 0xFF93B2, 0xFB6F5F];

    private readonly Dictionary<long, TopicSpace> _topicSpaces = [];

    /// <summary>
    /// Methods whose message_thread_id is checked and stamped on the message they produce. A property, not a field:
    /// the order of static initialisers across the files of a partial class is unspecified.
    /// </summary>
    private static IEnumerable<string> ThreadedMethods => SendMethods.Append("sendChatAction");

    // =====================================================================================
    // Registration (called once from the constructor, after BuildHandlers)
    // =====================================================================================

    private void AddTopicMethods(Dictionary<string, (string Name, Handler Handler)> d)
    {
        void Sync(string name, Func<JsonObject, ApiResult> f) => d[name] = (name, (p, _, _) => ValueTask.FromResult(f(p)));
        // getMe is registered again here so that it reports the topics settings (Bot API 9.3/9.4 fields).
        Sync("getMe", _ => ApiResult.Ok(BotUserWithTopicSettings()));
        Sync("createForumTopic", CreateForumTopic);
        Sync("editForumTopic", EditForumTopic);
        Sync("closeForumTopic", p => ToggleTopicClosed(p, closed: true));
        Sync("reopenForumTopic", p => ToggleTopicClosed(p, closed: false));
        Sync("deleteForumTopic", DeleteForumTopic);
        Sync("pinChatMessage", PinChatMessage);
        Sync("unpinChatMessage", UnpinChatMessage);
        Sync("getChatMember", GetChatMember);
        foreach (var method in ThreadedMethods)
        {
            if (d.TryGetValue(method, out var registered)) d[method] = (registered.Name, ThreadAware(registered.Handler));
        }
    }

    /// <summary>
    /// Wraps a send method: the thread is checked before the send, and stamped on the message it produced while the
    /// gate is still held, so no waiter ever sees the message outside its thread. Send handlers are synchronous.
    /// </summary>
    private Handler ThreadAware(Handler inner) => (p, files, ct) =>
    {
        var requested = Int(p, "message_thread_id") ?? 0;
        if (requested == 0 || GetChatId(p, "chat_id") is not long chatId) return inner(p, files, ct);
        lock (_gate)
        {
            var (refusal, thread) = CheckThreadLocked(chatId, requested);
            if (refusal is ApiResult refused) return ValueTask.FromResult(refused);
            var pending = inner(p, files, ct);
            if (!pending.IsCompleted) throw new InvalidOperationException("send handlers are expected to complete synchronously");
            var result = pending.Result;
            if (result.Status == 200 && thread is TopicState topic && result.Result is JsonObject sent && Int(sent, "message_id") is int id
                && FindStored(chatId, id) is { } stored)
            {
                StampThread(stored.Json, chatId, topic);
                if (sent.ContainsKey("chat")) StampThread(sent, chatId, topic);
                Pulse();
            }
            return ValueTask.FromResult(result);
        }
    };

    /// <summary>Call under _gate. The topic a send goes to, null for none (the thread id ignored), or the refusal.</summary>
    private (ApiResult? Refusal, TopicState? Topic) CheckThreadLocked(long chatId, int threadId)
    {
        var chat = _chats.GetValueOrDefault(chatId);
        var type = chat is null ? (chatId > 0 ? "private" : null) : Str(chat.Json, "type");
        var space = _topicSpaces.GetValueOrDefault(chatId);
        if (type == "supergroup" && space is not { IsForumGroup: true }) return (null, null); // not a forum: ignored
        if (type is not ("supergroup" or "private")) return (null, null);
        if (type == "supergroup" && threadId == GeneralTopicId) return (ApiResult.BadRequest("message thread not found"), null);
        if (space is null || !space.Topics.TryGetValue(threadId, out var topic) || topic.Deleted)
            return (ApiResult.BadRequest("message thread not found"), null);
        if (topic.Closed && !space.BotCanManageTopics) return (ApiResult.BadRequest("TOPIC_CLOSED"), null);
        return (null, topic);
    }

    private static void StampThread(JsonObject message, long chatId, TopicState topic)
    {
        message["message_thread_id"] = topic.ThreadId;
        message["is_topic_message"] = true;
        // In a forum supergroup a topic message is an implicit reply to the topic's first message; not in private chats.
        if (chatId < 0 && topic.CreationMessage is JsonObject opening) message["reply_to_message"] = opening.DeepClone();
    }

    // =====================================================================================
    // Inspection
    // =====================================================================================

    /// <summary>
    /// The messages of one thread of the chat, oldest first. <paramref name="threadId"/> 0 (or the General topic, 1)
    /// is what lies outside every topic: a forum's General topic, a private chat's main thread.
    /// </summary>
    public IReadOnlyList<ChatMessage> ChatView(long chatId, int threadId)
    {
        lock (_gate) return _chats.TryGetValue(chatId, out var c) ? c.Messages.Where(m => InThread(m, threadId)).Select(m => m.ToPublic()).ToArray() : [];
    }

    public IReadOnlyList<ChatMessage> BotMessages(long chatId, int threadId)
    {
        lock (_gate) return _chats.TryGetValue(chatId, out var c) ? c.Messages.Where(m => m.FromBot && InThread(m, threadId)).Select(m => m.ToPublic()).ToArray() : [];
    }

    /// <summary>Every topic the chat has had (deleted ones too), by thread id; the General topic is not listed.</summary>
    public IReadOnlyList<ForumTopicView> Topics(long chatId)
    {
        lock (_gate) return _topicSpaces.TryGetValue(chatId, out var s) ? s.Topics.Values.OrderBy(t => t.ThreadId).Select(t => TopicView(chatId, s, t)).ToArray() : [];
    }

    public ForumTopicView? Topic(long chatId, int threadId)
    {
        lock (_gate) return _topicSpaces.TryGetValue(chatId, out var s) && s.Topics.TryGetValue(threadId, out var t) ? TopicView(chatId, s, t) : null;
    }

    /// <summary>Pinned message ids of one thread (0: outside every topic), oldest pin first.</summary>
    public IReadOnlyList<int> PinnedMessages(long chatId, int threadId = 0)
    {
        lock (_gate) return _topicSpaces.TryGetValue(chatId, out var s) ? PinsIn(chatId, s, threadId) : [];
    }

    /// <summary>Call under _gate.</summary>
    private ForumTopicView TopicView(long chatId, TopicSpace space, TopicState t)
    {
        var pins = PinsIn(chatId, space, t.ThreadId);
        return new ForumTopicView(chatId, t.ThreadId, t.Name, t.IconColor, t.IconCustomEmojiId, t.Closed, t.Deleted,
            pins.Length > 0 ? pins[^1] : null, pins, t.Edits);
    }

    private int[] PinsIn(long chatId, TopicSpace space, int threadId) =>
        [.. space.Pins.Where(id => FindStored(chatId, id) is { } m && InThread(m, threadId))];

    /// <summary>Waits for a bot message in one thread of the chat.</summary>
    public Task<ChatMessage> WaitForBotMessageInThreadAsync(long chatId, int threadId, Func<ChatMessage, bool>? predicate = null, TimeSpan? timeout = null, int afterMessageId = 0)
        => WaitForBotMessageAsync(chatId, m => (m.ThreadId ?? 0) == (threadId == GeneralTopicId ? 0 : threadId) && (predicate?.Invoke(m) ?? true), timeout, afterMessageId);

    private static bool InThread(StoredMessage m, int threadId)
    {
        var own = Int(m.Json, "message_thread_id") ?? 0;
        return threadId is 0 or GeneralTopicId ? own == 0 : own == threadId;
    }

    // =====================================================================================
    // Simulated users and staff groups
    // =====================================================================================

    /// <summary>
    /// A staff forum supergroup (topics on). <paramref name="botIsAdminWithManageTopics"/> false leaves the bot a plain
    /// member: it cannot create topics ("not enough rights to create a topic") nor write in closed ones.
    /// </summary>
    public void CreateForumGroup(long groupId, string title, IEnumerable<long> memberIds, bool botIsAdminWithManageTopics = true)
    {
        if (groupId > -1_000_000_000_000) throw new ArgumentOutOfRangeException(nameof(groupId), "supergroup ids are below -1000000000000");
        ArgumentNullException.ThrowIfNull(memberIds);
        lock (_gate)
        {
            var chat = GetOrCreateChat(groupId, "supergroup", title);
            chat.Json["title"] = title;
            chat.Json["is_forum"] = true;
            // Message 1 is the group's creation; the General topic has id 1.
            chat.NextMessageId = Math.Max(chat.NextMessageId, 2);
            var space = SpaceFor(groupId);
            space.IsForumGroup = true;
            space.BotCanManageTopics = botIsAdminWithManageTopics;
            foreach (var id in memberIds)
            {
                space.Members.Add(id);
                UpsertUser(id);
            }
            Pulse();
        }
    }

    /// <summary>
    /// A user writes in a topic: of a forum supergroup (<paramref name="chatId"/> the group), or of their private chat
    /// with the bot (<paramref name="chatId"/> = <paramref name="userId"/>, as Bot API 9.3/9.4 delivers it: with
    /// message_thread_id and is_topic_message, no implicit reply). Thread 0 or 1 in a forum is the General topic.
    /// </summary>
    public EnqueuedUpdate SendTextInTopic(long chatId, long userId, int threadId, string text, string? languageCode = "ru", string firstName = "Test")
    {
        ArgumentNullException.ThrowIfNull(text);
        lock (_gate)
        {
            var user = UpsertUser(userId, firstName, null, languageCode, explicitProfile: !_users.ContainsKey(userId));
            var content = UserTopicContent(chatId, userId, threadId);
            content["text"] = text;
            if (text.StartsWith('/'))
            {
                var end = text.IndexOfAny([' ', '\n']);
                content["entities"] = new JsonArray(new JsonObject { ["offset"] = 0, ["length"] = end < 0 ? text.Length : end, ["type"] = "bot_command" });
            }
            return AddUserMessageAndEnqueue(chatId, user, content);
        }
    }

    /// <summary>A user sends a photo or a document (or another kind of media) in a topic.</summary>
    public EnqueuedUpdate SendMediaInTopic(long chatId, long userId, int threadId, string kind = "photo", string? fileName = null, string? caption = null)
    {
        lock (_gate)
        {
            var user = UpsertUser(userId);
            var content = UserTopicContent(chatId, userId, threadId);
            var file = StoreFile(kind, fileName, null, new byte[kind == "photo" ? 30_000 : 4_096]);
            content[kind] = MediaJson(kind, file);
            if (caption is not null) content["caption"] = caption;
            return AddUserMessageAndEnqueue(chatId, user, content);
        }
    }

    public EnqueuedUpdate SendPhotoInTopic(long chatId, long userId, int threadId, string? caption = null)
        => SendMediaInTopic(chatId, userId, threadId, "photo", null, caption);

    public EnqueuedUpdate SendDocumentInTopic(long chatId, long userId, int threadId, string fileName, string? caption = null)
        => SendMediaInTopic(chatId, userId, threadId, "document", fileName, caption);

    /// <summary>
    /// A user (a group admin, or the person in a private chat with topics) deletes a topic with all its messages. The
    /// Bot API sends no update for it: the bot learns it when a send there answers "message thread not found".
    /// </summary>
    public void DeleteTopicAsUser(long chatId, long userId, int threadId)
    {
        lock (_gate)
        {
            var topic = LiveTopic(chatId, threadId) ?? throw new InvalidOperationException($"No topic {threadId} in chat {chatId}");
            if (chatId > 0 && chatId != userId) throw new InvalidOperationException($"User {userId} is not in the private chat {chatId}");
            RemoveTopicLocked(chatId, topic);
        }
    }

    /// <summary>Call under _gate. Thread fields of a user's message in a topic; throws where a client could not write.</summary>
    private JsonObject UserTopicContent(long chatId, long userId, int threadId)
    {
        if (chatId > 0 && chatId != userId) throw new InvalidOperationException($"User {userId} cannot write in the private chat {chatId}");
        var content = new JsonObject();
        if (chatId < 0) SpaceFor(chatId).Members.Add(userId); // whoever writes in a group is in it
        if (chatId < 0 && threadId is 0 or GeneralTopicId)
        {
            if (!_topicSpaces.TryGetValue(chatId, out var s) || !s.IsForumGroup) throw new InvalidOperationException($"Chat {chatId} is not a forum group");
            return content;
        }
        var topic = LiveTopic(chatId, threadId) ?? throw new InvalidOperationException($"No open topic {threadId} in chat {chatId}.\n{DumpChatLocked(chatId)}");
        if (topic.Closed && chatId < 0) throw new InvalidOperationException($"Topic {threadId} in chat {chatId} is closed: members cannot write there");
        StampThread(content, chatId, topic);
        return content;
    }

    // =====================================================================================
    // Bot API methods
    // =====================================================================================

    private JsonObject BotUserWithTopicSettings()
    {
        var me = BotUserJson(full: true);
        me["has_topics_enabled"] = _options.TopicsInPrivateChats;
        me["allows_users_to_create_topics"] = _options.TopicsInPrivateChats && _options.UsersMayCreateTopics;
        return me;
    }

    private ApiResult CreateForumTopic(JsonObject p)
    {
        if (GetChatId(p, "chat_id") is not long chatId) return ApiResult.BadRequest("chat_id is empty");
        var name = Str(p, "name") ?? "";
        if (name.Length is 0 or > 128) return ApiResult.BadRequest(name.Length == 0 ? "TOPIC_TITLE_EMPTY" : "TOPIC_TITLE_TOO_LONG");
        var color = Int(p, "icon_color") ?? 0;
        if (color != 0 && !TopicIconColors.Contains(color)) return ApiResult.BadRequest("TOPIC_COLOR_INVALID");
        var emoji = Str(p, "icon_custom_emoji_id");
        lock (_gate)
        {
            if (ForumRefusalLocked(chatId, create: true) is ApiResult refused) return refused;
            var chat = GetOrCreateChat(chatId);
            var topic = new TopicState
            {
                ThreadId = chat.NextMessageId,
                Name = name,
                IconColor = color == 0 ? TopicIconColors[0] : color,
                IconCustomEmojiId = string.IsNullOrEmpty(emoji) ? null : emoji,
                CreatedAt = Stopwatch.GetTimestamp(),
            };
            var created = new JsonObject { ["name"] = name, ["icon_color"] = topic.IconColor };
            if (topic.IconCustomEmojiId is not null) created["icon_custom_emoji_id"] = topic.IconCustomEmojiId;
            var opening = AddBotMessage(chatId, new JsonObject { ["forum_topic_created"] = created }, "createForumTopic", null, null, null);
            topic.CreationMessage = (JsonObject)opening.Json.DeepClone();
            opening.Json["message_thread_id"] = topic.ThreadId;
            opening.Json["is_topic_message"] = true;
            SpaceFor(chatId).Topics[topic.ThreadId] = topic;
            var result = new JsonObject { ["message_thread_id"] = topic.ThreadId, ["name"] = name, ["icon_color"] = topic.IconColor };
            if (topic.IconCustomEmojiId is not null) result["icon_custom_emoji_id"] = topic.IconCustomEmojiId;
            return ApiResult.Ok(result);
        }
    }

    private ApiResult EditForumTopic(JsonObject p)
    {
        if (GetChatId(p, "chat_id") is not long chatId) return ApiResult.BadRequest("chat_id is empty");
        if (Int(p, "message_thread_id") is not int threadId) return ApiResult.BadRequest("message thread is not specified");
        var name = Str(p, "name");
        if (name is { Length: > 128 }) return ApiResult.BadRequest("TOPIC_TITLE_TOO_LONG");
        var editsEmoji = p.ContainsKey("icon_custom_emoji_id");
        var emoji = Str(p, "icon_custom_emoji_id");
        lock (_gate)
        {
            if (ManagedTopicLocked(chatId, threadId, out var topic) is ApiResult refused) return refused;
            var newName = string.IsNullOrEmpty(name) ? topic.Name : name;
            var newEmoji = editsEmoji ? (string.IsNullOrEmpty(emoji) ? null : emoji) : topic.IconCustomEmojiId;
            if (newName == topic.Name && newEmoji == topic.IconCustomEmojiId) return ApiResult.BadRequest("TOPIC_NOT_MODIFIED");
            var edited = new JsonObject();
            if (newName != topic.Name) edited["name"] = newName;
            if (newEmoji != topic.IconCustomEmojiId) edited["icon_custom_emoji_id"] = newEmoji ?? "";
            topic.Name = newName;
            topic.IconCustomEmojiId = newEmoji;
            topic.Edits++;
            AddTopicServiceMessage(chatId, topic, new JsonObject { ["forum_topic_edited"] = edited }, "editForumTopic");
            return ApiResult.Ok(true);
        }
    }

    private ApiResult ToggleTopicClosed(JsonObject p, bool closed)
    {
        if (GetChatId(p, "chat_id") is not long chatId) return ApiResult.BadRequest("chat_id is empty");
        if (Int(p, "message_thread_id") is not int threadId) return ApiResult.BadRequest("message thread is not specified");
        lock (_gate)
        {
            // closeForumTopic and reopenForumTopic are for forum supergroups only (private-chat topics are not closed).
            if (chatId > 0) return ApiResult.BadRequest("method is available only for supergroups");
            if (ManagedTopicLocked(chatId, threadId, out var topic) is ApiResult refused) return refused;
            if (topic.Closed == closed) return ApiResult.BadRequest("TOPIC_NOT_MODIFIED");
            topic.Closed = closed;
            AddTopicServiceMessage(chatId, topic, new JsonObject { [closed ? "forum_topic_closed" : "forum_topic_reopened"] = new JsonObject() },
                closed ? "closeForumTopic" : "reopenForumTopic");
            return ApiResult.Ok(true);
        }
    }

    private ApiResult DeleteForumTopic(JsonObject p)
    {
        if (GetChatId(p, "chat_id") is not long chatId) return ApiResult.BadRequest("chat_id is empty");
        if (Int(p, "message_thread_id") is not int threadId) return ApiResult.BadRequest("message thread is not specified");
        lock (_gate)
        {
            if (ManagedTopicLocked(chatId, threadId, out var topic) is ApiResult refused) return refused;
            RemoveTopicLocked(chatId, topic);
            return ApiResult.Ok(true);
        }
    }

    private ApiResult PinChatMessage(JsonObject p)
    {
        if (GetChatId(p, "chat_id") is not long chatId) return ApiResult.BadRequest("chat_id is empty");
        if (Int(p, "message_id") is not int messageId) return ApiResult.BadRequest("message_id is empty");
        lock (_gate)
        {
            if (chatId < 0 && _topicSpaces.TryGetValue(chatId, out var s) && s.IsForumGroup && !s.BotCanManageTopics)
                return ApiResult.BadRequest("not enough rights to manage pinned messages in the chat");
            var m = FindStored(chatId, messageId);
            if (m is null) return ApiResult.BadRequest("message to pin not found");
            var space = SpaceFor(chatId);
            space.Pins.Remove(messageId);
            space.Pins.Add(messageId);
            Pulse();
            return ApiResult.Ok(true);
        }
    }

    private ApiResult UnpinChatMessage(JsonObject p)
    {
        if (GetChatId(p, "chat_id") is not long chatId) return ApiResult.BadRequest("chat_id is empty");
        lock (_gate)
        {
            var space = SpaceFor(chatId);
            var messageId = Int(p, "message_id") ?? (space.Pins.Count > 0 ? space.Pins[^1] : 0);
            if (!space.Pins.Remove(messageId)) return ApiResult.BadRequest("message to unpin not found");
            Pulse();
            return ApiResult.Ok(true);
        }
    }

    private ApiResult GetChatMember(JsonObject p)
    {
        if (GetChatId(p, "chat_id") is not long chatId) return ApiResult.BadRequest("chat_id is empty");
        if (Long(p, "user_id") is not long userId) return ApiResult.BadRequest("user_id is empty");
        lock (_gate)
        {
            if (!_chats.ContainsKey(chatId) && !_topicSpaces.ContainsKey(chatId)) return ApiResult.BadRequest("chat not found");
            var space = _topicSpaces.GetValueOrDefault(chatId);
            JsonObject user = userId == BotId ? BotUserJson() : (JsonObject)(_users.GetValueOrDefault(userId)?.DeepClone() ?? new JsonObject { ["id"] = userId, ["is_bot"] = false, ["first_name"] = "Test" });
            if (userId == BotId && space is { IsForumGroup: true, BotCanManageTopics: true })
            {
                return ApiResult.Ok(new JsonObject
                {
                    ["status"] = "administrator", ["user"] = user, ["can_be_edited"] = false, ["is_anonymous"] = false,
                    ["can_manage_chat"] = true, ["can_delete_messages"] = true, ["can_manage_video_chats"] = false,
                    ["can_restrict_members"] = false, ["can_promote_members"] = false, ["can_change_info"] = false,
                    ["can_invite_users"] = true, ["can_post_stories"] = false, ["can_edit_stories"] = false,
                    ["can_delete_stories"] = false, ["can_pin_messages"] = true, ["can_manage_topics"] = true,
                });
            }
            var member = userId == BotId || userId == chatId || space?.Members.Contains(userId) == true;
            return ApiResult.Ok(new JsonObject { ["status"] = member ? "member" : "left", ["user"] = user });
        }
    }

    // ---------------- helpers (under _gate) ----------------

    private TopicSpace SpaceFor(long chatId)
    {
        if (!_topicSpaces.TryGetValue(chatId, out var s)) _topicSpaces[chatId] = s = new TopicSpace();
        return s;
    }

    private TopicState? LiveTopic(long chatId, int threadId) =>
        _topicSpaces.TryGetValue(chatId, out var s) && s.Topics.TryGetValue(threadId, out var t) && !t.Deleted ? t : null;

    /// <summary>Why the bot may not create (or manage) topics in this chat, or null when it may.</summary>
    private ApiResult? ForumRefusalLocked(long chatId, bool create)
    {
        if (chatId > 0)
            return _options.TopicsInPrivateChats ? null : ApiResult.BadRequest("the chat is not a forum");
        if (!_topicSpaces.TryGetValue(chatId, out var s) || !s.IsForumGroup) return ApiResult.BadRequest("the chat is not a forum");
        if (!s.BotCanManageTopics) return ApiResult.BadRequest(create ? "not enough rights to create a topic" : "not enough rights to manage topics");
        return null;
    }

    private ApiResult? ManagedTopicLocked(long chatId, int threadId, out TopicState topic)
    {
        topic = null!;
        if (ForumRefusalLocked(chatId, create: false) is ApiResult refused) return refused;
        if (threadId == GeneralTopicId) return ApiResult.BadRequest("TOPIC_ID_INVALID"); // the General topic has methods of its own
        if (LiveTopic(chatId, threadId) is not TopicState live) return ApiResult.BadRequest("message thread not found");
        topic = live;
        return null;
    }

    private void AddTopicServiceMessage(long chatId, TopicState topic, JsonObject content, string method)
    {
        var m = AddBotMessage(chatId, content, method, null, null, null);
        StampThread(m.Json, chatId, topic);
        Pulse();
    }

    private void RemoveTopicLocked(long chatId, TopicState topic)
    {
        topic.Deleted = true;
        if (_chats.TryGetValue(chatId, out var chat))
        {
            var removed = chat.Messages.Where(m => Int(m.Json, "message_thread_id") == topic.ThreadId).Select(m => m.MessageId).ToHashSet();
            chat.Messages.RemoveAll(m => removed.Contains(m.MessageId));
            SpaceFor(chatId).Pins.RemoveAll(removed.Contains);
        }
        Pulse();
    }

    private sealed class TopicSpace
    {
        public bool IsForumGroup { get; set; }
        public bool BotCanManageTopics { get; set; }
        public HashSet<long> Members { get; } = [];
        public Dictionary<int, TopicState> Topics { get; } = [];
        /// <summary>Pinned message ids of the chat, oldest pin first.</summary>
        public List<int> Pins { get; } = [];
    }

    private sealed class TopicState
    {
        public required int ThreadId { get; init; }
        public required string Name { get; set; }
        public required int IconColor { get; init; }
        public string? IconCustomEmojiId { get; set; }
        public bool Closed { get; set; }
        public bool Deleted { get; set; }
        public int Edits { get; set; }
        public long CreatedAt { get; init; }
        /// <summary>The forum_topic_created message as it was sent (no thread fields): the implicit reply in forums.</summary>
        public JsonObject? CreationMessage { get; set; }
    }
}
