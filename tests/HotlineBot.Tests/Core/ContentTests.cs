using System.Text.RegularExpressions;
using HotlineBot.Conversations;
using HotlineBot.Dialogs;

namespace HotlineBot.Tests.Core;

/// <summary>Every screen in both languages through the engine, and the facts the content must state.</summary>
public sealed partial class ContentTests
{
    private const long Kk = 6001;
    private const long Ru = 6002;
    private static readonly System.Buffers.SearchValues<char> KazakhLetters = System.Buffers.SearchValues.Create("әғқңөұүһіӘҒҚҢӨҰҮҺІ");

    [Fact]
    public void Every_node_renders_in_both_languages_within_telegram_limits()
    {
        using var bot = new CoreHarness();
        bot.Onboard(Kk, "kk");
        bot.Onboard(Ru, "ru");
        var kkTextsByTopic = new Dictionary<string, List<string>>();
        Assert.True(bot.Dialogs.Nodes.Count >= 30, $"only {bot.Dialogs.Nodes.Count} nodes loaded");

        foreach (var id in bot.Dialogs.Nodes.Keys.Order(StringComparer.Ordinal))
        {
            var texts = new Dictionary<long, string>();
            foreach (var user in new[] { Kk, Ru })
            {
                bot.Press(user, "n:" + id, messageId: 7);
                var reply = Assert.Single(bot.RepliesTo(user));
                var where = $"node '{id}' for {(user == Kk ? "kk" : "ru")}";
                Assert.True(reply.Kind is OutboundKind.Edit, $"{where}: {reply.Kind}");
                Assert.Equal(7, reply.EditMessageId);
                Assert.False(string.IsNullOrWhiteSpace(reply.Text), where);
                Assert.True(reply.Text!.Length <= 4096, $"{where}: {reply.Text.Length} chars");
                Assert.False(reply.Text.Contains('{', StringComparison.Ordinal), $"{where}: unfilled placeholder in {reply.Text}");
                var data = CoreHarness.ButtonData([reply]).ToList();
                Assert.Contains("a:escalate", data);
                if (id == DialogSet.RootId)
                {
                    Assert.DoesNotContain("a:back", data);
                    Assert.Contains("a:language", data);
                }
                else
                {
                    Assert.Contains("a:back", data);
                    Assert.Contains("a:menu", data);
                }

                Assert.All(data, d => Assert.True(CallbackData.Bytes(d) <= 64, $"{where}: '{d}' is {CallbackData.Bytes(d)} bytes"));
                Assert.All(reply.Buttons!.SelectMany(r => r), b => Assert.False(string.IsNullOrWhiteSpace(b.Label), where));
                texts[user] = reply.Text;
            }

            Assert.NotEqual(texts[Kk], texts[Ru]);
            var topic = bot.Dialogs.Nodes[id].Topic ?? id;
            (kkTextsByTopic.TryGetValue(topic, out var list) ? list : kkTextsByTopic[topic] = []).Add(texts[Kk]);
        }

        foreach (var (topic, kkTexts) in kkTextsByTopic)
        {
            Assert.True(kkTexts.Any(t => t.AsSpan().IndexOfAny(KazakhLetters) >= 0), $"no Kazakh-specific letter in any kk screen of topic '{topic}'");
        }
    }

    [Fact]
    public void The_numbers_screen_shows_the_configured_numbers_in_the_persons_language()
    {
        using var bot = new CoreHarness();
        bot.Onboard(Kk, "kk");
        bot.Press(Kk, "n:numbers");
        var text = bot.TextTo(Kk);
        Assert.Contains("☎ 112 — бірыңғай шұғыл қызмет", text, StringComparison.Ordinal);
        Assert.Contains("☎ 111 —", text, StringComparison.Ordinal);
        Assert.Contains("☎ 150 —", text, StringComparison.Ordinal);
        Assert.DoesNotContain("единая служба", text, StringComparison.Ordinal);
    }

    private static string RuUnder(DialogSet dialogs, string start)
    {
        var seen = new HashSet<string> { start };
        var queue = new Queue<string>([start]);
        while (queue.TryDequeue(out var id))
        {
            foreach (var to in dialogs.Nodes[id].Buttons.Select(b => b.To).OfType<string>())
            {
                if (seen.Add(to))
                {
                    queue.Enqueue(to);
                }
            }
        }

        return string.Join("\n", seen.Select(id => dialogs.Nodes[id].Text.Ru));
    }

    private static DialogSet Load() => DialogCatalog.LoadOrThrow(CoreHarness.DialogsPath);

