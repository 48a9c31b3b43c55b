using System.Diagnostics;
using System.Text.Json.Nodes;

namespace HotlineBot.FakeTelegram;

/// <summary>Simulated users: each call enqueues one update for getUpdates and updates the chat view.</summary>
public sealed partial class FakeBotApi
{
    private static readonly string[] UpdateKinds =
    [
        "message", "edited_message", "channel_post", "edited_channel_post", "business_message", "callback_query",
        "inline_query", "chosen_inline_result", "my_chat_member", "chat_member", "chat_join_request", "poll", "poll_answer",
        "message_reaction", "pre_checkout_query", "shipping_query",
    ];

    public EnqueuedUpdate SendText(long userId, string text, string? languageCode = "ru", string firstName = "Test", string? username = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        lock (_gate)
        {
            var user = UpsertUser(userId, firstName, username, languageCode, explicitProfile: true);
            var content = new JsonObject { ["text"] = text };
            if (text.StartsWith('/'))
            {
                var end = text.IndexOfAny([' ', '\n']);
                content["entities"] = new JsonArray(new JsonObject { ["offset"] = 0, ["length"] = end < 0 ? text.Length : end, ["type"] = "bot_command" });
            }
            return AddUserMessageAndEnqueue(userId, user, content);
        }
    }

    public EnqueuedUpdate SendPhoto(long userId, string? caption = null)
        => SendUserMedia(userId, "photo", null, caption, new byte[30_000]);

    public EnqueuedUpdate SendVoice(long userId) => SendUserMedia(userId, "voice", null, null, new byte[8_000]);

    public EnqueuedUpdate SendVideo(long userId, string? caption = null) => SendUserMedia(userId, "video", "video.mp4", caption, new byte[200_000]);

    public EnqueuedUpdate SendSticker(long userId) => SendUserMedia(userId, "sticker", null, null, new byte[20_000]);

    public EnqueuedUpdate SendDocument(long userId, string fileName, string? caption = null, byte[]? content = null)
        => SendUserMedia(userId, "document", fileName, caption, content ?? new byte[4_096]);

    public EnqueuedUpdate SendLocation(long userId, double latitude = 55.7558, double longitude = 37.6173)
    {
        lock (_gate)
        {
            var user = UpsertUser(userId);
            return AddUserMessageAndEnqueue(userId, user, new JsonObject
            {
                ["location"] = new JsonObject { ["latitude"] = latitude, ["longitude"] = longitude },
            });
        }
    }

    /// <summary>A shared contact; <paramref name="isOwn"/> means the sender shares their own number (user_id = sender).</summary>
    public EnqueuedUpdate SendContact(long userId, string phone, bool isOwn = true, string firstName = "Contact")
    {
        lock (_gate)
        {
            var user = UpsertUser(userId);
            var contact = new JsonObject
            {
                ["phone_number"] = phone,
                ["first_name"] = isOwn ? user["first_name"]?.DeepClone() : firstName,
            };
            contact["user_id"] = isOwn ? userId : userId + 1_000_000;
            return AddUserMessageAndEnqueue(userId, user, new JsonObject { ["contact"] = contact });
        }
    }

    public EnqueuedUpdate SendPoll(long userId, string question = "Question?", params string[] options)
    {
        if (options is null || options.Length < 2) options = ["Yes", "No"];
        lock (_gate)
        {
            var user = UpsertUser(userId);
            var opts = new JsonArray(options.Select(o => (JsonNode)new JsonObject { ["text"] = o, ["voter_count"] = 0 }).ToArray());
            return AddUserMessageAndEnqueue(userId, user, new JsonObject
            {
                ["poll"] = new JsonObject
                {
                    ["id"] = $"{5_000_000_000_000_000_000 + _nextFileNo++}",
                    ["question"] = question,
                    ["options"] = opts,
                    ["total_voter_count"] = 0,
                    ["is_closed"] = false,
                    ["is_anonymous"] = true,
                    ["type"] = "regular",
                    ["allows_multiple_answers"] = false,
                },
            });
        }
    }

    /// <summary>The user edits one of their own messages (edited_message update).</summary>
    public EnqueuedUpdate EditText(long userId, int messageId, string newText)
    {
        lock (_gate)
        {
            var m = FindStored(userId, messageId) ?? throw new InvalidOperationException($"No message {messageId} in chat {userId}.\n{DumpChatLocked(userId)}");
            if (m.FromBot || m.FromId != userId) throw new InvalidOperationException($"Message {messageId} was not sent by user {userId}");
            m.Json["text"] = newText;
            m.Json.Remove("entities");
            m.Json["edit_date"] = UnixNow();
            m.Edited = true;
            m.RawText = newText;
            return EnqueueLocked(new JsonObject { ["edited_message"] = m.Json.DeepClone() }, "edited_message", userId, messageId);
        }
    }

