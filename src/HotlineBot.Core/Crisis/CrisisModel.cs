using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;

namespace HotlineBot.Crisis;

/// <summary>One labelled phrase the model learns from: what a person wrote and which danger (or none) a counsellor saw in it.</summary>
public readonly record struct CrisisExample(string Text, CrisisKind Kind);

/// <summary>What the model makes of a message: how likely it is a danger at all, and which danger it most resembles.</summary>
public readonly record struct CrisisPrediction(double Alarm, CrisisKind Kind);

/// <summary>
/// The learned second opinion behind the crisis patterns: logistic regression over <see cref="CrisisFeatures"/> (is this a
/// danger at all, and which of the five), learned at load from the labelled examples in dialogs/crisis-examples/ (the same
/// phrases the patterns are measured on). The patterns stay first and explainable; the model catches what they have no
/// words for yet (a new wording, word order or spelling of a danger they know), and what it flags is only ever a worrying
/// message that gets the one gentle question, never the urgent path. Learning is deterministic (fixed feature hashing, fixed
/// shuffle), so the same examples give the same model on every start; a process keeps the models it learned, by examples.
/// </summary>
public sealed class CrisisModel
{
    // Chosen by measuring on a file the model did not learn (`crisis eval` on holdout4.yaml, README): a larger step (0.5)
    // made it sure of itself on calm messages that share words with danger (a headache pill, a game's boss); more epochs or
    // a stronger L2 changed little.
    private const int Epochs = 10;
    private const float LearningRate = 0.1f;
    private const float L2 = 1e-4f;
    private const int Seed = 7;

    // Features are hashed into a table per head. The danger head gets the larger one (2^20 entries, 4 MB), so that few of the
    // examples' features share an entry; which danger it is needs less (2^18 entries × 5 kinds, 5 MB).
    private const int DangerBits = 20;
    private const int KindBits = 18;

    private static readonly CrisisKind[] Kinds =
        [CrisisKind.Suicide, CrisisKind.SelfHarm, CrisisKind.Violence, CrisisKind.SexualViolence, CrisisKind.ChildDanger];

    // Lazy, so hosts loading the same dialogs at once (tests run in parallel) learn the model once between them.
    private static readonly ConcurrentDictionary<string, Lazy<CrisisModel>> Learned = new(StringComparer.Ordinal);

    // Two heads over the same features: danger or not (learned from every example), and which danger (from the alarms only).
    // One softmax over "none + five kinds" was measured too: it flagged more calm messages at the same recall.
    private readonly Head _danger;
    private readonly Head _kind;

    private CrisisModel(Head danger, Head kind, int examples)
    {
        _danger = danger;
        _kind = kind;
        Examples = examples;
    }

    public int Examples { get; }

    /// <summary>The model these examples teach; learned once per process for the same examples (tests and reloads share it).</summary>
    /// <param name="keptIn">A folder where a learned model is kept between starts (<see cref="CrisisModelFile"/>): learning
    /// takes a second or two, reading it back a few milliseconds. None: learned in memory only.</param>
    public static CrisisModel For(IReadOnlyList<CrisisExample> examples, string? keptIn = null)
    {
        var key = Fingerprint(examples);
        if (Learned.Count >= 8 && !Learned.ContainsKey(key))
        {
            Learned.Clear();
        }

        return Learned.GetOrAdd(key, _ => new Lazy<CrisisModel>(() =>
        {
            if (keptIn is not null && CrisisModelFile.Read(keptIn, key) is { } kept)
            {
                return kept;
            }

            var learned = Settled(Train(examples));
            if (keptIn is not null)
            {
                CrisisModelFile.Write(keptIn, key, learned);
            }

            return learned;
        })).Value;
    }

    /// <summary>The learned weights, for <see cref="CrisisModelFile"/>: both heads, in this machine's byte order (the file is a cache of this machine's, never shipped).</summary>
    internal void WriteTo(BinaryWriter writer)
    {
        writer.Write(Examples);
        _danger.WriteTo(writer);
        _kind.WriteTo(writer);
    }

    internal static CrisisModel ReadFrom(BinaryReader reader)
    {
        var examples = reader.ReadInt32();
        var danger = Head.ReadFrom(reader, classes: 1, DangerBits);
        var kind = Head.ReadFrom(reader, Kinds.Length, KindBits);
        return new CrisisModel(danger, kind, examples);
    }