    private static List<int> Numbered(string text) =>
        NumberedLine().Matches(text).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();

    [GeneratedRegex(@"^(\d+)\. ", RegexOptions.Multiline)]
    private static partial Regex NumberedLine();

    [Theory]
    [InlineData("специальное государственное пособие")]
    [InlineData("государственное социальное пособие по инвалидности")]
    [InlineData("по случаю потери кормильца")]
    [InlineData("государственное социальное пособие по возрасту")]
    [InlineData("государственное специальное пособие (Списки №1 и №2)")]
    [InlineData("пособие на рождение ребенка")]
    [InlineData("по уходу за ребенком до достижения им возраста полутора лет")]
    [InlineData("государственное пособие семьям, имеющим детей до 18 лет")]
    [InlineData("пособие на погребение")]
    public void The_benefits_screens_name_every_benefit_kind(string term) =>
        Assert.Contains(term, RuUnder(Load(), "benefits"), StringComparison.OrdinalIgnoreCase);

    [Fact]
    public void The_benefit_kinds_are_numbered_one_to_eight()
    {
        var dialogs = Load();
        foreach (var language in new[] { Language.Kk, Language.Ru })
        {
            var text = dialogs.Nodes["benefits.kinds.1"].Text.For(language) + "\n" + dialogs.Nodes["benefits.kinds.2"].Text.For(language);
            Assert.Equal(Enumerable.Range(1, 8), Numbered(text));
        }
    }