    /// <summary>The user presses an inline button (callback_query) under a bot message in the chat view.</summary>
    public EnqueuedUpdate PressButton(long userId, int messageId, string data, long? chatId = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        var chat = chatId ?? userId;
        lock (_gate)
        {
            var m = FindStored(chat, messageId)
                ?? throw new InvalidOperationException($"No message {messageId} in chat {chat}.\n{DumpChatLocked(chat)}");
            var buttons = InlineKeyboardOf(m.Json["reply_markup"] as JsonObject).SelectMany(r => r).ToArray();
            if (!buttons.Any(b => b.CallbackData == data))
                throw new InvalidOperationException($"Message {messageId} in chat {chat} has no button with callback_data '{data}': {m.ToPublic()}");
            var user = UpsertUser(userId);
            var id = $"{(ulong)(userId & 0xFFFFFFF) * 1000 + 7}{_nextCallbackId++:D6}";
            _callbackChats[id] = chat;
            var query = new JsonObject
            {
                ["id"] = id,
                ["from"] = user.DeepClone(),
                ["message"] = m.Json.DeepClone(),
                ["chat_instance"] = $"{(chat * 7919) ^ 0x5DEECE66DL}",
                ["data"] = data,
            };
            return EnqueueLocked(new JsonObject { ["callback_query"] = query }, "callback_query", chat, messageId);
        }
    }

    /// <summary>Presses the first inline button with this text under the message.</summary>
    public EnqueuedUpdate PressButtonByText(long userId, int messageId, string buttonText, long? chatId = null)
    {
        var m = FindMessage(chatId ?? userId, messageId) ?? throw new InvalidOperationException($"No message {messageId} in chat {chatId ?? userId}");
        var b = m.Buttons.FirstOrDefault(b => b.Text == buttonText && b.CallbackData is not null)
            ?? throw new InvalidOperationException($"No callback button '{buttonText}' on {m}");
        return PressButton(userId, messageId, b.CallbackData!, chatId);
    }

    /// <summary>A user writes in a group; ids below -1000000000000 are supergroups.</summary>
    public EnqueuedUpdate SendToGroup(long groupId, long userId, string text, string? title = null)
    {
        lock (_gate)
        {
            var user = UpsertUser(userId);
            GetOrCreateChat(groupId, groupId < -1_000_000_000_000 ? "supergroup" : "group", title);
            return AddUserMessageAndEnqueue(groupId, user, new JsonObject { ["text"] = text });
        }
    }

    public EnqueuedUpdate ChannelPost(long channelId, string text, string? title = null)
    {
        lock (_gate)
        {
            var chat = GetOrCreateChat(channelId, "channel", title);
            var id = chat.NextMessageId++;
            var json = new JsonObject
            {
                ["message_id"] = id,
                ["sender_chat"] = chat.Json.DeepClone(),
                ["chat"] = chat.Json.DeepClone(),
                ["date"] = UnixNow(),
                ["text"] = text,
            };
            AddStored(chat, json, fromBot: false, fromId: channelId);
            return EnqueueLocked(new JsonObject { ["channel_post"] = json.DeepClone() }, "channel_post", channelId, id);
        }
    }

    /// <summary>
    /// Enqueues any update (without update_id). A message/channel_post gets message_id and date when missing and
    /// enters the chat view; an edited_message/edited_channel_post replaces the stored message.
    /// </summary>
    public EnqueuedUpdate Enqueue(JsonObject updateWithoutId)
    {
        ArgumentNullException.ThrowIfNull(updateWithoutId);
        lock (_gate)
        {
            var update = (JsonObject)updateWithoutId.DeepClone();
            update.Remove("update_id");
            var type = UpdateKinds.FirstOrDefault(update.ContainsKey) ?? update.FirstOrDefault().Key ?? "unknown";
            long? chatId = null;
            int? messageId = null;
            if (update[type] is JsonObject payload)
            {
                var msg = type == "callback_query" ? payload["message"] as JsonObject : payload;
                if (msg?["chat"] is JsonObject chatJson && Long(chatJson, "id") is long cid)
                {
                    chatId = cid;
                    var chat = GetOrCreateChat(cid, Str(chatJson, "type"), Str(chatJson, "title"));
                    if (type is "message" or "channel_post" or "business_message")
                    {
                        if (Int(msg, "message_id") is int given) chat.NextMessageId = Math.Max(chat.NextMessageId, given + 1);
                        else msg["message_id"] = chat.NextMessageId++;
                        if (!msg.ContainsKey("date")) msg["date"] = UnixNow();
                        messageId = Int(msg, "message_id");
                        var from = msg["from"] as JsonObject;
                        AddStored(chat, (JsonObject)msg.DeepClone(), fromBot: from is not null && Bool(from, "is_bot") == true,
                            fromId: from is not null ? Long(from, "id") ?? cid : cid);
                    }
                    else if (type is "edited_message" or "edited_channel_post" && Int(msg, "message_id") is int edited)
                    {
                        messageId = edited;
                        if (FindStored(cid, edited) is { } stored)
                        {
                            stored.Json = (JsonObject)msg.DeepClone();
                            stored.Edited = true;
                        }
                    }
                    else messageId = Int(msg, "message_id");
                }
                else if (payload["chat"] is JsonObject c2 && Long(c2, "id") is long cid2) chatId = cid2;
                else if (payload["from"] is JsonObject f2 && Long(f2, "id") is long uid) chatId = uid;
                if (type == "callback_query" && Str(payload, "id") is string qid) _callbackChats[qid] = chatId;
            }
            return EnqueueLocked(update, type, chatId, messageId);
        }
    }

