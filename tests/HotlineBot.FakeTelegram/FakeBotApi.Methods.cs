using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace HotlineBot.FakeTelegram;

public sealed partial class FakeBotApi
{
    private delegate ValueTask<ApiResult> Handler(JsonObject p, List<RecordedFile> files, CancellationToken ct);

    private readonly Dictionary<string, (string Name, Handler Handler)> _handlers;
    private readonly Dictionary<string, long?> _callbackChats = [];

    private static readonly HashSet<string> SendMethods = new(StringComparer.OrdinalIgnoreCase)
    {
        "sendMessage", "copyMessage", "forwardMessage", "sendDocument", "sendPhoto", "sendVideo", "sendVoice", "sendAudio",
        "sendAnimation", "sendSticker", "sendLocation", "sendContact", "sendMediaGroup", "sendVideoNote",
    };

    private static bool IsSendMethod(string method) => SendMethods.Contains(method);

    private Handler? FindHandler(string rawMethod, out string canonical)
    {
        if (_handlers.TryGetValue(rawMethod, out var h))
        {
            canonical = h.Name;
            return h.Handler;
        }
        canonical = rawMethod;
        return null;
    }

    private Dictionary<string, (string, Handler)> BuildHandlers()
    {
        var d = new Dictionary<string, (string, Handler)>(StringComparer.OrdinalIgnoreCase);
        void Sync(string name, Func<JsonObject, List<RecordedFile>, ApiResult> f) => d[name] = (name, (p, files, _) => ValueTask.FromResult(f(p, files)));
        d["getUpdates"] = ("getUpdates", GetUpdatesAsync);
        Sync("getMe", (_, _) => ApiResult.Ok(BotUserJson(full: true)));
        Sync("logOut", (_, _) => ApiResult.Ok(true));
        Sync("close", (_, _) => ApiResult.Ok(true));
        Sync("setWebhook", (p, _) => SetWebhook(p));
        Sync("deleteWebhook", (_, _) => DeleteWebhook());
        Sync("getWebhookInfo", (_, _) => ApiResult.Ok(WebhookInfo()));
        Sync("sendMessage", (p, _) => SendMessage(p));
        Sync("editMessageText", (p, _) => EditMessage(p, "editMessageText"));
        Sync("editMessageCaption", (p, _) => EditMessage(p, "editMessageCaption"));
        Sync("editMessageReplyMarkup", (p, _) => EditMessage(p, "editMessageReplyMarkup"));
        Sync("answerCallbackQuery", (p, _) => AnswerCallbackQuery(p));
        Sync("setMyCommands", (p, _) => SetMyCommands(p));
        Sync("deleteMyCommands", (p, _) => DeleteMyCommands(p));
        Sync("getMyCommands", (p, _) => GetMyCommands(p));
        Sync("copyMessage", (p, _) => CopyOrForward(p, forward: false));
        Sync("forwardMessage", (p, _) => CopyOrForward(p, forward: true));
        foreach (var (method, field) in new[]
        {
            ("sendDocument", "document"), ("sendPhoto", "photo"), ("sendVideo", "video"), ("sendVoice", "voice"),
            ("sendAudio", "audio"), ("sendAnimation", "animation"), ("sendSticker", "sticker"), ("sendVideoNote", "video_note"),
        })
        {
            Sync(method, (p, files) => SendMedia(p, files, method, field));
        }
        Sync("deleteMessage", (p, _) => DeleteMessages(p, single: true));
        Sync("deleteMessages", (p, _) => DeleteMessages(p, single: false));
        Sync("sendChatAction", (p, _) => GetChatId(p, "chat_id") is null ? ApiResult.BadRequest("chat_id is empty") : ApiResult.Ok(true));
        Sync("getChat", (p, _) => GetChat(p));
        Sync("getFile", (p, _) => GetFile(p));
        return d;
    }

    // ---------------- getUpdates ----------------

