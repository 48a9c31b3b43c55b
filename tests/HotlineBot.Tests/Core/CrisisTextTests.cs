using HotlineBot.Conversations;
using HotlineBot.Crisis;

namespace HotlineBot.Tests.Core;

/// <summary>Folding of what people type (each transliteration scheme, look-alikes, Kazakh letters) and the language guess.</summary>
public sealed class CrisisTextTests
{
    [Theory]
    [InlineData("ЁЛКА Эхо", "елка ехо")]
    [InlineData("Өз-өзіме", "оз озиме")]
    [InlineData("қ ө ү ұ і ә ғ ң һ", "к о у у и а г н х")]
    [InlineData("убью, объём; щука", "убю обем шука")]
    [InlineData("мой", "мои")]
    [InlineData("", "")]
    public void Cyrillic_folds_as_documented(string text, string expected) => Assert.Equal(expected, CrisisText.Fold(text));

    [Theory]
    [InlineData("мужbьет", "мужвет")] // a Latin b inside a Cyrillic word is read as в (B looks like В)
    [InlineData("избиваеt", "избивает")]
    [InlineData("xoчy yмереть", "хочу умерет")] // Latin x, y inside Cyrillic words are х and у
    [InlineData("HeT", "хет")] // no Cyrillic letter at all: a Latin word, transliterated
    public void Latin_look_alikes_inside_Cyrillic_words_are_read_as_Cyrillic(string text, string expected) =>
        Assert.Equal(expected, CrisisText.Fold(text));

    [Theory]
    // Russian, the common phone schemes
    [InlineData("ne hochu zhit", "не хочу жит")]
    [InlineData("ne hochu jit", "не хочу жит")]
    [InlineData("ya hochu umeret", "я хочу умерет")]
    [InlineData("zhit ne hochetsya", "жит не хочется")]
    [InlineData("schuka", "шука")]
    [InlineData("shchetka", "шетка")]
    [InlineData("khochu", "хочу")]
    [InlineData("tsel", "цел")]
    [InlineData("ub'yu sebya", "убю себя")]
    [InlineData("xo4u", "хочу")]
    [InlineData("moy", "мои")]
    [InlineData("yolka", "елка")]
    [InlineData("yubka", "юбка")]
    [InlineData("byl", "был")]
    // Kazakh, plain ASCII and the Latin alphabets with diacritics
    [InlineData("olgim keledi", "олгим келеди")]
    [InlineData("ölgim keledi", "олгим келеди")]
    [InlineData("oz ozime qol jumsaimyn", "оз озиме кол жумсаимын")]
    [InlineData("asılıp", "асылып")]
    [InlineData("ólgim kelmeıdi", "олгим келмеиди")]
    [InlineData("ağa", "ага")]
    [InlineData("agha", "ага")]
    [InlineData("meniñ", "менин")]
    [InlineData("mening", "менин")]
    [InlineData("ürady", "урады")]
    [InlineData("äkem", "акем")]
    [InlineData("şeşem", "шешем")]
    [InlineData("o'lgim", "олгим")]
    [InlineData("jalǵyz", "жалгыз")] // the 2018 Kazakh alphabet: ǵ, ý
    [InlineData("ýaqyt", "уакыт")]
    [InlineData("denеme qol", "денеме кол")] // a Latin word with a stray Cyrillic е is still Latin
    [InlineData("kеlеdі", "келеди")]
    public void Latin_words_are_transliterated(string text, string expected) => Assert.Equal(expected, CrisisText.Fold(text));

    [Fact]
    public void A_latin_j_keeps_its_other_reading()
    {
        var word = Assert.Single(CrisisText.Words("jaman"));
        Assert.True(word.Latin);
        Assert.Equal("жаман", word.Text);
        Assert.Equal("яман", word.Alt);
        Assert.Null(Assert.Single(CrisisText.Words("hochu")).Alt);
        Assert.False(Assert.Single(CrisisText.Words("хочу")).Latin);
    }

    [Fact]
    public void A_latin_j_after_a_vowel_is_also_read_as_zh_as_the_2021_kazakh_alphabet_writes_it()
    {
        var word = Assert.Single(CrisisText.Words("majburleidi"));
        Assert.Equal("маибурлеиди", word.Text);
        Assert.Equal("мажбурлеиди", word.Alt);
        Assert.Equal("поиду", Assert.Single(CrisisText.Words("pojdu")).Text);
    }

    [Theory]
    [InlineData("өлгім келеді", Language.Kk)]
    [InlineData("олгим келеди", Language.Kk)]
    [InlineData("olgim keledi", Language.Kk)]
    [InlineData("мен шаршадым", Language.Kk)]
    [InlineData("куиеуим урады мени", Language.Kk)]
    [InlineData("не хочу жить", Language.Ru)]
    [InlineData("ne hochu zhit", Language.Ru)]
    [InlineData("муж меня бьёт", Language.Ru)]
    [InlineData("хочу умереть", Language.Ru)]
    [InlineData("ok", null)]
    [InlineData("123", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void The_language_is_guessed_or_left_open(string? text, Language? expected) => Assert.Equal(expected, TextLanguage.Guess(text));

    [Fact]
    public void The_language_guess_is_right_on_the_corpus_and_rarely_wrong()
    {
        var phrases = CrisisCorpus.Read(Path.Combine(CoreHarness.DialogsPath, "crisis-examples", "phrases.yaml"));
        var guesses = phrases.Select(p => (p.Lang, Guess: TextLanguage.Guess(p.Text))).ToList();
        var right = guesses.Count(g => g.Guess == g.Lang);
        var wrong = guesses.Count(g => g.Guess is not null && g.Guess != g.Lang);
        Assert.True(right >= phrases.Count * 0.9, $"right {right} of {phrases.Count}");
        Assert.True(wrong <= phrases.Count * 0.03, $"wrong {wrong} of {phrases.Count}");
    }
}