    // ---------------- helpers (under _gate) ----------------

    private EnqueuedUpdate SendUserMedia(long userId, string kind, string? fileName, string? caption, byte[] bytes)
    {
        lock (_gate)
        {
            var user = UpsertUser(userId);
            var file = StoreFile(kind, fileName, null, bytes);
            var content = new JsonObject { [kind] = MediaJson(kind, file) };
            if (caption is not null) content["caption"] = caption;
            return AddUserMessageAndEnqueue(userId, user, content);
        }
    }

    private JsonObject UpsertUser(long userId, string? firstName = null, string? username = null, string? languageCode = "ru", bool explicitProfile = false)
    {
        if (_users.TryGetValue(userId, out var existing) && !explicitProfile) return existing;
        var user = new JsonObject { ["id"] = userId, ["is_bot"] = false, ["first_name"] = firstName ?? "Test" };
        if (username is not null) user["username"] = username;
        if (languageCode is not null) user["language_code"] = languageCode;
        if (existing is null || !JsonNode.DeepEquals(existing, user))
        {
            _users[userId] = user;
            if (_chats.TryGetValue(userId, out var chat))
            {
                chat.Json["first_name"] = user["first_name"]!.DeepClone();
                if (username is not null) chat.Json["username"] = username; else chat.Json.Remove("username");
            }
        }
        return _users[userId];
    }

    private EnqueuedUpdate AddUserMessageAndEnqueue(long chatId, JsonObject user, JsonObject content)
    {
        var chat = GetOrCreateChat(chatId);
        var id = chat.NextMessageId++;
        var json = new JsonObject
        {
            ["message_id"] = id,
            ["from"] = user.DeepClone(),
            ["chat"] = chat.Json.DeepClone(),
            ["date"] = UnixNow(),
        };
        foreach (var (k, v) in content.ToArray()) { content.Remove(k); json[k] = v; }
        AddStored(chat, json, fromBot: false, fromId: Long(user, "id") ?? chatId);
        return EnqueueLocked(new JsonObject { ["message"] = json.DeepClone() }, "message", chatId, id);
    }

    private void AddStored(ChatState chat, JsonObject json, bool fromBot, long fromId)
    {
        chat.Messages.Add(new StoredMessage
        {
            ChatId = chat.Id,
            MessageId = Int(json, "message_id") ?? 0,
            FromBot = fromBot,
            FromId = fromId,
            Json = json,
            Source = fromBot ? "update" : "user",
            ReceivedAt = Stopwatch.GetTimestamp(),
        });
        chat.Messages.Sort((a, b) => a.MessageId.CompareTo(b.MessageId));
    }

    private EnqueuedUpdate EnqueueLocked(JsonObject payload, string type, long? chatId, int? messageId)
    {
        var updateId = _nextUpdateId++;
        var update = new JsonObject { ["update_id"] = updateId };
        foreach (var (k, v) in payload.ToArray()) { payload.Remove(k); update[k] = v; }
        var now = Stopwatch.GetTimestamp();
        _queue.Add(new PendingUpdate { UpdateId = updateId, Json = update });
        var trace = new UpdateTraceBuilder { UpdateId = updateId, Type = type, ChatId = chatId, MessageId = messageId, EnqueuedAt = now };
        _traces.Add(trace);
        _traceById[updateId] = trace;
        PulseUpdates();
        Pulse();
        return new EnqueuedUpdate(updateId, chatId, messageId, now);
    }

    private string DumpChatLocked(long chatId) =>
        _chats.TryGetValue(chatId, out var c) && c.Messages.Count > 0
            ? string.Join("\n", c.Messages.Select(m => "  " + m.ToPublic()))
            : "  (empty)";
}