    // Learning leaves some 30 MB of garbage (the learning tables, every example's features), and the server GC keeps such
    // memory resident for the process's next peak: the bot's peak under load rose by 40 MB with the model. It is learned once
    // per process, at start, so one full compacting collection that hands the memory back is worth its few milliseconds.
    private static CrisisModel Settled(CrisisModel model)
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        return model;
    }

    public static CrisisModel Train(IReadOnlyList<CrisisExample> examples)
    {
        var scratch = new HashSet<uint>();
        var features = examples.Select(e => CrisisFeatures.Of(CrisisText.Words(e.Text), scratch)).ToArray();
        var alarms = Enumerable.Range(0, examples.Count).Where(i => examples[i].Kind != CrisisKind.None).ToArray();
        // One head after the other, so that the two learning tables (weights and their sums, 8 and 10 MB) are never held at once;
        // a start waits only for the first message that needs the model.
        var danger = Head.Train(features, [.. examples.Select(e => e.Kind == CrisisKind.None ? 0 : 1)], classes: 1, DangerBits);
        var kind = Head.Train([.. alarms.Select(i => features[i])], [.. alarms.Select(i => Array.IndexOf(Kinds, examples[i].Kind))], Kinds.Length, KindBits);
        return new CrisisModel(danger, kind, examples.Count);
    }

    public CrisisPrediction Predict(CrisisWord[] words)
    {
        var features = CrisisFeatures.Of(words);
        Span<float> danger = stackalloc float[1];
        _danger.Probabilities(features, danger);
        Span<float> kinds = stackalloc float[Kinds.Length];
        _kind.Probabilities(features, kinds);
        var best = 0;
        for (var c = 1; c < kinds.Length; c++)
        {
            if (kinds[c] > kinds[best])
            {
                best = c;
            }
        }

        return new CrisisPrediction(danger[0], Kinds[best]);
    }

    /// <summary>The (at most three) words that speak most for a danger, in the message's order: what a worker sees as matched.</summary>
    public string TellingWords(CrisisWord[] words)
    {
        var weight = new float[words.Length];
        for (var i = 0; i < words.Length; i++)
        {
            foreach (var f in CrisisFeatures.Of([words[i]]))
            {
                weight[i] += _danger.Weight(f, 0);
            }
        }

        return string.Join(' ', Enumerable.Range(0, words.Length).OrderByDescending(i => weight[i]).Take(3).Order().Select(i => words[i].Text));
    }

    /// <summary>For an editor: the model's verdict and the features that pushed it most towards a danger, and away from one.</summary>
    public string Explain(CrisisWord[] words)
    {
        var prediction = Predict(words);
        var named = CrisisFeatures.Named(words).Select(f => (f.Name, Weight: _danger.Weight(f.Hash, 0)))
            .OrderByDescending(f => f.Weight).ToList();
        static string List(IEnumerable<(string Name, float Weight)> features) =>
            string.Join(", ", features.Select(f => string.Create(CultureInfo.InvariantCulture, $"{f.Name} {f.Weight:+0.00;-0.00}")));
        return string.Create(CultureInfo.InvariantCulture,
            $"learned model ({Examples} examples): danger {prediction.Alarm:P1}, most like {CrisisLexicon.Name(prediction.Kind)}; " +
            $"towards danger: {List(named.Take(6))}; against: {List(named.AsEnumerable().Reverse().Take(3))}");
    }

    // The examples and the code that learns from them: a model kept from another build (other features, another hashing)
    // must not be read back as if these examples had taught it. A deterministic build gives the same code the same id.
    public static string Fingerprint(IReadOnlyList<CrisisExample> examples)
    {
        var text = new StringBuilder(typeof(CrisisModel).Assembly.ManifestModule.ModuleVersionId.ToString()).Append('\n');
        foreach (var example in examples)
        {
            text.Append((int)example.Kind).Append('\t').Append(example.Text).Append('\n');
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>A logistic regression (one class) or a multinomial one (several) over hashed features, learned with AdaGrad
    /// (each feature its own step size, so rare features, like a Latin spelling seen twice, still learn), L2-regularised, in a
    /// fixed shuffled order.</summary>
    private sealed class Head
    {
        private readonly float[] _table;
        private readonly float[] _bias;
        private readonly int _classes;
        private readonly uint _mask;
        private readonly int _stride;

        private Head(float[] table, float[] bias, int classes, int bits, int stride)
        {
            _table = table;
            _bias = bias;
            _classes = classes;
            _mask = (1u << bits) - 1;
            _stride = stride;
        }

        // Learning runs once, at start, and the first call of a method runs unoptimised code: ask for the optimised one at once.
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public static Head Train(uint[][] features, int[] labels, int classes, int bits)
        {
            // Each weight sits beside its AdaGrad sum (one cache line holds both): the tables are megabytes and each update
            // touches a feature at random, so memory, not arithmetic, is what training waits on.
            var table = new float[(1 << bits) * classes * 2];
            var bias = new float[classes];
            var biasSquares = new float[classes];
            var head = new Head(table, bias, classes, bits, stride: 2);
            var rows = features.Select(f => f.Select(head.Row).ToArray()).ToArray();
            var order = Enumerable.Range(0, features.Length).ToArray();
            var random = new Random(Seed);
            Span<float> p = stackalloc float[classes];
            Span<float> gradient = stackalloc float[classes];
            for (var epoch = 0; epoch < Epochs; epoch++)
            {
                random.Shuffle(order);
                foreach (var n in order)
                {
                    head.Probabilities(rows[n], p);
                    for (var c = 0; c < classes; c++)
                    {
                        // One class is a logistic regression (p = the chance of label 1); more are a softmax over them.
                        gradient[c] = p[c] - ((classes == 1 ? labels[n] == 1 : labels[n] == c) ? 1f : 0f);
                        biasSquares[c] += gradient[c] * gradient[c];
                        bias[c] -= LearningRate * gradient[c] / MathF.Sqrt(biasSquares[c] + 1e-8f);
                    }

                    foreach (var row in rows[n])
                    {
                        for (var c = 0; c < classes; c++)
                        {
                            var at = row + (2 * c);
                            var g = gradient[c] + (L2 * table[at]);
                            table[at + 1] += g * g;
                            table[at] -= LearningRate * g / MathF.Sqrt(table[at + 1] + 1e-8f);
                        }
                    }
                }
            }

            // The sums are only for learning: the model keeps the weights alone (half the memory).
            var weights = new float[table.Length / 2];
            for (var i = 0; i < weights.Length; i++)
            {
                weights[i] = table[2 * i];
            }

            return new Head(weights, bias, classes, bits, stride: 1);
        }

        public void WriteTo(BinaryWriter writer)
        {
            writer.Write(_bias.Length);
            foreach (var b in _bias)
            {
                writer.Write(b);
            }

            writer.Write(_table.Length);
            writer.Write(MemoryMarshal.AsBytes(_table.AsSpan()));
        }

        /// <summary>Reads a head written by <see cref="WriteTo"/>; a shape other than this code's is an error, never a guess.</summary>
        public static Head ReadFrom(BinaryReader reader, int classes, int bits)
        {
            var bias = new float[reader.ReadInt32()];
            if (bias.Length != classes)
            {
                throw new InvalidDataException($"a head of {bias.Length} classes where {classes} were expected");
            }

            for (var c = 0; c < classes; c++)
            {
                bias[c] = reader.ReadSingle();
            }

            var table = new float[reader.ReadInt32()];
            if (table.Length != (1 << bits) * classes)
            {
                throw new InvalidDataException($"a table of {table.Length} weights where {(1 << bits) * classes} were expected");
            }

            reader.BaseStream.ReadExactly(MemoryMarshal.AsBytes(table.AsSpan()));
            return new Head(table, bias, classes, bits, stride: 1);
        }

        private int Row(uint feature) => (int)(feature & _mask) * _classes * _stride;

        public float Weight(uint feature, int c) => _table[Row(feature) + (_stride * c)];

        public void Probabilities(uint[] features, Span<float> p) => Probabilities(features.Select(Row).ToArray(), p);

        private void Probabilities(int[] rows, Span<float> p)
        {
            _bias.CopyTo(p);
            foreach (var row in rows)
            {
                for (var c = 0; c < _classes; c++)
                {
                    p[c] += _table[row + (_stride * c)];
                }
            }

            if (_classes == 1)
            {
                p[0] = 1 / (1 + MathF.Exp(-p[0]));
                return;
            }

            var max = float.MinValue;
            foreach (var s in p)
            {
                max = MathF.Max(max, s);
            }

            var sum = 0f;
            for (var c = 0; c < p.Length; c++)
            {
                p[c] = MathF.Exp(p[c] - max);
                sum += p[c];
            }

            for (var c = 0; c < p.Length; c++)
            {
                p[c] /= sum;
            }
        }
    }
}