    private async ValueTask<ApiResult> GetUpdatesAsync(JsonObject p, List<RecordedFile> files, CancellationToken ct)
    {
        if (RefuseWhileWebhook() is { } conflict) return conflict;
        var offset = Long(p, "offset") ?? 0;
        var limit = Math.Clamp(Int(p, "limit") ?? 100, 1, 100);
        var timeout = Math.Clamp(Int(p, "timeout") ?? 0, 0, _options.MaxLongPollSeconds);
        var start = Stopwatch.GetTimestamp();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, _stopping.Token);
        while (true)
        {
            Task signal;
            lock (_gate)
            {
                ConfirmUpTo(offset);
                if (_queue.Count > 0)
                {
                    var now = Stopwatch.GetTimestamp();
                    var result = new JsonArray();
                    foreach (var u in _queue.Take(limit))
                    {
                        result.Add(u.Json.DeepClone());
                        if (_traceById.TryGetValue(u.UpdateId, out var t)) t.DeliveredAt ??= now;
                    }
                    return ApiResult.Ok(result);
                }
                signal = _updateSignal.Task;
            }
            var left = TimeSpan.FromSeconds(timeout) - Stopwatch.GetElapsedTime(start);
            if (left <= TimeSpan.Zero) return ApiResult.Ok(new JsonArray());
            try
            {
                await Task.WhenAny(signal, Task.Delay(left, linked.Token)).ConfigureAwait(false);
                linked.Token.ThrowIfCancellationRequested();
            }
            catch (OperationCanceledException)
            {
                return ApiResult.Ok(new JsonArray());
            }
        }
    }

    private void ConfirmUpTo(long offset)
    {
        if (offset == 0) return;
        var now = Stopwatch.GetTimestamp();
        int removed;
        if (offset > 0)
        {
            removed = _queue.FindAll(u => u.UpdateId < offset).Count;
            foreach (var u in _queue.Where(u => u.UpdateId < offset)) MarkConfirmed(u, now);
            _queue.RemoveAll(u => u.UpdateId < offset);
        }
        else
        {
            var keep = (int)Math.Min(-offset, _queue.Count);
            removed = _queue.Count - keep;
            foreach (var u in _queue.Take(removed)) MarkConfirmed(u, now);
            _queue.RemoveRange(0, removed);
        }
        if (removed > 0) Pulse();
    }

    private void MarkConfirmed(PendingUpdate u, long now)
    {
        if (_traceById.TryGetValue(u.UpdateId, out var t)) t.ConfirmedAt ??= now;
    }

    // ---------------- sending ----------------

    private ApiResult SendMessage(JsonObject p)
    {
        if (GetChatId(p, "chat_id") is not long chatId) return ApiResult.BadRequest("chat_id is empty");
        var text = Str(p, "text");
        if (string.IsNullOrWhiteSpace(text)) return ApiResult.BadRequest("message text is empty");
        var parseMode = Str(p, "parse_mode");
        var (plain, error) = TextFormatting.Render(text, parseMode, _options.ValidateHtml);
        if (error is not null) return ApiResult.BadRequest(error);
        if (plain.Length > 4096) return ApiResult.BadRequest("message is too long");
        var markup = Obj(p, "reply_markup");
        if (ValidateMarkup(markup) is string markupError) return ApiResult.BadRequest(markupError);
        lock (_gate)
        {
            var m = AddBotMessage(chatId, new JsonObject { ["text"] = plain }, "sendMessage", text, parseMode, markup);
            return ApiResult.Ok(m.Json.DeepClone());
        }
    }

    private ApiResult SendMedia(JsonObject p, List<RecordedFile> files, string method, string field)
    {
        if (GetChatId(p, "chat_id") is not long chatId) return ApiResult.BadRequest("chat_id is empty");
        var value = Str(p, field);
        RecordedFile? upload = null;
        if (value is not null && value.StartsWith("attach://", StringComparison.Ordinal))
        {
            var part = value["attach://".Length..];
            upload = files.FirstOrDefault(f => f.FieldName == part);
            if (upload is null) return ApiResult.BadRequest($"wrong HTTP URL specified");
        }
        else if (value is null)
        {
            upload = files.FirstOrDefault(f => f.FieldName == field);
            if (upload is null) return ApiResult.BadRequest($"there is no {field} in the request");
        }
        var caption = Str(p, "caption");
        var parseMode = Str(p, "parse_mode");
        string? plainCaption = null;
        if (caption is not null)
        {
            var (plain, error) = TextFormatting.Render(caption, parseMode, _options.ValidateHtml);
            if (error is not null) return ApiResult.BadRequest(error);
            if (plain.Length > 1024) return ApiResult.BadRequest("message caption is too long");
            plainCaption = plain;
        }
        var markup = Obj(p, "reply_markup");
        if (ValidateMarkup(markup) is string markupError) return ApiResult.BadRequest(markupError);
        lock (_gate)
        {
            StoredFile file;
            if (upload is not null)
            {
                file = StoreFile(field, upload.FileName, upload.ContentType, upload.Content);
            }
            else if (value!.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || value.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            {
                file = StoreFile(field, Path.GetFileName(new Uri(value).AbsolutePath), null, new byte[2048]);
            }
            else if (!_files.TryGetValue(value, out file!))
            {
                return ApiResult.BadRequest("wrong file identifier/HTTP URL specified");
            }
            var content = new JsonObject { [field] = MediaJson(field, file) };
            if (plainCaption is not null) content["caption"] = plainCaption;
            var m = AddBotMessage(chatId, content, method, caption, parseMode, markup);
            return ApiResult.Ok(m.Json.DeepClone());
        }
    }

    private ApiResult CopyOrForward(JsonObject p, bool forward)
    {
        if (GetChatId(p, "chat_id") is not long chatId) return ApiResult.BadRequest("chat_id is empty");
        if (GetChatId(p, "from_chat_id") is not long fromChatId) return ApiResult.BadRequest("from_chat_id is empty");
        if (Int(p, "message_id") is not int messageId) return ApiResult.BadRequest("message_id is empty");
        var caption = Str(p, "caption");
        var parseMode = Str(p, "parse_mode");
        string? plainCaption = null;
        if (!forward && caption is not null)
        {
            var (plain, error) = TextFormatting.Render(caption, parseMode, _options.ValidateHtml);
            if (error is not null) return ApiResult.BadRequest(error);
            plainCaption = plain;
        }
        var markup = forward ? null : Obj(p, "reply_markup");
        if (ValidateMarkup(markup) is string markupError) return ApiResult.BadRequest(markupError);
        lock (_gate)
        {
            var source = FindStored(fromChatId, messageId);
            if (source is null) return ApiResult.BadRequest(forward ? "message to forward not found" : "message to copy not found");
            var content = new JsonObject();
            foreach (var key in ContentKeys)
                if (source.Json[key] is JsonNode n) content[key] = n.DeepClone();
            if (plainCaption is not null && !content.ContainsKey("text"))
            {
                content["caption"] = plainCaption;
                content.Remove("caption_entities");
            }
            if (forward)
            {
                var origin = source.Json["from"] is JsonObject from
                    ? new JsonObject { ["type"] = "user", ["date"] = source.Json["date"]?.DeepClone(), ["sender_user"] = from.DeepClone() }
                    : new JsonObject { ["type"] = "channel", ["date"] = source.Json["date"]?.DeepClone(), ["chat"] = source.Json["chat"]?.DeepClone(), ["message_id"] = messageId };
                content["forward_origin"] = origin;
            }
            var m = AddBotMessage(chatId, content, forward ? "forwardMessage" : "copyMessage",
                plainCaption is not null ? caption : source.RawText, plainCaption is not null ? parseMode : source.ParseMode, markup,
                copiedFrom: (fromChatId, messageId));
            return ApiResult.Ok(forward ? m.Json.DeepClone() : new JsonObject { ["message_id"] = m.MessageId });
        }
    }

    private ApiResult EditMessage(JsonObject p, string method)
    {
        if (p.ContainsKey("inline_message_id")) return ApiResult.Ok(true);
        if (GetChatId(p, "chat_id") is not long chatId) return ApiResult.BadRequest("chat_id is empty");
        if (Int(p, "message_id") is not int messageId) return ApiResult.BadRequest("message_id is empty");
        var parseMode = Str(p, "parse_mode");
        var markup = Obj(p, "reply_markup");
        if (ValidateMarkup(markup) is string markupError) return ApiResult.BadRequest(markupError);
        if (markup is not null && !markup.ContainsKey("inline_keyboard")) return ApiResult.BadRequest("inline keyboard expected");
        string? raw = null, plain = null;
        if (method != "editMessageReplyMarkup")
        {
            raw = Str(p, method == "editMessageText" ? "text" : "caption");
            if (method == "editMessageText" && string.IsNullOrWhiteSpace(raw)) return ApiResult.BadRequest("message text is empty");
            if (raw is not null)
            {
                var (rendered, error) = TextFormatting.Render(raw, parseMode, _options.ValidateHtml);
                if (error is not null) return ApiResult.BadRequest(error);
                plain = rendered;
            }
        }
        lock (_gate)
        {
            var m = FindStored(chatId, messageId);
            if (m is null) return ApiResult.BadRequest("message to edit not found");
            if (!m.FromBot) return ApiResult.BadRequest("message can't be edited");
            var textKey = method == "editMessageText" ? "text" : "caption";
            if (method == "editMessageText" && m.Kind != MessageKind.Text) return ApiResult.BadRequest("there is no text in the message to edit");
            if (method == "editMessageCaption" && m.Kind == MessageKind.Text) return ApiResult.BadRequest("there is no caption in the message to edit");
            var currentMarkup = m.Json["reply_markup"] as JsonObject;
            var markupSame = JsonNode.DeepEquals(NormalizeInline(currentMarkup), NormalizeInline(markup));
            var textSame = method == "editMessageReplyMarkup" || Str(m.Json, textKey) == plain;
            if (markupSame && textSame)
                return ApiResult.BadRequest("message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message");
            if (method != "editMessageReplyMarkup")
            {
                if (plain is null) m.Json.Remove(textKey); else m.Json[textKey] = plain;
                m.Json.Remove(textKey == "text" ? "entities" : "caption_entities");
                m.RawText = raw;
                m.ParseMode = parseMode;
            }
            if (NormalizeInline(markup) is JsonObject inline) m.Json["reply_markup"] = inline; else m.Json.Remove("reply_markup");
            m.Json["edit_date"] = UnixNow();
            m.Edited = true;
            RecordOutput(new BotOutputEvent(method, chatId, messageId, Stopwatch.GetTimestamp()));
            Pulse();
            return ApiResult.Ok(m.Json.DeepClone());
        }
    }

    private static JsonObject? NormalizeInline(JsonObject? markup) =>
        markup?["inline_keyboard"] is JsonArray rows && rows.Count > 0 ? new JsonObject { ["inline_keyboard"] = rows.DeepClone() } : null;

    private static string? ValidateMarkup(JsonObject? markup)
    {
        if (markup?["inline_keyboard"] is not JsonArray rows) return null;
        foreach (var row in rows)
        {
            if (row is not JsonArray buttons) return "can't parse inline keyboard button: InlineKeyboardButton must be an Array";
            foreach (var b in buttons.OfType<JsonObject>())
            {
                if (string.IsNullOrEmpty(Str(b, "text"))) return "can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard";
                var data = Str(b, "callback_data");
                if (data is not null && (data.Length == 0 || Encoding.UTF8.GetByteCount(data) > 64)) return "BUTTON_DATA_INVALID";
                if (data is null && !b.Any(kv => kv.Key != "text" && kv.Key != "style" && kv.Key != "icon_custom_emoji_id"))
                    return "can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard";
            }
        }
        return null;
    }

    private ApiResult DeleteMessages(JsonObject p, bool single)
    {
        if (GetChatId(p, "chat_id") is not long chatId) return ApiResult.BadRequest("chat_id is empty");
        var ids = single
            ? (Int(p, "message_id") is int one ? [one] : Array.Empty<int>())
            : Arr(p, "message_ids")?.Select(n => (int)(LongOf(n) ?? 0)).ToArray() ?? [];
        if (ids.Length == 0) return ApiResult.BadRequest(single ? "message_id is empty" : "message_ids is empty");
        lock (_gate)
        {
            if (!_chats.TryGetValue(chatId, out var chat))
                return single ? ApiResult.BadRequest("message to delete not found") : ApiResult.Ok(true);
            var removed = chat.Messages.RemoveAll(m => ids.Contains(m.MessageId));
            if (single && removed == 0) return ApiResult.BadRequest("message to delete not found");
            Pulse();
            return ApiResult.Ok(true);
        }
    }

    private ApiResult AnswerCallbackQuery(JsonObject p)
    {
        var id = Str(p, "callback_query_id");
        if (string.IsNullOrEmpty(id)) return ApiResult.BadRequest("callback_query_id is empty");
        lock (_gate)
        {
            if (!_callbackChats.Remove(id, out var chatId))
                return ApiResult.BadRequest("query is too old and response timeout expired or query ID is invalid");
            RecordOutput(new BotOutputEvent("answerCallbackQuery", chatId, null, Stopwatch.GetTimestamp()));
            Pulse();
            return ApiResult.Ok(true);
        }
    }

    // ---------------- commands ----------------

    private static string CommandsKey(JsonObject? scope, string? languageCode)
    {
        var type = scope is null ? "default" : Str(scope, "type") ?? "default";
        var key = type;
        if (scope is not null && Long(scope, "chat_id") is long c) key += ":" + c;
        if (scope is not null && Long(scope, "user_id") is long u) key += ":" + u;
        return key + "|" + (languageCode ?? "");
    }

    private ApiResult SetMyCommands(JsonObject p)
    {
        var arr = Arr(p, "commands");
        if (arr is null) return ApiResult.BadRequest("commands is empty");
        var list = new List<BotCommandInfo>();
        foreach (var c in arr.OfType<JsonObject>())
        {
            var cmd = Str(c, "command") ?? "";
            var desc = Str(c, "description") ?? "";
            if (cmd.Length is 0 or > 32 || !cmd.All(ch => ch is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_'))
                return ApiResult.BadRequest("BOT_COMMAND_INVALID");
            if (desc.Length is 0 or > 256) return ApiResult.BadRequest("BOT_COMMAND_DESCRIPTION_INVALID");
            list.Add(new BotCommandInfo(cmd, desc));
        }
        lock (_gate) _commands[CommandsKey(Obj(p, "scope"), Str(p, "language_code"))] = list;
        return ApiResult.Ok(true);
    }

    private ApiResult DeleteMyCommands(JsonObject p)
    {
        lock (_gate) _commands.Remove(CommandsKey(Obj(p, "scope"), Str(p, "language_code")));
        return ApiResult.Ok(true);
    }

    private ApiResult GetMyCommands(JsonObject p)
    {
        lock (_gate)
        {
            var arr = new JsonArray();
            if (_commands.TryGetValue(CommandsKey(Obj(p, "scope"), Str(p, "language_code")), out var list))
                foreach (var c in list) arr.Add(new JsonObject { ["command"] = c.Command, ["description"] = c.Description });
            return ApiResult.Ok(arr);
        }
    }

    // ---------------- misc ----------------

    private ApiResult GetChat(JsonObject p)
    {
        if (GetChatId(p, "chat_id") is not long chatId) return ApiResult.BadRequest("chat_id is empty");
        lock (_gate)
        {
            if (!_chats.TryGetValue(chatId, out var chat)) return ApiResult.BadRequest("chat not found");
            var json = (JsonObject)chat.Json.DeepClone();
            json["accent_color_id"] = 0;
            json["max_reaction_count"] = 11;
            json["accepted_gift_types"] = new JsonObject
            {
                ["unlimited_gifts"] = false, ["limited_gifts"] = false, ["unique_gifts"] = false, ["premium_subscription"] = false,
            };
            return ApiResult.Ok(json);
        }
    }

    private ApiResult GetFile(JsonObject p)
    {
        var id = Str(p, "file_id");
        lock (_gate)
        {
            if (id is null || !_files.TryGetValue(id, out var f)) return ApiResult.BadRequest("invalid file_id");
            return ApiResult.Ok(new JsonObject
            {
                ["file_id"] = f.FileId, ["file_unique_id"] = f.FileUniqueId, ["file_size"] = f.Content.Length, ["file_path"] = f.FilePath,
            });
        }
    }

    private async Task ServeFileAsync(HttpContext ctx, string path)
    {
        // /file/bot{token}/{file_path}
        var rest = path["/file/bot".Length..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var filePath = slash < 0 ? "" : rest[(slash + 1)..];
        StoredFile? file;
        lock (_gate) file = _files.Values.FirstOrDefault(f => f.FilePath == filePath);
        if (file is null)
        {
            await WriteAsync(ctx, ApiResult.Error(404, "Not Found")).ConfigureAwait(false);
            return;
        }
        ctx.Response.ContentType = file.MimeType ?? "application/octet-stream";
        ctx.Response.ContentLength = file.Content.Length;
        await ctx.Response.Body.WriteAsync(file.Content, ctx.RequestAborted).ConfigureAwait(false);
    }

    // ---------------- state helpers (call under _gate) ----------------

    private long UnixNow() => _options.TimeProvider.GetUtcNow().ToUnixTimeSeconds();

    private JsonObject BotUserJson(bool full = false)
    {
        var o = new JsonObject
        {
            ["id"] = BotId, ["is_bot"] = true, ["first_name"] = _options.BotFirstName, ["username"] = _options.BotUsername,
        };
        if (full)
        {
            o["can_join_groups"] = true;
            o["can_read_all_group_messages"] = false;
            o["supports_inline_queries"] = false;
            o["can_connect_to_business"] = false;
            o["has_main_web_app"] = false;
        }
        return o;
    }

    private ChatState GetOrCreateChat(long chatId, string? type = null, string? title = null)
    {
        if (_chats.TryGetValue(chatId, out var chat)) return chat;
        type ??= chatId > 0 ? "private" : chatId < -1_000_000_000_000 ? "supergroup" : "group";
        var json = new JsonObject { ["id"] = chatId, ["type"] = type };
        if (type == "private")
        {
            if (_users.TryGetValue(chatId, out var u))
            {
                json["first_name"] = u["first_name"]?.DeepClone();
                if (u["username"] is JsonNode un) json["username"] = un.DeepClone();
            }
            else json["first_name"] = "Test";
        }
        else json["title"] = title ?? $"Chat {chatId}";
        chat = new ChatState { Id = chatId, Json = json };
        _chats[chatId] = chat;
        return chat;
    }

    private StoredMessage? FindStored(long chatId, int messageId) =>
        _chats.TryGetValue(chatId, out var c) ? c.Messages.Find(m => m.MessageId == messageId) : null;

    private StoredMessage AddBotMessage(long chatId, JsonObject content, string source, string? rawText, string? parseMode,
        JsonObject? markup, (long ChatId, int MessageId)? copiedFrom = null)
    {
        var chat = GetOrCreateChat(chatId);
        var id = chat.NextMessageId++;
        var json = new JsonObject { ["message_id"] = id };
        if ((string?)chat.Json["type"] == "channel") json["sender_chat"] = chat.Json.DeepClone();
        else json["from"] = BotUserJson();
        json["chat"] = chat.Json.DeepClone();
        json["date"] = UnixNow();
        foreach (var (k, v) in content.ToArray()) { content.Remove(k); json[k] = v; }
        if (NormalizeInline(markup) is JsonObject inline) json["reply_markup"] = inline;
        var now = Stopwatch.GetTimestamp();
        var m = new StoredMessage
        {
            ChatId = chatId, MessageId = id, FromBot = true, FromId = BotId, Json = json, Source = source, ReceivedAt = now,
            RawText = rawText, ParseMode = parseMode, CopiedFromChatId = copiedFrom?.ChatId, CopiedFromMessageId = copiedFrom?.MessageId,
        };
        if (ReplyKeyboardOf(markup) is { } keyboard) { m.ReplyKeyboard = keyboard; chat.ReplyKeyboard = keyboard; }
        if (markup is not null && Bool(markup, "remove_keyboard") == true) { m.RemovesReplyKeyboard = true; chat.ReplyKeyboard = null; }
        chat.Messages.Add(m);
        RecordOutput(new BotOutputEvent(source, chatId, id, now));
        Pulse();
        return m;
    }

    private StoredFile StoreFile(string kind, string? fileName, string? mimeType, byte[] content)
    {
        var n = _nextFileNo++;
        var prefix = kind switch
        {
            "photo" => "AgACAgIAAxkBAAI", "voice" => "AwACAgIAAxkBAAI", "video" => "BAACAgIAAxkBAAI", "video_note" => "DQACAgIAAxkBAAI",
            "sticker" => "CAACAgIAAxkBAAI", "audio" => "CQACAgIAAxkBAAI", "animation" => "CgACAgIAAxkBAAI", _ => "BQACAgIAAxkBAAI",
        };
        var fileId = $"{prefix}{n:D6}{RandomSecret(24)}";
        var folder = kind switch { "photo" => "photos", "voice" => "voice", "video" => "videos", "sticker" => "stickers", _ => "documents" };
        var ext = Path.GetExtension(fileName ?? "");
        if (string.IsNullOrEmpty(ext)) ext = kind switch { "photo" => ".jpg", "voice" => ".oga", "video" => ".mp4", "sticker" => ".webp", _ => "" };
        var f = new StoredFile(fileId, $"AQAD{n:D6}", fileName, mimeType ?? GuessMime(fileName, kind), content, $"{folder}/file_{n}{ext}");
        _files[fileId] = f;
        return f;
    }

    private static string GuessMime(string? fileName, string kind)
    {
        var ext = Path.GetExtension(fileName ?? "").ToLowerInvariant();
        return ext switch
        {
            ".pdf" => "application/pdf", ".txt" => "text/plain", ".csv" => "text/csv", ".json" => "application/json",
            ".jpg" or ".jpeg" => "image/jpeg", ".png" => "image/png", ".zip" => "application/zip", ".mp4" => "video/mp4",
            ".ogg" or ".oga" => "audio/ogg", ".mp3" => "audio/mpeg",
            ".docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            ".xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            _ => kind switch { "photo" => "image/jpeg", "voice" => "audio/ogg", "video" => "video/mp4", _ => "application/octet-stream" },
        };
    }

    private static JsonNode MediaJson(string kind, StoredFile f)
    {
        JsonObject Base() => new() { ["file_id"] = f.FileId, ["file_unique_id"] = f.FileUniqueId, ["file_size"] = f.Content.Length };
        switch (kind)
        {
            case "photo":
                var small = Base(); small["width"] = 90; small["height"] = 67; small["file_size"] = Math.Min(1500, f.Content.Length);
                small["file_id"] = f.FileId + "s"; small["file_unique_id"] = f.FileUniqueId + "s";
                var big = Base(); big["width"] = 800; big["height"] = 600;
                return new JsonArray(small, big);
            case "voice":
                var v = Base(); v["duration"] = 3; v["mime_type"] = f.MimeType ?? "audio/ogg"; return v;
            case "video":
            case "animation":
                var vid = Base(); vid["width"] = 640; vid["height"] = 360; vid["duration"] = 5; vid["mime_type"] = f.MimeType ?? "video/mp4";
                if (f.FileName is not null) vid["file_name"] = f.FileName;
                return vid;
            case "video_note":
                var vn = Base(); vn["length"] = 240; vn["duration"] = 5; return vn;
            case "audio":
                var a = Base(); a["duration"] = 60; a["mime_type"] = f.MimeType ?? "audio/mpeg";
                if (f.FileName is not null) a["file_name"] = f.FileName;
                return a;
            case "sticker":
                var s = Base(); s["type"] = "regular"; s["width"] = 512; s["height"] = 512; s["is_animated"] = false; s["is_video"] = false; s["emoji"] = "👍";
                return s;
            default:
                var d = Base();
                if (f.FileName is not null) d["file_name"] = f.FileName;
                d["mime_type"] = f.MimeType ?? "application/octet-stream";
                return d;
        }
    }
}