    [Fact]
    public void The_special_benefit_list_numbers_one_to_thirteen_in_both_languages()
    {
        var dialogs = Load();
        foreach (var language in new[] { Language.Kk, Language.Ru })
        {
            var text = string.Join("\n", Enumerable.Range(1, 5).Select(i => dialogs.Nodes[$"benefits.special.{i}"].Text.For(language)));
            Assert.Equal(Enumerable.Range(1, 13), Numbered(text));
        }

        Assert.Contains("Лица с инвалидностью I, II и III групп", dialogs.Nodes["benefits.special.3"].Text.Ru, StringComparison.Ordinal);
        Assert.Contains("1988–1989", dialogs.Nodes["benefits.special.3"].Text.Ru, StringComparison.Ordinal);
        Assert.Contains("23 лет", dialogs.Nodes["benefits.special.4"].Text.Ru, StringComparison.Ordinal);
        Assert.Contains("17", dialogs.Nodes["benefits.special.5"].Text.Ru, StringComparison.Ordinal);
        Assert.Contains("«Лётчик-космонавт Казахстана»", dialogs.Nodes["benefits.special.2"].Text.Ru, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ЦОН")]
    [InlineData("egov.kz")]
    [InlineData("eGov Mobile")]
    [InlineData("{number:1414}")]
    [InlineData("В 2016 году ГЦВП вошёл в Государственную корпорацию «Правительство для граждан»")]
    [InlineData("Государственный центр по выплате пенсий (ГЦВП)")]
    public void Benefits_apply_says_where_to_apply_today(string fact) =>
        Assert.Contains(fact, Load().Nodes["benefits.apply"].Text.Ru, StringComparison.Ordinal);

    [Fact]
    public void Benefits_apply_in_kazakh_names_the_same_places()
    {
        var kk = Load().Nodes["benefits.apply"].Text.Kk!;
        Assert.Contains("ХҚО", kk, StringComparison.Ordinal);
        Assert.Contains("egov.kz", kk, StringComparison.Ordinal);
        Assert.Contains("{number:1414}", kk, StringComparison.Ordinal);
        Assert.Contains("2016", kk, StringComparison.Ordinal);
    }

    [Fact]
    public void Services_lists_eight_kinds_each_with_its_own_screen()
    {
        var dialogs = Load();
        var services = dialogs.Nodes["services"];
        Assert.Equal(Enumerable.Range(1, 8), Numbered(services.Text.Ru!));
        Assert.Equal(Enumerable.Range(1, 8), Numbered(services.Text.Kk!));
        foreach (var kind in new[] { "Социально-медицинские", "Социально-психологические", "Социально-педагогические", "Социально-экономические", "Социально-правовые", "Социально-бытовые", "Социально-трудовые", "Социально-культурные" })
        {
            Assert.Contains(kind, services.Text.Ru, StringComparison.Ordinal);
        }

        var kindScreens = services.Buttons.Select(b => b.To).OfType<string>().Where(t => t != "services.how").ToList();
        Assert.Equal(8, kindScreens.Count);
        Assert.All(kindScreens, id => Assert.NotNull(dialogs.Find(id)));
    }

    [Fact]
    public void Eligible_lists_eleven_groups()
    {
        var eligible = Load().Nodes["eligible"];
        Assert.Equal(Enumerable.Range(1, 11), Numbered(eligible.Text.Ru!));
        Assert.Equal(Enumerable.Range(1, 11), Numbered(eligible.Text.Kk!));
        Assert.Contains("Пожилым людям старше 70 лет", eligible.Text.Ru, StringComparison.Ordinal);
        Assert.Contains("Лицам, пострадавшим от насилия", eligible.Text.Ru, StringComparison.Ordinal);
    }

    [Fact]
    public void Probation_lists_five_employment_measures()
    {
        var dialogs = Load();
        var jobs = dialogs.Nodes["probation.jobs"];
        Assert.Equal(Enumerable.Range(1, 5), Numbered(jobs.Text.Ru!));
        Assert.Equal(Enumerable.Range(1, 5), Numbered(jobs.Text.Kk!));
        Assert.Contains("социальные рабочие места", jobs.Text.Ru, StringComparison.Ordinal);
        Assert.Contains("квоты рабочих мест", jobs.Text.Ru, StringComparison.Ordinal);
        Assert.Contains("Закону «О пробации» (2016)", dialogs.Nodes["probation"].Text.Ru, StringComparison.Ordinal);
    }

    [Fact]
    public void No_content_quotes_an_amount_in_tenge()
    {
        var dialogs = Load();
        var all = string.Join("\n", dialogs.Nodes.Values.SelectMany(n => new[] { n.Text.Kk, n.Text.Ru }))
            + string.Join("\n", dialogs.Questionnaire.Results.SelectMany(r => new[] { r.Text.Kk, r.Text.Ru }));
        Assert.DoesNotContain("тенге", all, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("теңге", all, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("₸", all, StringComparison.Ordinal);
        Assert.DoesNotContain("МРП", all, StringComparison.Ordinal);
    }

    /// <summary>Every sentence a person can be shown, raw (placeholders unfilled), with where it comes from.</summary>
    private static IEnumerable<(string Where, string Text)> AllPersonTexts(DialogSet dialogs)
    {
        foreach (var language in new[] { Language.Kk, Language.Ru })
        {
            foreach (var node in dialogs.Nodes.Values)
            {
                yield return ($"node '{node.Id}' ({language.Code()})", node.Text.For(language));
                foreach (var button in node.Buttons)
                {
                    yield return ($"a button of '{node.Id}' ({language.Code()})", button.Label.For(language));
                }
            }

            foreach (var question in dialogs.Questionnaire.Questions)
            {
                yield return ($"question '{question.Id}' ({language.Code()})", question.Text.For(language));
                foreach (var option in question.Options)
                {
                    yield return ($"option '{question.Id}.{option.Value}' ({language.Code()})", option.Label.For(language));
                }
            }

            foreach (var result in dialogs.Questionnaire.Results)
            {
                yield return ($"result '{result.Id}' ({language.Code()})", result.Text.For(language));
            }

            yield return ($"the questionnaire fallback ({language.Code()})", dialogs.Questionnaire.Fallback.For(language));
            foreach (var (key, text) in dialogs.Ui.Strings.Where(s => !s.Key.StartsWith("worker.", StringComparison.Ordinal)))
            {
                yield return ($"string '{key}' ({language.Code()})", text.For(language));
            }

            foreach (var reply in dialogs.QuickReplies)
            {
                yield return ($"quick reply '{reply.Id}' ({language.Code()})", reply.Text.For(language));
            }
        }
    }

    [Fact]
    public void No_screen_or_sentence_speaks_of_the_source()
    {
        foreach (var (where, text) in AllPersonTexts(Load()))
        {
            foreach (var word in new[] { "источник", "дереккөз" })
            {
                Assert.False(text.Contains(word, StringComparison.OrdinalIgnoreCase), $"{where} says «{word}»: {text}");
            }
        }
    }

    [Theory]
    [InlineData("госпособие")]
    [InlineData("соцпомощь")]
    [InlineData("Летчик")]
    [InlineData("Болдырылмады")]
    [InlineData("өз жолын табады")]
    [InlineData("Выплата сегодня")]
    [InlineData("Назначают ли это пособие сейчас")]
    [InlineData("категория ")]
    [InlineData("-санат")]
    [InlineData("с подростками")]
    public void The_wording_defects_of_issue_19_are_gone(string defect)
    {
        foreach (var (where, text) in AllPersonTexts(Load()))
        {
            Assert.False(text.Contains(defect, StringComparison.OrdinalIgnoreCase), $"{where} still says «{defect}»: {text}");
        }
    }

    [Fact]
    public void Numbers_appear_in_content_only_through_placeholders()
    {
        foreach (var (where, text) in AllPersonTexts(Load()))
        {
            var bare = DialogChecker.NumberPlaceholder().Replace(text, string.Empty);
            var literal = LiteralNumber().Match(bare);
            Assert.False(literal.Success, $"{where} types the number {literal.Value} instead of {{number:{literal.Value}}}: {text}");
        }
    }

    [GeneratedRegex(@"(?<![\d.–-])(1414|111|112|150|102|103)(?![\d.–-])")]
    private static partial Regex LiteralNumber();

    /// <summary>Every screen, result and the fallback tells the person where to go next: one line starting with 👉.</summary>
    [Fact]
    public void Every_screen_and_result_ends_with_a_next_step()
    {
        var dialogs = Load();
        foreach (var language in new[] { Language.Kk, Language.Ru })
        {
            var texts = dialogs.Nodes.Values.Select(n => ($"node '{n.Id}'", n.Text.For(language)))
                .Concat(dialogs.Questionnaire.Results.Select(r => ($"result '{r.Id}'", r.Text.For(language))))
                .Append(("the fallback", dialogs.Questionnaire.Fallback.For(language)));
            foreach (var (where, text) in texts)
            {
                var steps = text.Split('\n').Where(l => l.StartsWith("👉", StringComparison.Ordinal)).ToList();
                Assert.True(steps.Count == 1, $"{where} ({language.Code()}) has {steps.Count} next-step lines: {text}");
                Assert.True(NextStepPlace().IsMatch(steps[0]), $"{where} ({language.Code()}): the next step names no place to ask: {steps[0]}");
            }
        }
    }

    [GeneratedRegex("ЦОН|ХҚО|egov|number:|поликлиник|емхана|специалист|маман|пробаци|инспектор|сауалнама|анкет|вопрос|Жәрдемақылар|Пособия|батырма|кнопке|тақырып|тему|центр|орталығ", RegexOptions.IgnoreCase)]
    private static partial Regex NextStepPlace();

    [Fact]
    public void Information_screens_stay_short()
    {
        foreach (var (id, node) in Load().Nodes)
        {
            foreach (var language in new[] { Language.Kk, Language.Ru })
            {
                var text = node.Text.For(language).Replace("{numbers}", string.Empty, StringComparison.Ordinal);
                Assert.True(text.Length <= 750, $"node '{id}' ({language.Code()}) is {text.Length} characters; split it");
            }
        }
    }

    [Fact]
    public void The_2001_draft_is_told_as_history()
    {
        var dialogs = Load();
        foreach (var id in new[] { "protection.disability", "protection.oldage" })
        {
            Assert.Contains("планировал", dialogs.Nodes[id].Text.Ru, StringComparison.Ordinal);
            Assert.Contains("жоспарла", dialogs.Nodes[id].Text.Kk, StringComparison.Ordinal);
        }

        Assert.Contains("история", dialogs.Nodes["protection"].Text.Ru, StringComparison.Ordinal);
        Assert.Contains("гарантировало", dialogs.Nodes["protection.breadwinner"].Text.Ru, StringComparison.Ordinal);
    }

    [Fact]
    public void The_150_line_is_flagged_as_to_be_confirmed_after_2023()
    {
        using var bot = new CoreHarness();
        foreach (var (user, lang, flag) in new[] { (Ru, "ru", "☎ 150 — национальный телефон доверия для детей и молодёжи (часы работы после 2023 года нужно уточнить)"), (Kk, "kk", "2023 жылдан кейінгі жұмыс уақытын нақтылау керек") })
        {
            bot.Onboard(user, lang);
            bot.Press(user, "n:numbers", lang: lang);
            Assert.Contains(flag, bot.TextTo(user), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_long_menu_is_grouped_two_short_buttons_a_row()
    {
        using var bot = new CoreHarness();
        bot.Onboard(Ru, "ru");
        var menu = bot.RepliesTo(Ru).Single();
        Assert.True(menu.Buttons!.Count <= 9, $"the main menu has {menu.Buttons.Count} rows");
        Assert.Contains(menu.Buttons, row => row.Count == 2);
        Assert.All(menu.Buttons.Where(r => r.Count == 2).SelectMany(r => r), b => Assert.True(b.Label.Length <= ScreenRenderer.PairedLabelLength + 2, b.Label));
        bot.Press(Ru, "n:services");
        Assert.True(bot.RepliesTo(Ru).Single().Buttons!.Count <= 9);
    }
}
